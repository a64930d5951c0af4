namespace Referrals.Core.Codes;

/// <summary>A freshly generated referral code, not yet known to be free.</summary>
/// <param name="Display">What the advocate sees and shares, for example <c>ANNA-7KQ2M9</c> or <c>7KQ2M9</c>.</param>
/// <param name="LookupKey">
/// <see cref="ReferralCodeKey.Create"/> of <see cref="Display"/>: what uniqueness is checked and stored on.
/// </param>
public sealed record GeneratedCode(string Display, string LookupKey);
