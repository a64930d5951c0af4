using Referrals.Core.Asks;

namespace Referrals.Core.Tests.Asks;

public sealed class EnglishThanksTemplatesTests
{
    private static readonly AskTemplateRenderer _renderer = new();

    private static readonly AskTemplateVariables _values = new()
    {
        FirstName = "Anna",
        BusinessName = "Bakery & Co",
        ReferralLink = new Uri("https://shop.example/r/ANNA-7KQ2M9"),
        UnsubscribeLink = new Uri("https://shop.example/unsubscribe/abc"),
        Reward = "10 EUR store credit",
    };

    [Test]
    public void ThankYouCard_ThanksByNameForTheRecommendation_InPlainText()
    {
        var card = _renderer.Render(EnglishThanksTemplates.ThankYouCard, _values, TemplateFormat.Text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(card, Does.StartWith("Dear Anna,"));
            Assert.That(card, Does.Contain("thank you so much for recommending Bakery & Co"));
            Assert.That(card, Does.Not.Contain("<").And.Not.Contain("http"), "a handwritten card has no markup or links; the QR code carries the link");
            Assert.That(WordingCheck.Check(card, WordingScope.PhrasingOnly, "en"), Is.Empty);
        }
    }

    [Test]
    public void ThankYouCard_GreetsAFriend_WhenTheNameIsUnknown() =>
        Assert.That(_renderer.Render(EnglishThanksTemplates.ThankYouCard, new AskTemplateVariables { FirstName = "", BusinessName = "Bakery" }, TemplateFormat.Text),
            Does.StartWith("Dear friend,"));

    [Test]
    public void RewardIssued_NamesTheReward_InBothBodies()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_renderer.Render(EnglishThanksTemplates.RewardIssuedText, _values, TemplateFormat.Text), Does.Contain("Your reward, 10 EUR store credit, has been issued"));
            Assert.That(_renderer.Render(EnglishThanksTemplates.RewardIssuedHtml, _values, TemplateFormat.Html), Does.Contain("10 EUR store credit").And.Contain("Bakery &amp; Co"));
            Assert.That(_renderer.Render(EnglishThanksTemplates.RewardIssuedSubject, _values, TemplateFormat.Text), Is.EqualTo("Anna, your reward from Bakery & Co is ready"));
        }
    }

    [Test]
    public void FriendConverted_SaysTheFriendJoined_AndGivesTheLinkAgain()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_renderer.Render(EnglishThanksTemplates.FriendConvertedSubject, _values, TemplateFormat.Text), Is.EqualTo("Anna, your friend just joined Bakery & Co"));
            Assert.That(_renderer.Render(EnglishThanksTemplates.FriendConvertedText, _values, TemplateFormat.Text), Does.Contain("https://shop.example/r/ANNA-7KQ2M9"));
            Assert.That(_renderer.Render(EnglishThanksTemplates.FriendConvertedHtml, _values, TemplateFormat.Html), Does.Contain("href=\"https://shop.example/r/ANNA-7KQ2M9\""));
        }
    }

    [Test]
    public void Validation_Reports_ARewardBodyWithoutTheReward()
    {
        var templates = new AskTemplateSet { RewardIssuedText = "Hi {{ first_name }}, thanks! Unsubscribe: {{ unsubscribe_link }}" };

        var problems = TemplateValidation.Validate(templates, "en");

        Assert.That(problems.Where(p => p.Severity == TemplateProblemSeverity.Error).Select(p => p.Template), Is.EqualTo(new[] { nameof(AskTemplateSet.RewardIssuedText) }));
    }
}
