namespace Referrals.Core.Asks;

/// <summary>
/// A program's ask templates (Liquid), one per message part. A new set holds the English defaults of
/// <see cref="EnglishAskTemplates"/>; bind <c>Referrals:Program:Templates</c> over it to change some of them. Check with
/// <see cref="TemplateValidation"/>.
/// </summary>
public sealed class AskTemplateSet
{
    /// <summary>Subject of the satisfaction question e-mail (text).</summary>
    public string SatisfactionSubject { get; set; } = EnglishAskTemplates.SatisfactionSubject;

    /// <summary>HTML body of the satisfaction question e-mail; must use <c>rating_links</c>.</summary>
    public string SatisfactionHtml { get; set; } = EnglishAskTemplates.SatisfactionHtml;

    /// <summary>Text body of the satisfaction question e-mail; must use <c>rating_links</c>.</summary>
    public string SatisfactionText { get; set; } = EnglishAskTemplates.SatisfactionText;

    /// <summary>Subject of the referral ask (text).</summary>
    public string ReferralAskSubject { get; set; } = EnglishAskTemplates.ReferralAskSubject;

    /// <summary>HTML body of the referral ask; must use <c>referral_link</c> and follow the 4-step script.</summary>
    public string ReferralAskHtml { get; set; } = EnglishAskTemplates.ReferralAskHtml;

    /// <summary>Text body of the referral ask; must use <c>referral_link</c> and follow the 4-step script.</summary>
    public string ReferralAskText { get; set; } = EnglishAskTemplates.ReferralAskText;

    /// <summary>Subject of the passive's thank-you (text).</summary>
    public string ThankYouSubject { get; set; } = EnglishAskTemplates.ThankYouSubject;

    /// <summary>HTML body of the passive's thank-you.</summary>
    public string ThankYouHtml { get; set; } = EnglishAskTemplates.ThankYouHtml;

    /// <summary>Text body of the passive's thank-you.</summary>
    public string ThankYouText { get; set; } = EnglishAskTemplates.ThankYouText;

    /// <summary>The service-recovery task text for a detractor (text, read by staff).</summary>
    public string ServiceRecoveryTask { get; set; } = EnglishAskTemplates.ServiceRecoveryTask;

    /// <summary>The suggested handwritten message of the thank-you card a new referral creates (text, written by staff).</summary>
    public string ThankYouCard { get; set; } = EnglishThanksTemplates.ThankYouCard;

    /// <summary>Subject of the e-mail an advocate gets when their friend becomes a customer (text).</summary>
    public string FriendConvertedSubject { get; set; } = EnglishThanksTemplates.FriendConvertedSubject;

    /// <summary>HTML body of the e-mail an advocate gets when their friend becomes a customer.</summary>
    public string FriendConvertedHtml { get; set; } = EnglishThanksTemplates.FriendConvertedHtml;

    /// <summary>Text body of the e-mail an advocate gets when their friend becomes a customer.</summary>
    public string FriendConvertedText { get; set; } = EnglishThanksTemplates.FriendConvertedText;

    /// <summary>Subject of the e-mail an advocate gets when their reward is issued (text).</summary>
    public string RewardIssuedSubject { get; set; } = EnglishThanksTemplates.RewardIssuedSubject;

    /// <summary>HTML body of the e-mail an advocate gets when their reward is issued; must use <c>reward</c>.</summary>
    public string RewardIssuedHtml { get; set; } = EnglishThanksTemplates.RewardIssuedHtml;

    /// <summary>Text body of the e-mail an advocate gets when their reward is issued; must use <c>reward</c>.</summary>
    public string RewardIssuedText { get; set; } = EnglishThanksTemplates.RewardIssuedText;

    /// <summary>Subject of the advocate news (text).</summary>
    public string AdvocateNewsSubject { get; set; } = EnglishAdvocateNewsTemplates.AdvocateNewsSubject;

    /// <summary>HTML body of the advocate news; must use <c>referral_link</c>.</summary>
    public string AdvocateNewsHtml { get; set; } = EnglishAdvocateNewsTemplates.AdvocateNewsHtml;

    /// <summary>Text body of the advocate news; must use <c>referral_link</c>.</summary>
    public string AdvocateNewsText { get; set; } = EnglishAdvocateNewsTemplates.AdvocateNewsText;
    /// <summary>Subject of the introduction e-mail the business sends a friend in the advocate's name (text).</summary>
    public string IntroductionSubject { get; set; } = EnglishIntroductionTemplates.Subject;

    /// <summary>HTML body of the introduction e-mail; must use <c>referral_link</c> and <c>unsubscribe_link</c>.</summary>
    public string IntroductionHtml { get; set; } = EnglishIntroductionTemplates.Html;

    /// <summary>Text body of the introduction e-mail; must use <c>referral_link</c> and <c>unsubscribe_link</c>.</summary>
    public string IntroductionText { get; set; } = EnglishIntroductionTemplates.Text;
}
