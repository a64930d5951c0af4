using System.Globalization;

namespace Referrals.Benchmarks.Throughput;

internal static class Format
{
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
