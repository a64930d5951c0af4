using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Referrals.Core.Persistence.Conversions;

/// <summary>Moves a point in time to offset zero (all timestamptz accepts) and whole microseconds (all it keeps) before it is written.</summary>
internal sealed class ToUtcConverter : ValueConverter<DateTimeOffset, DateTimeOffset>
{
    public ToUtcConverter()
        : base(v => new DateTimeOffset(v.UtcTicks - (v.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero), v => v)
    {
    }
}
