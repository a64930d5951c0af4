using Referrals.Core.Asks;

namespace Referrals.Core.Tests.Asks;

public sealed class TemplateValidationTests
{
    [Test]
    public void Validate_FindsNothing_ForTheDefaults() =>
        Assert.That(TemplateValidation.Validate(new AskTemplateSet()), Is.Empty);

    [Test]
    public void Validate_ReportsAParseErrorAsAnError_WithTheTemplatesKeyAndPosition()
    {
        var set = new AskTemplateSet { ReferralAskHtml = "<p>Thanks\n{% if first_name %}</p>" };

        var problem = TemplateValidation.Validate(set).Single();

        Assert.That(problem.Key, Is.EqualTo("Referrals:Program:Templates:ReferralAskHtml"));
        Assert.That(problem.Severity, Is.EqualTo(TemplateProblemSeverity.Error));
        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.ParseError));
        Assert.That(problem.Line, Is.Not.Null);
    }

    [Test]
    public void Validate_ReportsAnUnknownVariableAsAnError_NamingIt()
    {
        var set = new AskTemplateSet { ThankYouSubject = "Thanks {{ frist_name }}" };

        var problem = TemplateValidation.Validate(set).Single();

        Assert.That(problem.Template, Is.EqualTo("ThankYouSubject"));
        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.UnknownVariable));
        Assert.That(problem.Variable, Is.EqualTo("frist_name"));
        Assert.That(problem.Fix, Does.Contain("first_name"));
    }

    [Test]
    public void Validate_ReportsAClosedQuestionAsAWarning_WithItsSpan()
    {
        var text = EnglishAskTemplates.ThankYouText + "\nDo you know anyone who needs us?";
        var set = new AskTemplateSet { ThankYouText = text };

        var problem = TemplateValidation.Validate(set).Single();

        Assert.That(problem.Severity, Is.EqualTo(TemplateProblemSeverity.Warning));
        Assert.That(problem.Rule, Is.EqualTo(WordingRule.ClosedQuestion));
        Assert.That(problem.Span!.Value.In(text), Is.EqualTo("Do you know anyone"));
        Assert.That(problem.Fix, Is.EqualTo("Who do you know who…?"));
    }

    [Test]
    public void Validate_ReportsMissingScriptSteps_OnlyForTheReferralAskBodies()
    {
        const string bare = "Here is your link: {{ referral_link }} {{ unsubscribe_link }}";
        var set = new AskTemplateSet { ReferralAskText = bare, ThankYouText = bare };

        var problems = TemplateValidation.Validate(set);

        Assert.That(problems.Select(p => (p.Template, p.Rule)), Is.EqualTo(new[]
        {
            ("ReferralAskText", (WordingRule?)WordingRule.MissingAppreciation),
            ("ReferralAskText", WordingRule.MissingInvitation),
            ("ReferralAskText", WordingRule.MissingIdealReferral),
            ("ReferralAskText", WordingRule.MissingRiskFreeOffer),
        }));
        Assert.That(problems, Has.All.Property(nameof(TemplateValidationProblem.Severity)).EqualTo(TemplateProblemSeverity.Warning));
    }

    [TestCase("SatisfactionHtml", "rating_links")]
    [TestCase("ReferralAskText", "referral_link")]
    public void Validate_ReportsAnError_WhenABodyLacksAVariableItCannotWorkWithout(string template, string variable)
    {
        var set = new AskTemplateSet();
        var property = typeof(AskTemplateSet).GetProperty(template)!;
        property.SetValue(set, ((string)property.GetValue(set)!).Replace("{{ " + variable + " }}", "", StringComparison.Ordinal)
            .Replace("{% for link in rating_links %}", "{% for link in (1..2) %}", StringComparison.Ordinal));

        var problems = TemplateValidation.Validate(set).Where(p => p.Kind == TemplateProblemKind.MissingRequiredVariable).ToList();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Variable, Is.EqualTo(variable));
        Assert.That(problems[0].Template, Is.EqualTo(template));
    }

    [Test]
    public void Validate_ReportsAMissingUnsubscribeLink_InAnEmailBody()
    {
        var set = new AskTemplateSet { ThankYouHtml = "<p>Thank you for your answer.</p>" };

        Assert.That(
            TemplateValidation.Validate(set).Single(),
            Has.Property(nameof(TemplateValidationProblem.Variable)).EqualTo("unsubscribe_link")
                .And.Property(nameof(TemplateValidationProblem.Severity)).EqualTo(TemplateProblemSeverity.Error));
    }

    [TestCase("")]
    [TestCase("  ")]
    [TestCase(null)]
    public void Validate_ReportsAnEmptyTemplateAsAnError(string? template)
    {
        var set = new AskTemplateSet { ServiceRecoveryTask = template! };

        var problem = TemplateValidation.Validate(set).Single();

        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.EmptyTemplate));
        Assert.That(problem.Key, Is.EqualTo("Referrals:Program:Templates:ServiceRecoveryTask"));
    }

    [Test]
    public void Validate_SaysTheWordingCheckWasSkipped_ForALocaleWithoutRules_ButStillChecksTheLiquid()
    {
        var set = new AskTemplateSet { ReferralAskText = "Tak! {{ ukendt }} {{ referral_link }} {{ unsubscribe_link }}" };

        var problems = TemplateValidation.Validate(set, "da");

        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0].Key, Is.EqualTo("Referrals:Program:Templates"));
        Assert.That(problems[0].Severity, Is.EqualTo(TemplateProblemSeverity.Warning));
        Assert.That(problems[0].Message, Does.Contain("'da'").And.Contain("skipped"));
        Assert.That(problems[1].Variable, Is.EqualTo("ukendt"));
    }

    [Test]
    public void Problem_ToString_NamesTheKeyAndPosition()
    {
        var problem = TemplateValidation.Validate(new AskTemplateSet { ThankYouSubject = "Hi\n {{ nope }}" }).Single();

        Assert.That(problem.ToString(), Does.StartWith("Referrals:Program:Templates:ThankYouSubject (line 2, column 5): "));
    }

    [Test]
    public void Validate_Throws_WhenTheSetIsNull() =>
        Assert.That(() => TemplateValidation.Validate(null!), Throws.ArgumentNullException);
}
