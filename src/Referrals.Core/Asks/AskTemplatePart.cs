namespace Referrals.Core.Asks;

/// <summary>One template of an <see cref="AskTemplateSet"/>: how it is read, rendered and checked.</summary>
/// <param name="Name">The property name, which is also its configuration key under <c>Referrals:Program:Templates</c>.</param>
/// <param name="Read">Reads the template from a set.</param>
/// <param name="Format">How its output is escaped.</param>
/// <param name="Scope">Which wording rules apply.</param>
/// <param name="RequiredVariables">Variables the message cannot work without.</param>
internal sealed record AskTemplatePart(
    string Name,
    Func<AskTemplateSet, string?> Read,
    TemplateFormat Format,
    WordingScope Scope,
    IReadOnlyList<string> RequiredVariables)
{
    private static readonly string[] _email = [AskTemplateVariableNames.UnsubscribeLink];

    private static readonly string[] _satisfaction = [AskTemplateVariableNames.RatingLinks, AskTemplateVariableNames.UnsubscribeLink];

    private static readonly string[] _rewardIssued = [AskTemplateVariableNames.Reward, AskTemplateVariableNames.UnsubscribeLink];

    private static readonly string[] _referralAsk = [AskTemplateVariableNames.ReferralLink, AskTemplateVariableNames.UnsubscribeLink];

    /// <summary>Every part, in the order of <see cref="AskTemplateSet"/>.</summary>
    public static IReadOnlyList<AskTemplatePart> All { get; } =
    [
        new(nameof(AskTemplateSet.SatisfactionSubject), s => s.SatisfactionSubject, TemplateFormat.Text, WordingScope.PhrasingOnly, []),
        new(nameof(AskTemplateSet.SatisfactionHtml), s => s.SatisfactionHtml, TemplateFormat.Html, WordingScope.PhrasingOnly, _satisfaction),
        new(nameof(AskTemplateSet.SatisfactionText), s => s.SatisfactionText, TemplateFormat.Text, WordingScope.PhrasingOnly, _satisfaction),
        new(nameof(AskTemplateSet.ReferralAskSubject), s => s.ReferralAskSubject, TemplateFormat.Text, WordingScope.PhrasingOnly, []),
        new(nameof(AskTemplateSet.ReferralAskHtml), s => s.ReferralAskHtml, TemplateFormat.Html, WordingScope.ReferralAsk, _referralAsk),
        new(nameof(AskTemplateSet.ReferralAskText), s => s.ReferralAskText, TemplateFormat.Text, WordingScope.ReferralAsk, _referralAsk),
        new(nameof(AskTemplateSet.ThankYouSubject), s => s.ThankYouSubject, TemplateFormat.Text, WordingScope.PhrasingOnly, []),
        new(nameof(AskTemplateSet.ThankYouHtml), s => s.ThankYouHtml, TemplateFormat.Html, WordingScope.PhrasingOnly, _email),
        new(nameof(AskTemplateSet.ThankYouText), s => s.ThankYouText, TemplateFormat.Text, WordingScope.PhrasingOnly, _email),
        new(nameof(AskTemplateSet.ServiceRecoveryTask), s => s.ServiceRecoveryTask, TemplateFormat.Text, WordingScope.PhrasingOnly, []),
        new(nameof(AskTemplateSet.ThankYouCard), s => s.ThankYouCard, TemplateFormat.Text, WordingScope.PhrasingOnly, []),
        new(nameof(AskTemplateSet.FriendConvertedSubject), s => s.FriendConvertedSubject, TemplateFormat.Text, WordingScope.PhrasingOnly, []),
        new(nameof(AskTemplateSet.FriendConvertedHtml), s => s.FriendConvertedHtml, TemplateFormat.Html, WordingScope.PhrasingOnly, _email),
        new(nameof(AskTemplateSet.FriendConvertedText), s => s.FriendConvertedText, TemplateFormat.Text, WordingScope.PhrasingOnly, _email),
        new(nameof(AskTemplateSet.RewardIssuedSubject), s => s.RewardIssuedSubject, TemplateFormat.Text, WordingScope.PhrasingOnly, []),
        new(nameof(AskTemplateSet.RewardIssuedHtml), s => s.RewardIssuedHtml, TemplateFormat.Html, WordingScope.PhrasingOnly, _rewardIssued),
        new(nameof(AskTemplateSet.RewardIssuedText), s => s.RewardIssuedText, TemplateFormat.Text, WordingScope.PhrasingOnly, _rewardIssued),
        new(nameof(AskTemplateSet.AdvocateNewsSubject), s => s.AdvocateNewsSubject, TemplateFormat.Text, WordingScope.PhrasingOnly, []),
        new(nameof(AskTemplateSet.AdvocateNewsHtml), s => s.AdvocateNewsHtml, TemplateFormat.Html, WordingScope.PhrasingOnly, _referralAsk),
        new(nameof(AskTemplateSet.AdvocateNewsText), s => s.AdvocateNewsText, TemplateFormat.Text, WordingScope.PhrasingOnly, _referralAsk),
        new(nameof(AskTemplateSet.IntroductionSubject), s => s.IntroductionSubject, TemplateFormat.Text, WordingScope.PhrasingOnly, []),
        new(nameof(AskTemplateSet.IntroductionHtml), s => s.IntroductionHtml, TemplateFormat.Html, WordingScope.PhrasingOnly, _referralAsk),
        new(nameof(AskTemplateSet.IntroductionText), s => s.IntroductionText, TemplateFormat.Text, WordingScope.PhrasingOnly, _referralAsk),
    ];
}
