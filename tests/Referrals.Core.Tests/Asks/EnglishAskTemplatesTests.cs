using Referrals.Core.Asks;

namespace Referrals.Core.Tests.Asks;

public sealed class EnglishAskTemplatesTests
{
    private static readonly IReadOnlyList<Uri> _ratingLinks =
        Enumerable.Range(0, 11).Select(i => new Uri($"https://shop.example/rate/token{i}")).ToList();

    private static readonly AskTemplateVariables _values = new()
    {
        FirstName = "Anna",
        BusinessName = "Bakery & Co",
        ReferralLink = new Uri("https://shop.example/r/ANNA-7KQ2M9"),
        QrCodeUrl = new Uri("https://shop.example/qr/ANNA-7KQ2M9.png"),
        FriendOffer = "10 EUR off their first order",
        IdealReferral = "people who are planning a party",
        RatingLinks = _ratingLinks,
        UnsubscribeLink = new Uri("https://shop.example/unsubscribe/abc"),
        Reward = "10 EUR store credit",
        ReferralSummary = "In all: 5 introduced, 3 customers.",
        AdvocateName = "Anna Holm",
        PersonalNote = "You will love them.",
    };

    private static readonly AskTemplateRenderer _renderer = new();

    private static IEnumerable<TestCaseData> Parts()
    {
        var set = new AskTemplateSet();
        foreach (var part in AskTemplatePart.All)
        {
            yield return new TestCaseData(part.Name, part.Read(set), part.Format, part.Scope).SetArgDisplayNames(part.Name);
        }
    }

    [TestCaseSource(nameof(Parts))]
    public void Default_HasNoWordingFindings_UnderItsOwnScope(string name, string template, TemplateFormat format, WordingScope scope) =>
        Assert.That(WordingCheck.Check(template, scope, "en"), Is.Empty);

    [TestCase(EnglishAskTemplates.ReferralAskHtml)]
    [TestCase(EnglishAskTemplates.ReferralAskText)]
    public void ReferralAskDefault_PassesTheFullCheck_WithZeroFindings(string template) =>
        Assert.That(WordingCheck.Check(template), Is.Empty);

    [TestCaseSource(nameof(Parts))]
    public void Default_RendersWithoutProblems_GivenEveryValue(string name, string template, TemplateFormat format, WordingScope scope) =>
        Assert.That(_renderer.Render(template, _values, format), Does.Contain("Anna").And.Not.Contain("{{").And.Not.Contain("{%"));

    [Test]
    public void ReferralAskText_RendersTheFourStepsWithTheValues_AndStillPassesTheCheck()
    {
        var text = _renderer.Render(EnglishAskTemplates.ReferralAskText, _values, TemplateFormat.Text);

        Assert.That(text, Does.Contain("Thank you for your kind rating"));
        Assert.That(text, Does.Contain("who do you know who could use what we do?"));
        Assert.That(text, Does.Contain("We do our best work for people who are planning a party."));
        Assert.That(text, Does.Contain("they get 10 EUR off their first order, with no obligation"));
        Assert.That(text, Does.Contain("https://shop.example/r/ANNA-7KQ2M9"));
        Assert.That(WordingCheck.Check(text), Is.Empty);
    }

    [Test]
    public void ReferralAskHtml_ShowsTheQrCodeAndTheLink()
    {
        var html = _renderer.Render(EnglishAskTemplates.ReferralAskHtml, _values, TemplateFormat.Html);

        Assert.That(html, Does.Contain("<img src=\"https://shop.example/qr/ANNA-7KQ2M9.png\""));
        Assert.That(html, Does.Contain("<a href=\"https://shop.example/r/ANNA-7KQ2M9\">"));
        Assert.That(html, Does.Contain("Bakery &amp; Co"));
    }

    [Test]
    public void SatisfactionHtml_LinksEachNumberToTheLinkForThatScore()
    {
        var html = _renderer.Render(EnglishAskTemplates.SatisfactionHtml, _values, TemplateFormat.Html);

        for (var score = 0; score <= 10; score++)
        {
            Assert.That(html, Does.Match($"<a href=\"https://shop\\.example/rate/token{score}\"[^>]*>{score}</a>"), $"score {score}");
        }
    }

    [Test]
    public void SatisfactionText_ListsElevenScoredLinks()
    {
        var text = _renderer.Render(EnglishAskTemplates.SatisfactionText, _values, TemplateFormat.Text);

        Assert.That(text, Does.Contain("0: https://shop.example/rate/token0\n").And.Contain("10: https://shop.example/rate/token10\n"));
    }

    [Test]
    public void Defaults_EscapeAScriptTagInTheFirstName_InHtml()
    {
        var hostile = new AskTemplateVariables
        {
            FirstName = "<script>alert(1)</script>",
            BusinessName = _values.BusinessName,
            ReferralLink = _values.ReferralLink,
            QrCodeUrl = _values.QrCodeUrl,
            FriendOffer = _values.FriendOffer,
            IdealReferral = _values.IdealReferral,
            RatingLinks = _values.RatingLinks,
            UnsubscribeLink = _values.UnsubscribeLink,
        };

        var html = _renderer.Render(EnglishAskTemplates.ReferralAskHtml, hostile, TemplateFormat.Html);

        Assert.That(html, Does.Not.Contain("<script>"));
        Assert.That(html, Does.Contain("Hi &lt;script&gt;alert(1)&lt;/script&gt;,"));
    }

    [Test]
    public void Defaults_GreetWithoutAName_WhenTheFirstNameIsEmpty()
    {
        var nameless = new AskTemplateVariables { FirstName = "", BusinessName = "Bakery" };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_renderer.Render(EnglishAskTemplates.SatisfactionSubject, nameless, TemplateFormat.Text), Is.EqualTo("How did we do?"));
            Assert.That(_renderer.Render(EnglishAskTemplates.ReferralAskSubject, nameless, TemplateFormat.Text), Is.EqualTo("Thank you for the kind words"));
            Assert.That(_renderer.Render(EnglishAskTemplates.ServiceRecoveryTask, nameless, TemplateFormat.Text), Does.StartWith("A customer gave Bakery a low rating."));
        }
    }

    [Test]
    public void NewTemplateSet_HoldsTheEnglishDefaults()
    {
        var set = new AskTemplateSet();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.SatisfactionSubject, Is.EqualTo(EnglishAskTemplates.SatisfactionSubject));
            Assert.That(set.SatisfactionHtml, Is.EqualTo(EnglishAskTemplates.SatisfactionHtml));
            Assert.That(set.SatisfactionText, Is.EqualTo(EnglishAskTemplates.SatisfactionText));
            Assert.That(set.ReferralAskSubject, Is.EqualTo(EnglishAskTemplates.ReferralAskSubject));
            Assert.That(set.ReferralAskHtml, Is.EqualTo(EnglishAskTemplates.ReferralAskHtml));
            Assert.That(set.ReferralAskText, Is.EqualTo(EnglishAskTemplates.ReferralAskText));
            Assert.That(set.ThankYouSubject, Is.EqualTo(EnglishAskTemplates.ThankYouSubject));
            Assert.That(set.ThankYouHtml, Is.EqualTo(EnglishAskTemplates.ThankYouHtml));
            Assert.That(set.ThankYouText, Is.EqualTo(EnglishAskTemplates.ThankYouText));
            Assert.That(set.ServiceRecoveryTask, Is.EqualTo(EnglishAskTemplates.ServiceRecoveryTask));
            Assert.That(set.ThankYouCard, Is.EqualTo(EnglishThanksTemplates.ThankYouCard));
            Assert.That(set.FriendConvertedSubject, Is.EqualTo(EnglishThanksTemplates.FriendConvertedSubject));
            Assert.That(set.FriendConvertedHtml, Is.EqualTo(EnglishThanksTemplates.FriendConvertedHtml));
            Assert.That(set.FriendConvertedText, Is.EqualTo(EnglishThanksTemplates.FriendConvertedText));
            Assert.That(set.RewardIssuedSubject, Is.EqualTo(EnglishThanksTemplates.RewardIssuedSubject));
            Assert.That(set.RewardIssuedHtml, Is.EqualTo(EnglishThanksTemplates.RewardIssuedHtml));
            Assert.That(set.RewardIssuedText, Is.EqualTo(EnglishThanksTemplates.RewardIssuedText));
        }
    }

    [Test]
    public void TemplateParts_CoverEveryPropertyOfTheSet() =>
        Assert.That(
            AskTemplatePart.All.Select(p => p.Name),
            Is.EquivalentTo(typeof(AskTemplateSet).GetProperties().Select(p => p.Name)));
}
