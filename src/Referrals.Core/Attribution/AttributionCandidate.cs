namespace Referrals.Core.Attribution;

/// <summary>
/// A sighting the caller resolved to an advocate: a code looked up by its canonical key (the caller makes
/// the key with the code-key rules of <c>Referrals.Core.Codes</c>), or an invited friend found by the
/// buyer's normalized e-mail.
/// </summary>
/// <param name="Rule">Which rule found it; decides its priority.</param>
/// <param name="AdvocateContactId">The advocate's contact id.</param>
/// <param name="CodeKey">The canonical code key that matched, or null for <see cref="AttributionRule.InvitedEmail"/>.</param>
/// <param name="ReferralId">The referral this continues (the invitation or the recorded visit), or null when there is none yet.</param>
/// <param name="TouchedAt">
/// When the friend was invited or clicked the link, used for the attribution window; null when unknown (for
/// example a code typed at checkout with no prior visit), in which case the candidate is always in the window.
/// </param>
public sealed record AttributionCandidate(
    AttributionRule Rule,
    Guid AdvocateContactId,
    string? CodeKey,
    Guid? ReferralId,
    DateTimeOffset? TouchedAt);
