using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Referrals.Core.Persistence.Conversions;

/// <summary>Stores a point in time as UTC ticks, which sort and compare as integers.</summary>
internal sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
{
    public UtcTicksConverter()
        : base(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero))
    {
    }
}
