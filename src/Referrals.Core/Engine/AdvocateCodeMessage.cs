namespace Referrals.Core.Engine;

/// <summary>The payload of an <see cref="AdvocateCodeEffect"/> outbox message.</summary>
/// <param name="CodeId">The new <see cref="Referrals.ReferralCode"/>.</param>
public sealed record AdvocateCodeMessage(Guid CodeId);
