namespace Referrals.Core.Engine;

/// <summary>The payload of an <see cref="Introductions.EmailKind"/> outbox message.</summary>
/// <param name="ReferralId">The referral that holds the friend's address until the e-mail is sent.</param>
/// <param name="AdvocateContactId">The advocate the e-mail speaks for (also lets redaction find this message).</param>
/// <param name="SuppressionId">The friend's <see cref="Referrals.FriendSuppression"/> row, which the opt-out link names.</param>
/// <param name="PersonalNote">The advocate's note, or an empty string.</param>
public sealed record IntroductionEmailMessage(Guid ReferralId, Guid AdvocateContactId, Guid SuppressionId, string PersonalNote);
