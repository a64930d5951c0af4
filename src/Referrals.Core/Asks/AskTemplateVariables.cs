namespace Referrals.Core.Asks;

/// <summary>
/// The values for one rendering of an ask template (see <see cref="AskTemplateVariableNames"/> for the Liquid names).
/// Leave a value null when the template does not need it; a template that uses a variable whose value is null fails
/// with <see cref="TemplateProblemKind.MissingValue"/> naming it, never with an empty string.
/// </summary>
public sealed class AskTemplateVariables
{
    /// <summary><c>first_name</c>: the contact's first name; an empty string is a value (unknown name), null is missing.</summary>
    public string? FirstName { get; init; }

    /// <summary><c>business_name</c>: the business's name as customers know it.</summary>
    public string? BusinessName { get; init; }

    /// <summary><c>referral_link</c>: the advocate's personal link (absolute).</summary>
    public Uri? ReferralLink { get; init; }

    /// <summary><c>qr_code_url</c>: the address of the QR code image of the referral link (absolute).</summary>
    public Uri? QrCodeUrl { get; init; }

    /// <summary><c>friend_offer</c>: the friend's risk-free offer as a phrase, e.g. "10 EUR off their first order".</summary>
    public string? FriendOffer { get; init; }

    /// <summary><c>ideal_referral</c>: who the ideal referral is, as a phrase that follows "for".</summary>
    public string? IdealReferral { get; init; }

    /// <summary><c>ideal_client</c>: the profile this ask is about; null renders as false (an ask about no profile; guard with <c>{% if ideal_client %}</c>), never as an error.</summary>
    public Tenants.IdealClientProfile? IdealClient { get; init; }

    /// <summary><c>ideal_clients</c>: the program's profiles; null is missing, an empty list is a value.</summary>
    public IReadOnlyList<Tenants.IdealClientProfile>? IdealClients { get; init; }

    /// <summary><c>rating_links</c>: exactly eleven absolute links, index = score (see <c>RatingLinks.ForAllScores</c>).</summary>
    public IReadOnlyList<Uri>? RatingLinks { get; init; }

    /// <summary><c>unsubscribe_link</c>: the contact's one-click unsubscribe link (absolute).</summary>
    public Uri? UnsubscribeLink { get; init; }

    /// <summary><c>advocate_name</c>: the advocate's name as the friend knows them.</summary>
    public string? AdvocateName { get; init; }

    /// <summary><c>personal_note</c>: the advocate's note to the friend; an empty string is a value (no note).</summary>
    public string? PersonalNote { get; init; }

    /// <summary><c>reward</c>: a reward as a phrase, e.g. "10 EUR store credit".</summary>
    public string? Reward { get; init; }

    /// <summary><c>referral_summary</c>: what the advocate's referrals achieved, as sentences (see <see cref="AdvocateNewsSummary"/>).</summary>
    public string? ReferralSummary { get; init; }
}
