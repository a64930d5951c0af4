namespace Referrals.Umbraco.Events;

/// <summary>The outcome of <see cref="IReferralEvents"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="ReferralId">The referral that converted (or was refused), if any.</param>
public sealed record ConversionResult(ConversionStatus Status, Guid? ReferralId);
