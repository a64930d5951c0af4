using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Referrals.Core.Persistence.Conversions;

/// <summary>Moves a point in time to offset zero before it is written.</summary>
internal sealed class ToUtcConverter : ValueConverter<DateTimeOffset, DateTimeOffset>
{
    public ToUtcConverter()
        : base(v => v.ToUniversalTime(), v => v)
    {
    }
}
