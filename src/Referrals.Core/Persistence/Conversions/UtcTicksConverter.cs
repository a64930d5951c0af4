using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Referrals.Core.Persistence.Conversions;

/// <summary>
/// Stores a point in time as UTC ticks, which sort and compare as integers. Truncated to whole microseconds, the
/// precision PostgreSQL keeps, so a value reads back the same on every provider.
/// </summary>
internal sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
{
    public UtcTicksConverter()
        : base(v => v.UtcTicks - (v.UtcTicks % TimeSpan.TicksPerMicrosecond), v => new DateTimeOffset(v, TimeSpan.Zero))
    {
    }
}
