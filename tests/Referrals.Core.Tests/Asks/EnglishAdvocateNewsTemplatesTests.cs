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
    };

    [Test]
    public void AdvocateNews_GivesTheIdealReferralTheLinkAndTheUnsubscribeLink_InBothBodies()
    {
        var text = _renderer.Render(EnglishAdvocateNewsTemplates.AdvocateNewsText, _values, TemplateFormat.Text);
        var html = _renderer.Render(EnglishAdvocateNewsTemplates.AdvocateNewsHtml, _values, TemplateFormat.Html);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_renderer.Render(EnglishAdvocateNewsTemplates.AdvocateNewsSubject, _values, TemplateFormat.Text), Is.EqualTo("Anna, your news from Bakery & Co"));
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
}
