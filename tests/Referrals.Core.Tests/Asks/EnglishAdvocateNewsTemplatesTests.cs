using Referrals.Core.Asks;

namespace Referrals.Core.Tests.Asks;

public sealed class EnglishAdvocateNewsTemplatesTests
{
    private static readonly AskTemplateRenderer _renderer = new();

    private static readonly AskTemplateVariables _values = new()
    {
        FirstName = "Anna",
        BusinessName = "Bakery & Co",
        ReferralLink = new Uri("https://shop.example/r/ANNA-7KQ2M9"),
        UnsubscribeLink = new Uri("https://shop.example/unsubscribe/abc"),
        IdealReferral = "people planning a wedding cake",
        ReferralSummary = "In all: 5 introduced, 3 customers.",
    };

    [Test]
    public void AdvocateNews_GivesTheIdealReferralTheLinkAndTheUnsubscribeLink_InBothBodies()
    {
        var text = _renderer.Render(EnglishAdvocateNewsTemplates.AdvocateNewsText, _values, TemplateFormat.Text);
        var html = _renderer.Render(EnglishAdvocateNewsTemplates.AdvocateNewsHtml, _values, TemplateFormat.Html);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_renderer.Render(EnglishAdvocateNewsTemplates.AdvocateNewsSubject, _values, TemplateFormat.Text), Is.EqualTo("Anna, your news from Bakery & Co"));
            Assert.That(text, Does.Contain("In all: 5 introduced, 3 customers."));
            Assert.That(text, Does.Contain("we do our best work for people planning a wedding cake").And.Contain("https://shop.example/r/ANNA-7KQ2M9")
                .And.Contain("Unsubscribe: https://shop.example/unsubscribe/abc"));
            Assert.That(html, Does.Contain("href=\"https://shop.example/r/ANNA-7KQ2M9\"").And.Contain("href=\"https://shop.example/unsubscribe/abc\"")
                .And.Contain("Bakery &amp; Co"));
        }
    }

    [Test]
    public void Defaults_PassValidation_WithNoClosedQuestion()
    {
        var problems = TemplateValidation.Validate(new AskTemplateSet(), "en");

        Assert.That(problems.Where(p => p.Template.StartsWith("AdvocateNews", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Validation_ReportsAnError_ForANewsBodyWithoutTheLink_AndAWarning_ForAClosedQuestion()
    {
        var templates = new AskTemplateSet
        {
            AdvocateNewsText = "Hi {{ first_name }}, thanks! Unsubscribe: {{ unsubscribe_link }}",
            AdvocateNewsHtml = "<p>Do you know anyone who needs us? {{ referral_link }} {{ unsubscribe_link }}</p>",
        };

        var problems = TemplateValidation.Validate(templates, "en");

        // A missing required variable is an error; closed-question wording is a warning, as in every template.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems.Where(p => p.Severity == TemplateProblemSeverity.Error).Select(p => p.Template).Distinct(),
                Is.EqualTo(new[] { nameof(AskTemplateSet.AdvocateNewsText) }));
            Assert.That(problems.Where(p => p.Severity == TemplateProblemSeverity.Warning && p.Template == nameof(AskTemplateSet.AdvocateNewsHtml)), Is.Not.Empty);
        }
    }

    [Test]
    public void Summary_CountsRecentAndAllReferrals_AndTheRewards()
    {
        var summary = new AdvocateNewsSummary(30, 2, 1, 5, 3, 30m, 20m, "EUR");

        Assert.That(summary.Phrase(), Is.EqualTo(
            "In the last 30 days you introduced 2 people and 1 became a customer. In all: 5 introduced, 3 customers. Rewards earned: 30.00 EUR, of which 20.00 EUR issued."));
    }

    [Test]
    public void Summary_SaysSo_WhenNothingHappenedRecently_AndLeavesRewardsOut_WhenThereAreNone() =>
        Assert.That(new AdvocateNewsSummary(30, 0, 0, 1, 1, 0m, 0m, "EUR").Phrase(),
            Is.EqualTo("No new introductions in the last 30 days. In all: 1 introduced, 1 customer."));
}
