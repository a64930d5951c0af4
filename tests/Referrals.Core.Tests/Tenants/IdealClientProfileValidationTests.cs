using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Tenants;

public sealed class IdealClientProfileValidationTests
{
    private static IdealClientProfile Profile(string name) => new()
    {
        Name = name,
        Who = "families who have just moved in",
        Situation = "has just bought a house",
        Benefit = "We get the garden ready before the first summer.",
    };

    private static IReadOnlyList<string> Keys(ProgramSettings settings) => ProgramSettingsValidator.Validate(settings).Select(p => p.Key).ToList();

    [Test]
    public void Defaults_HoldNoProfiles_AndAllowFour()
    {
        Assert.That(new ProgramSettings().IdealClients, Is.Empty);
        Assert.That(ProgramSettings.MaxIdealClients, Is.EqualTo(4));
    }

    [Test]
    public void Validate_AcceptsFourProfiles()
    {
        var settings = new ProgramSettings { IdealClients = [Profile("A"), Profile("B"), Profile("C"), Profile("D")] };

        Assert.That(ProgramSettingsValidator.Validate(settings), Is.Empty);
    }

    [Test]
    public void Validate_RefusesAFifthProfile()
    {
        var settings = new ProgramSettings { IdealClients = [Profile("A"), Profile("B"), Profile("C"), Profile("D"), Profile("E")] };

        Assert.That(Keys(settings), Is.EqualTo(new[] { "Referrals:Program:IdealClients" }));
    }

    [Test]
    public void Validate_RefusesTwoProfilesWithTheSameName_IgnoringCase()
    {
        var settings = new ProgramSettings { IdealClients = [Profile("Movers"), Profile(" movers ")] };

        Assert.That(Keys(settings), Is.EqualTo(new[] { "Referrals:Program:IdealClients:1:Name" }));
    }

    [Test]
    public void Validate_RefusesEmptyAndTooLongFields_NamingThem()
    {
        var profile = Profile("Movers");
        profile.Situation = " ";
        profile.Benefit = new string('x', IdealClientProfile.MaxTextLength + 1);

        Assert.That(
            Keys(new ProgramSettings { IdealClients = [profile] }),
            Is.EquivalentTo(new[] { "Referrals:Program:IdealClients:0:Situation", "Referrals:Program:IdealClients:0:Benefit" }));
    }

    [Test]
    public void Validate_RefusesATimelineStepNamingAnUnknownProfile()
    {
        var settings = new ProgramSettings { IdealClients = [Profile("Movers")] };
        settings.Timeline.StepFor(Core.Asks.AskTrigger.Purchase).IdealClientName = "Builders";

        Assert.That(Keys(settings), Is.EqualTo(new[] { "Referrals:Program:Timeline:Purchase:IdealClientName" }));
    }

    [Test]
    public void FindIdealClient_MatchesTheNameIgnoringCase()
    {
        var settings = new ProgramSettings { IdealClients = [Profile("Movers")] };

        Assert.That(settings.FindIdealClient("MOVERS"), Is.SameAs(settings.IdealClients[0]));
        Assert.That(settings.FindIdealClient(null), Is.Null);
    }
}
