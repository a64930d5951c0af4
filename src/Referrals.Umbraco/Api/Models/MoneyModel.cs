namespace Referrals.Umbraco.Api.Models;

/// <summary>An amount of money.</summary>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">ISO 4217 currency code.</param>
public sealed record MoneyModel(decimal Amount, string Currency);
