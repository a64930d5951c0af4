namespace Referrals.Core.Asks;

/// <summary>
/// The names of the variables an ask template can use, as written in Liquid (<c>{{ first_name }}</c>). Values come
/// from <see cref="AskTemplateVariables"/>; any other name is an error, reported with the fix.
/// </summary>
public static class AskTemplateVariableNames
{
    /// <summary>The contact's first name, as given (may be empty when unknown: guard with <c>{% if first_name != blank %}</c>).</summary>
    public const string FirstName = "first_name";

    /// <summary>The business's name as customers know it.</summary>
    public const string BusinessName = "business_name";

    /// <summary>The advocate's personal referral link, <c>{base}/r/{code}</c>.</summary>
    public const string ReferralLink = "referral_link";

    /// <summary>The address of an image of the referral link as a QR code.</summary>
    public const string QrCodeUrl = "qr_code_url";

    /// <summary>The friend's risk-free offer as a phrase, e.g. "10 EUR off their first order" or "a free 30-minute consultation".</summary>
    public const string FriendOffer = "friend_offer";

    /// <summary>Who the ideal referral is, as a phrase that follows "for", e.g. "people who are planning a kitchen renovation".</summary>
    public const string IdealReferral = "ideal_referral";

    /// <summary>
    /// The ideal-client profile this ask is about, with <c>name</c>, <c>who</c>, <c>situation</c> and <c>benefit</c>; false
    /// false when the ask is about no profile (guard with <c>{% if ideal_client %}</c>).
    /// </summary>
    public const string IdealClient = "ideal_client";

    /// <summary>Every ideal-client profile of the program (0-4), each with <c>name</c>, <c>who</c>, <c>situation</c> and <c>benefit</c>.</summary>
    public const string IdealClients = "ideal_clients";

    /// <summary>The eleven one-click rating links; <c>rating_links[n]</c> records the score <c>n</c> (0-10).</summary>
    public const string RatingLinks = "rating_links";

    /// <summary>The contact's one-click unsubscribe link.</summary>
    public const string UnsubscribeLink = "unsubscribe_link";

    /// <summary>A reward as a phrase, e.g. "10 EUR store credit" (the reward e-mail).</summary>
    public const string Reward = "reward";

    /// <summary>What the advocate's referrals achieved and their rewards, as sentences (the advocate news).</summary>
    public const string ReferralSummary = "referral_summary";

    /// <summary>The advocate's name as the friend knows them, e.g. "Anna Holm" (the introduction e-mail).</summary>
    public const string AdvocateName = "advocate_name";

    /// <summary>The advocate's personal note to the friend, as written (the introduction e-mail); HTML templates escape it.</summary>
    public const string PersonalNote = "personal_note";

    /// <summary>Every name above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [FirstName, BusinessName, ReferralLink, QrCodeUrl, FriendOffer, IdealReferral, IdealClient, IdealClients, RatingLinks, UnsubscribeLink, Reward, ReferralSummary, AdvocateName, PersonalNote];
}
