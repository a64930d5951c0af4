namespace Referrals.Core.Privacy;

/// <summary>An amount in an export: decimal plus ISO 4217 currency.</summary>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">The currency.</param>
public sealed record ExportedMoney(decimal Amount, string Currency);
