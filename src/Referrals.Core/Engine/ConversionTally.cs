using Referrals.Core.Analytics;

namespace Referrals.Core.Engine;

/// <summary>
/// The figures that come from a period's standing conversions (by week, top advocates both ways, top chains, deepest
/// level), tallied in .NET from one read of the conversions index range instead of five grouped queries. Ties by id
/// compare the GUIDs' text ordinally, which is the order of SQLite's GUID text and PostgreSQL's <c>uuid</c>, so the
/// lists equal what the grouped queries return there.
/// </summary>
internal sealed class ConversionTally
{
    private readonly Dictionary<Guid, Group> _advocates = [];
    private readonly Dictionary<Guid, Group> _roots = [];
    private readonly AnalyticsPeriod _period;
    private readonly string _currency;

    public ConversionTally(AnalyticsPeriod period, string currency)
    {
        _period = period;
        _currency = currency;
        Weeks = new int[period.WeekStarts.Count];
    }

    /// <summary>Conversions by week bucket of <see cref="AnalyticsPeriod.WeekStarts"/>.</summary>
    public int[] Weeks { get; }

    /// <summary>The deepest conversion added, 0 with none.</summary>
    public int MaxDepth { get; private set; }

    public void Add(AnalyticsQueries.ConversionRow row)
    {
        var week = (int)((row.ConvertedAt - _period.From).Ticks / TimeSpan.TicksPerDay / 7);
        // Clamped: PostgreSQL rounds the bounds to microseconds, so a row may sit a tick either side of them.
        Weeks[Math.Clamp(week, 0, Weeks.Length - 1)]++;
        var revenue = string.Equals(row.Currency, _currency, StringComparison.Ordinal) ? row.Revenue : 0m;
        Add(_advocates, row.AdvocateContactId, row.Depth, revenue);
        Add(_roots, row.RootAdvocateContactId, row.Depth, revenue);
        MaxDepth = Math.Max(MaxDepth, row.Depth);
    }

    public IReadOnlyList<AdvocateRanking> TopAdvocates(int top, bool byRevenue)
    {
        var ordered = byRevenue
            ? _advocates.Values.OrderByDescending(g => g.Revenue).ThenByDescending(g => g.N)
            : _advocates.Values.OrderByDescending(g => g.N).ThenByDescending(g => g.Revenue);
        return [.. ordered.ThenBy(g => g.Key, StringComparer.Ordinal).Take(top).Select(g => new AdvocateRanking(g.Id, g.N, g.Revenue))];
    }

    public IReadOnlyList<ChainSummary> TopChains(int top) =>
        [.. _roots.Values.OrderByDescending(g => g.Revenue).ThenByDescending(g => g.N).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(top).Select(g => new ChainSummary(g.Id, g.N, g.Depth, g.Revenue))];

    private static void Add(Dictionary<Guid, Group> groups, Guid id, int depth, decimal revenue)
    {
        if (!groups.TryGetValue(id, out var group))
        {
            groups.Add(id, group = new Group(id));
        }

        group.N++;
        group.Depth = Math.Max(group.Depth, depth);
        group.Revenue += revenue;
    }

    private sealed class Group(Guid id)
    {
        public Guid Id { get; } = id;

        // Lower-case hex: its ordinal order is that of upper-case hex (SQLite's text) and of the 16 bytes (PostgreSQL).
        public string Key { get; } = id.ToString("D");

        public int N { get; set; }

        public int Depth { get; set; }

        public decimal Revenue { get; set; }
    }
}
