using Referrals.Core.Asks;

namespace Referrals.Core.Tests.Asks;

public sealed class WordingCheckScriptTests
{
    // Each step alone; the other three are present, so only the step under test can be reported.
    private const string Value = "Thank you for being a customer.";
    private const string Invite = "Who do you know who could use us?";
    private const string Picture = "We help people who are moving house.";
    private const string Offer = "They get a free first clean.";

    private static IReadOnlyList<WordingRule> Rules(string text) => WordingCheck.Check(text).Select(f => f.Rule).ToList();

    [Test]
    public void Check_FindsNothing_WhenAllFourStepsArePresent() =>
        Assert.That(WordingCheck.Check($"{Value} {Invite} {Picture} {Offer}"), Is.Empty);

    [Test]
    public void Check_ReportsEveryStep_InScriptOrder_WhenTheTextIsEmpty() =>
        Assert.That(
            Rules(""),
            Is.EqualTo(new[] { WordingRule.MissingAppreciation, WordingRule.MissingInvitation, WordingRule.MissingIdealReferral, WordingRule.MissingRiskFreeOffer }));

    [Test]
    public void Check_GivesMissingStepsAnEmptySpanAndASuggestion()
    {
        var finding = WordingCheck.Check($"{Invite} {Picture} {Offer}").Single();

        Assert.That(finding.Span, Is.EqualTo(TextSpan.Empty));
        Assert.That(finding.Message, Does.Contain("Step 1"));
        Assert.That(finding.Suggestion, Is.Not.Empty);
    }

    [TestCase("Thank you for your order.")]
    [TestCase("We really appreciate your support.")]
    [TestCase("We're so grateful to have you with us.")]
    [TestCase("You are a valued member of our community.")]
    [TestCase("Your trust means a lot to us.")]
    public void Check_SeesStep1_WhenTheReaderIsValued(string sentence) =>
        Assert.That(Rules($"{sentence} {Invite} {Picture} {Offer}"), Is.Empty);

    [TestCase("Your order has shipped.")]
    [TestCase("Great value for money, as always.")]
    [TestCase("We are open on Saturdays.")]
    public void Check_ReportsStep1Missing_WhenNothingValuesTheReader(string sentence) =>
        Assert.That(Rules($"{sentence} {Invite} {Picture} {Offer}"), Is.EqualTo(new[] { WordingRule.MissingAppreciation }));

    [TestCase("Who do you know who needs a cleaner?")]
    [TestCase("Who comes to mind?")]
    [TestCase("Please introduce us to a friend.")]
    [TestCase("Forward this e-mail to a neighbour.")]
    [TestCase("Share your personal link with them.")]
    [TestCase("Refer a friend today.")]
    public void Check_SeesStep2_WhenThereIsAnOpenQuestionOrAnInvitation(string sentence) =>
        Assert.That(Rules($"{Value} {sentence} {Picture} {Offer}"), Is.Empty);

    [TestCase("Tell us what you think.")]
    [TestCase("Share your thoughts in our survey.")]
    [TestCase("We have a referral programme.")]
    public void Check_ReportsStep2Missing_WhenNobodyIsInvited(string sentence) =>
        Assert.That(Rules($"{Value} {sentence} {Picture} {Offer}"), Is.EqualTo(new[] { WordingRule.MissingInvitation }));

    [Test]
    public void Check_ReportsAClosedQuestionOnce_NotAlsoAsAMissingInvitation() =>
        Assert.That(Rules($"{Value} Do you know anyone? {Picture} {Offer}"), Is.EqualTo(new[] { WordingRule.ClosedQuestion }));

    [TestCase("We help families who have just moved.")]
    [TestCase("Friends who love good coffee will like us.")]
    [TestCase("We are great for people who are planning a wedding.")]
    [TestCase("Customers like you are our favourite.")]
    [TestCase("Who do you know who is about to renovate?")]
    [TestCase("We do our best work for {{ ideal_referral }}.")]
    public void Check_SeesStep3_WhenTheIdealReferralIsDescribed(string sentence) =>
        Assert.That(Rules($"{Value} {Invite} {sentence} {Offer}"), Is.Empty);

    [TestCase("We would like you to tell them about us.")]
    [TestCase("Our shop is on the high street.")]
    [TestCase("We print {{ business_name }} on every box.")]
    public void Check_ReportsStep3Missing_WhenNoReferralIsPictured(string sentence) =>
        Assert.That(Rules($"{Value} {Invite} {sentence} {Offer}"), Is.EqualTo(new[] { WordingRule.MissingIdealReferral }));

    [TestCase("Their first session is free.")]
    [TestCase("A consultation, with no obligation.")]
    [TestCase("A risk-free trial for a month.")]
    [TestCase("The first coffee is on us.")]
    [TestCase("They get 10% off their first order.")]
    [TestCase("They get {{ friend_offer }}.")]
    [TestCase("They get {{- friend_offer | downcase -}}.")]
    public void Check_SeesStep4_WhenTheFriendGetsARiskFreeOffer(string sentence) =>
        Assert.That(Rules($"{Value} {Invite} {Picture} {sentence}"), Is.Empty);

    [TestCase("Feel free to reply to this e-mail.")]
    [TestCase("We offer great service.")]
    [TestCase("Count on us for quality.")]
    [TestCase("Mention {{ friend_name }} when you book.")]
    public void Check_ReportsStep4Missing_WhenThereIsNoRiskFreeOffer(string sentence) =>
        Assert.That(Rules($"{Value} {Invite} {Picture} {sentence}"), Is.EqualTo(new[] { WordingRule.MissingRiskFreeOffer }));

    [Test]
    public void Check_DoesNotCountAVariableThatIsOnlyTested_AsPrintingIt() =>
        Assert.That(
            Rules($"{Value} {Invite} {Picture} {{% if friend_offer %}}See the site.{{% endif %}}"),
            Is.EqualTo(new[] { WordingRule.MissingRiskFreeOffer }));

    [Test]
    public void Check_SkipsTheScriptSteps_ForPhrasingOnly() =>
        Assert.That(WordingCheck.Check("Your order has shipped.", WordingScope.PhrasingOnly, "en"), Is.Empty);
}
