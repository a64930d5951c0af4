namespace Referrals.Core.Engine;

/// <summary>
/// The payload of a follow-up e-mail in the outbox (see <see cref="FollowUpEmails"/>): ids only, so the payload holds
/// no personal data; the handler loads the rest when it sends.
/// </summary>
/// <param name="ContactId">The recipient.</param>
/// <param name="AskId">The answered ask (referral ask, thank-you), if any.</param>
/// <param name="ReferralId">The referral (friend converted), if any.</param>
/// <param name="LedgerEntryId">The issued reward, if any.</param>
/// <param name="Reward">The issued reward as a phrase (see <see cref="RewardPhrase"/>), if any; amounts are not personal data.</param>
public sealed record FollowUpEmailMessage(Guid ContactId, Guid? AskId = null, Guid? ReferralId = null, Guid? LedgerEntryId = null, string? Reward = null);
