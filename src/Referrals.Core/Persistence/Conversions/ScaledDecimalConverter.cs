using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Referrals.Core.Persistence.Conversions;

/// <summary>Stores a decimal as an integer count of ten-thousandths (four decimal places, exact up to ±922 trillion).</summary>
internal sealed class ScaledDecimalConverter : ValueConverter<decimal, long>
{
    public const decimal Scale = 10_000m;

    public ScaledDecimalConverter()
        : base(v => (long)decimal.Round(v * Scale, MidpointRounding.AwayFromZero), v => v / Scale)
    {
    }
}
