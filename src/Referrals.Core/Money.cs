using System.Globalization;

namespace Referrals.Core;

/// <summary>
/// An amount of money in one ISO 4217 currency. Amounts are <see cref="decimal"/>; currencies are upper-case codes.
/// </summary>
/// <param name="Amount">The amount, which may be negative for debits and claw-backs.</param>
/// <param name="Currency">The ISO 4217 code, for example <c>EUR</c>.</param>
public readonly record struct Money(decimal Amount, string Currency)
{
    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>The number of decimal places amounts in <paramref name="currency"/> are rounded to.</summary>
    /// <remarks>Currencies without minor units (JPY, KRW, ...) round to whole units; a few use three places.</remarks>
    public static int MinorUnits(string currency) => currency.ToUpperInvariant() switch
    {
        "JPY" or "KRW" or "ISK" or "CLP" or "VND" or "XAF" or "XOF" or "UGX" or "PYG" or "HUF" => 0,
        "BHD" or "KWD" or "OMR" or "JOD" or "TND" or "IQD" or "LYD" => 3,
        _ => 2,
    };

    /// <summary>This amount rounded half away from zero to the currency's minor units.</summary>
    public Money Rounded() => this with { Amount = Math.Round(Amount, MinorUnits(Currency), MidpointRounding.AwayFromZero) };

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.############################} {Currency}");
}
