using Referrals.Core.Asks;
using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Asks;

public sealed class IdealClientTemplateTests
{
    private const string Value = "Thank you for being a customer.";
    private const string Invite = "Please introduce a friend.";
    private const string Offer = "They get a free first clean.";

    private static readonly IdealClientProfile House = new()
    {
        Name = "New home owners",
        Who = "families who have just moved in",
        Situation = "has just bought a house",
        Benefit = "We get the garden ready before the first summer.",
    };

    private static IReadOnlyList<WordingRule> Rules(string text) => WordingCheck.Check(text).Select(f => f.Rule).ToList();

    [Test]
    public void Check_ReportsMissingIdealReferral_WhenNoPictureIsPainted() =>
        Assert.That(Rules($"{Value} {Invite} {Offer}"), Does.Contain(WordingRule.MissingIdealReferral));

    [TestCase("We help {{ ideal_client.who }}.")]
    [TestCase("{% if ideal_client %}Know someone in that spot?{% endif %}")]
    [TestCase("{% for c in ideal_clients %}{{ c.name }} {% endfor %}")]
    [TestCase("We do our best work for {{ ideal_referral }}.")]
    public void Check_CountsAProfileReference_AsTheIdealReferralStep(string picture) =>
        Assert.That(Rules($"{Value} {Invite} {picture} {Offer}"), Does.Not.Contain(WordingRule.MissingIdealReferral));

    [Test]
    public void Validate_PassesTheScriptCheck_ForAReferralAskBuiltOnProfiles()
    {
        var set = new AskTemplateSet
        {
            ReferralAskText = "Thank you for being with us. Please introduce a friend - "
                + "{% for c in ideal_clients %}someone who {{ c.situation }}; {% endfor %}"
                + "they get {{ friend_offer }}: {{ referral_link }} Unsubscribe: {{ unsubscribe_link }}",
        };

        Assert.That(TemplateValidation.Validate(set).Where(p => p.Template == nameof(AskTemplateSet.ReferralAskText)), Is.Empty);
    }

    [Test]
    public void Render_AsksAboutTheProfile_WhenTheAskIsAboutOne()
    {
        var text = new AskTemplateRenderer().Render(EnglishAskTemplates.ReferralAskText, Values(House), TemplateFormat.Text);

        Assert.That(text, Does.Contain("Who do you know who has just bought a house?"));
        Assert.That(text, Does.Contain("families who have just moved in"));
        Assert.That(text, Does.Not.Contain("the generic picture"));
    }

    [Test]
    public void Render_UsesTheIdealReferral_WhenTheAskIsAboutNoProfile()
    {
        var html = new AskTemplateRenderer().Render(EnglishAskTemplates.ReferralAskHtml, Values(null), TemplateFormat.Html);

        Assert.That(html, Does.Contain("We do our best work for the generic picture."));
        Assert.That(html, Does.Not.Contain("has just bought"));
    }

    [Test]
    public void Render_ReportsMissingValue_WhenIdealClientsIsUsedWithoutProfiles()
    {
        var error = Assert.Throws<AskTemplateException>(() =>
            new AskTemplateRenderer().Render("{{ ideal_clients.size }}", new AskTemplateVariables(), TemplateFormat.Text));

        Assert.That(error!.Problems.Single().Variable, Is.EqualTo(AskTemplateVariableNames.IdealClients));
    }

    private static AskTemplateVariables Values(IdealClientProfile? profile) => new()
    {
        FirstName = "Anna",
        BusinessName = "Green Gardens",
        ReferralLink = new Uri("https://shop.example/r/ANNA-1234"),
        QrCodeUrl = new Uri("https://shop.example/qr.png"),
        FriendOffer = "a free first visit",
        IdealReferral = "the generic picture",
        UnsubscribeLink = new Uri("https://shop.example/unsubscribe/x"),
        IdealClient = profile,
        IdealClients = [House],
    };
}
