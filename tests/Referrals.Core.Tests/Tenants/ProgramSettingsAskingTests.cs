using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Tenants;

/// <summary>Program validation covers the satisfaction gate and the ask templates.</summary>
public sealed class ProgramSettingsAskingTests
{
    [Test]
    public void Validate_NamesTheGateKey_WhenDetractorsReachPromoters()
    {
        var settings = new ProgramSettings();
        settings.Gate.DetractorMaximum = 9;

        var problems = ProgramSettingsValidator.Validate(settings);

        Assert.That(problems.Select(p => p.Key), Has.Some.StartsWith("Referrals:Program:Gate:"));
    }

    [Test]
    public void Validate_NamesTheTemplate_WhenItsLiquidIsBroken()
    {
        var settings = new ProgramSettings();
        settings.Templates.ReferralAskSubject = "Thanks {{ first_name ";

        var problems = ProgramSettingsValidator.Validate(settings);

        Assert.That(problems.Select(p => p.Key), Does.Contain("Referrals:Program:Templates:ReferralAskSubject"));
    }

    [Test]
    public void Validate_DoesNotBlockTheSave_ForAWordingFindingAlone()
    {
        var settings = new ProgramSettings();
        settings.Templates.ReferralAskText = settings.Templates.ReferralAskText + "\nDo you know anyone who would like this?";

        Assert.That(ProgramSettingsValidator.Validate(settings), Is.Empty);
    }

    [Test]
    public void Validate_ReportsMissingGateAndTemplates_InsteadOfThrowing()
    {
        var settings = new ProgramSettings { Gate = null!, Templates = null! };

        var keys = ProgramSettingsValidator.Validate(settings).Select(p => p.Key);

        Assert.That(keys, Is.SupersetOf(new[] { "Referrals:Program:Gate", "Referrals:Program:Templates" }));
    }
}
