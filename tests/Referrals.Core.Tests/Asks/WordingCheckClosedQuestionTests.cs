using Referrals.Core.Asks;

namespace Referrals.Core.Tests.Asks;

public sealed class WordingCheckClosedQuestionTests
{
    private static IReadOnlyList<WordingFinding> ClosedQuestions(string text) =>
        WordingCheck.Check(text, WordingScope.PhrasingOnly, "en");

    [TestCase("Do you know anyone who needs a plumber?", "Do you know anyone")]
    [TestCase("Do you know anybody who is moving house?", "Do you know anybody")]
    [TestCase("Do you know someone who would like this?", "Do you know someone")]
    [TestCase("If you know anyone who needs us, send them our way.", "If you know anyone")]
    [TestCase("Send this to anyone who might like it.", "anyone who might")]
    [TestCase("Know anyone who needs a new kitchen?", "Know anyone who needs a new kitchen?")]
    [TestCase("Would you know anyone at work who needs this?", "Would you know anyone")]
    [TestCase("Do you happen to know somebody who bakes?", "Do you happen to know somebody")]
    [TestCase("Can you think of anyone else?", "Can you think of anyone")]
    [TestCase("Is there anyone you could introduce us to?", "Is there anyone")]
    [TestCase("Do you have any friends who garden?", "Do you have any friends")]
    [TestCase("Does anyone come to mind?", "Does anyone come to mind")]
    [TestCase("Thanks! Anyone you know who needs help?", "Anyone you know who needs help?")]
    [TestCase("You wouldn't happen to know anyone who paints?", "You wouldn't happen to know anyone")]
    public void Check_FlagsTheClosedQuestion_AndPointsAtIt(string text, string flagged)
    {
        var findings = ClosedQuestions(text);

        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.That(findings[0].Rule, Is.EqualTo(WordingRule.ClosedQuestion));
        Assert.That(findings[0].Span.In(text), Is.EqualTo(flagged));
        Assert.That(findings[0].Suggestion, Is.EqualTo("Who do you know who…?"));
        Assert.That(findings[0].Message, Does.Contain("closed question"));
    }

    [TestCase("DO YOU KNOW ANYONE who needs us?")]
    [TestCase("do you know anyone who needs us?")]
    [TestCase("Do   you \t know\n  anyone who needs us?")]
    [TestCase("Do you know\u00A0anyone who needs us?")]
    public void Check_FlagsTheClosedQuestion_WhateverTheCaseOrSpacing(string text) =>
        Assert.That(ClosedQuestions(text).Select(f => f.Rule), Is.EqualTo(new[] { WordingRule.ClosedQuestion }));

    [TestCase("Don\u2019t you know anyone who needs this?", "Don\u2019t you know anyone")]
    [TestCase("Don't you know anyone who needs this?", "Don't you know anyone")]
    [TestCase("Don&rsquo;t you know anyone who needs this?", "Don&rsquo;t you know anyone")]
    public void Check_FlagsTheClosedQuestion_WithCurlyOrEncodedApostrophes(string text, string flagged) =>
        Assert.That(ClosedQuestions(text).Single().Span.In(text), Is.EqualTo(flagged));

    [Test]
    public void Check_FlagsTheClosedQuestion_WhenHtmlTagsSplitIt()
    {
        const string text = "<p>Do you <strong>know</strong>\n anyone who needs us?</p>";

        Assert.That(ClosedQuestions(text).Single().Span.In(text), Is.EqualTo("Do you <strong>know</strong>\n anyone"));
    }

    [Test]
    public void Check_ReportsOverlappingPatternsOnce_AsOneSpan()
    {
        const string text = "Do you know anyone who might need us?";

        var finding = ClosedQuestions(text).Single();

        Assert.That(finding.Span.In(text), Is.EqualTo("Do you know anyone who might"));
    }

    [Test]
    public void Check_ReportsEachClosedQuestion_InTextOrder()
    {
        const string text = "Know anyone who bakes? And if you know anyone who cooks, tell them.";

        var findings = ClosedQuestions(text);

        Assert.That(findings.Select(f => f.Span.In(text)), Is.EqualTo(new[] { "Know anyone who bakes?", "if you know anyone" }));
    }

    [TestCase("Who do you know who would love a fresh loaf on Saturday?")]
    [TestCase("Let us know if you have any questions.")]
    [TestCase("Do you know how much we appreciate you?")]
    [TestCase("If you know exactly what you want, book online.")]
    [TestCase("Anyone can join our newsletter.")]
    [TestCase("Think of someone who has just moved house.")]
    [TestCase("We know someone who can help with that.")]
    [TestCase("Who is the first person who comes to mind?")]
    [TestCase("Is there anything else we can do for you?")]
    [TestCase("Share this with someone who might enjoy it.")]
    [TestCase("We don't know anyone better at this than you.")]
    [TestCase("Knowledge is power; we know our customers.")]
    public void Check_FindsNothing_ForOpenOrUnrelatedWording(string text) =>
        Assert.That(ClosedQuestions(text), Is.Empty);

    [Test]
    public void Check_IgnoresWordsInsideLiquidAndHtmlComments() =>
        Assert.That(
            ClosedQuestions("{% comment %}Do you know anyone?{% endcomment %}<!-- Do you know anyone? -->Who do you know?"),
            Is.Empty);
}
