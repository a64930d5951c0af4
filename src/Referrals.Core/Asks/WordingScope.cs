namespace Referrals.Core.Asks;

/// <summary>Which wording rules apply to a text.</summary>
public enum WordingScope
{
    /// <summary>The referral ask itself: phrasing rules plus every step of the 4-step script must be present.</summary>
    ReferralAsk = 0,

    /// <summary>
    /// Any other message (the satisfaction question, a thank-you, a subject line, a task): phrasing rules only, since
    /// these messages are not meant to carry the script.
    /// </summary>
    PhrasingOnly,
}
