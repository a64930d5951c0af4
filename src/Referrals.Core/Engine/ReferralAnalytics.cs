using Microsoft.EntityFrameworkCore;
using Referrals.Core.Analytics;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// The dashboard's figures for one tenant and one period, computed as SQL aggregates (COUNT, SUM, MAX, GROUP BY) over
/// indexed ranges; no entity is loaded (the queries are in <see cref="AnalyticsQueries"/>). Each figure's definition is
/// on its result type in <c>Analytics/</c>; the arithmetic on the sums (rates, shares, NPS, K, projections) runs in
/// .NET, because SQLite stores money as scaled integers. Read-only; the figures are read without a transaction, so
/// under concurrent writes they may be a few milliseconds apart from each other.
/// </summary>
public sealed class ReferralAnalytics
{
    /// <summary>The number of advocates and chains listed by default.</summary>
    public const int DefaultTop = 10;

    private readonly TimeProvider _clock;

    /// <summary>Creates the service.</summary>
    public ReferralAnalytics(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>
    /// Every figure of <paramref name="tenant"/> for <paramref name="period"/>, with the current UTC month's goal
    /// pacing. The additive figures (funnel, NPS, revenue, reward cost, the cohort's size and conversions, the month's
    /// conversions) come from the hourly rollups for the period's whole hours and from the raw tables for the hours cut
    /// by its bounds and week boundaries (none for <see cref="AnalyticsPeriod.Last90Days"/>); the rankings, the chains
    /// and the deepest level from the raw tables; distinct advocates as a range count of the period's referrals whose
    /// advocate's previous one started before it (<see cref="Referral.AdvocatePreviousStartedAt"/>). The answer equals <see cref="RawOverviewAsync"/>'s as long as the rollups are current (they are kept by
    /// every save, and rebuilt by <see cref="AnalyticsRollups.RebuildAsync"/> after bulk loads).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    public Task<AnalyticsOverview> OverviewAsync(ReferralsDbContext db, Tenant tenant, AnalyticsPeriod period, int top = DefaultTop, CancellationToken cancellationToken = default) =>
        ComposeAsync(db, tenant, period, top, rollups: true, cancellationToken);

    /// <summary>
    /// The same figures as <see cref="OverviewAsync"/>, computed from the raw tables only (13 aggregate queries over
    /// the period's rows, no rollup read): slower, kept to check the rollups against.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    public Task<AnalyticsOverview> RawOverviewAsync(ReferralsDbContext db, Tenant tenant, AnalyticsPeriod period, int top = DefaultTop, CancellationToken cancellationToken = default) =>
        ComposeAsync(db, tenant, period, top, rollups: false, cancellationToken);

    private async Task<AnalyticsOverview> ComposeAsync(ReferralsDbContext db, Tenant tenant, AnalyticsPeriod period, int top, bool rollups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var currency = tenant.Settings.Currency;
        var (weeks, answered, cohort) = rollups ? await FunnelAsync(db, tenant.Id, period, cancellationToken) : await RawFunnelAsync(db, tenant.Id, period, cancellationToken);
        int promoters = answered.Sum(a => a.Promoters), detractors = answered.Sum(a => a.Detractors);
        return new AnalyticsOverview(
            period,
            currency,
            Sum(weeks),
            weeks,
            NpsCounts.Compute(promoters, answered.Sum(a => a.N) - promoters - detractors, detractors),
            rollups ? await RevenueAsync(db, tenant.Id, period, cancellationToken) : Revenue(await AnalyticsQueries.Revenue(db, tenant.Id, period).ToListAsync(cancellationToken)),
            rollups ? await RewardCostAsync(db, tenant.Id, period, cancellationToken) : RewardCost(await AnalyticsQueries.Ledger(db, tenant.Id, period).ToListAsync(cancellationToken)),
            await ViralAsync(db, tenant.Id, period, cohort, rollups, cancellationToken),
            await GoalAsync(db, tenant, rollups, cancellationToken),
            await TopAdvocatesAsync(db, tenant.Id, currency, period, top, byRevenue: false, cancellationToken),
            await TopAdvocatesAsync(db, tenant.Id, currency, period, top, byRevenue: true, cancellationToken),
            await AnalyticsQueries.MaxDepth(db, tenant.Id, period).FirstOrDefaultAsync(cancellationToken),
            await TopChainsAsync(db, tenant.Id, currency, period, top, cancellationToken));
    }

    /// <summary>The funnel of each week bucket of <paramref name="period"/>, empty weeks included (rollups plus the cut hours' raw rows).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<IReadOnlyList<WeeklyFunnel>> FunnelByWeekAsync(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        return (await FunnelAsync(db, tenantId, period, cancellationToken)).Weeks;
    }

    private static async Task<(IReadOnlyList<WeeklyFunnel> Weeks, List<AnalyticsQueries.BucketAnswers> Answers, List<AnalyticsQueries.BucketCohort> Cohort)> FunnelAsync(
        ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        var hours = RollupHours.For(period);
        var figures = hours.ToHour > hours.FromHour ? await RollupQueries.Counts(db, tenantId, hours).ToListAsync(cancellationToken) : [];
        var raw = hours.RawRanges;
        var scheduled = figures.Select(f => new AnalyticsQueries.BucketCount(f.Key, f.AsksScheduled)).ToList();
        var sent = figures.Select(f => new AnalyticsQueries.BucketCount(f.Key, f.AsksSent)).ToList();
        var answers = figures.Select(f => new AnalyticsQueries.BucketAnswers(f.Key, f.AsksAnswered, f.Promoters, f.Detractors)).ToList();
        var cohort = figures.Select(f => new AnalyticsQueries.BucketCohort(f.Key, f.ReferralsStarted, f.StartedConverted)).ToList();
        var visits = figures.Select(f => new AnalyticsQueries.BucketCount(f.Key, f.Visits)).ToList();
        var conversions = figures.Select(f => new AnalyticsQueries.BucketCount(f.Key, f.Conversions)).ToList();
        if (raw.Count > 0)
        {
            scheduled.AddRange(await AnalyticsQueries.AsksScheduled(db, tenantId, period, raw).ToListAsync(cancellationToken));
            sent.AddRange(await AnalyticsQueries.AsksSent(db, tenantId, period, raw).ToListAsync(cancellationToken));
            answers.AddRange(await AnalyticsQueries.AsksAnswered(db, tenantId, period, raw).ToListAsync(cancellationToken));
            cohort.AddRange(await AnalyticsQueries.ReferralsStarted(db, tenantId, period, raw).ToListAsync(cancellationToken));
            visits.AddRange(await AnalyticsQueries.Visits(db, tenantId, period, raw).ToListAsync(cancellationToken));
            conversions.AddRange(await AnalyticsQueries.ConversionsByWeek(db, tenantId, period, raw).ToListAsync(cancellationToken));
        }

        return Funnel(period, scheduled, sent, answers, cohort, visits, conversions);
    }

    private static async Task<(IReadOnlyList<WeeklyFunnel> Weeks, List<AnalyticsQueries.BucketAnswers> Answers, List<AnalyticsQueries.BucketCohort> Cohort)> RawFunnelAsync(
        ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, CancellationToken cancellationToken) =>
        Funnel(period,
            await AnalyticsQueries.AsksScheduled(db, tenantId, period).ToListAsync(cancellationToken),
            await AnalyticsQueries.AsksSent(db, tenantId, period).ToListAsync(cancellationToken),
            await AnalyticsQueries.AsksAnswered(db, tenantId, period).ToListAsync(cancellationToken),
            await AnalyticsQueries.ReferralsStarted(db, tenantId, period).ToListAsync(cancellationToken),
            await AnalyticsQueries.Visits(db, tenantId, period).ToListAsync(cancellationToken),
            await AnalyticsQueries.ConversionsByWeek(db, tenantId, period).ToListAsync(cancellationToken));

    private static (IReadOnlyList<WeeklyFunnel> Weeks, List<AnalyticsQueries.BucketAnswers> Answers, List<AnalyticsQueries.BucketCohort> Cohort) Funnel(AnalyticsPeriod period,
        List<AnalyticsQueries.BucketCount> scheduled, List<AnalyticsQueries.BucketCount> sent, List<AnalyticsQueries.BucketAnswers> answers,
        List<AnalyticsQueries.BucketCohort> cohort, List<AnalyticsQueries.BucketCount> visits, List<AnalyticsQueries.BucketCount> conversions)
    {
        int[] planned = Spread(period, scheduled), handed = Spread(period, sent), visited = Spread(period, visits), converted = Spread(period, conversions);
        var answered = Spread(period, answers.Select(a => new AnalyticsQueries.BucketCount(a.Key, a.N)));
        var promoters = Spread(period, answers.Select(a => new AnalyticsQueries.BucketCount(a.Key, a.Promoters)));
        var started = Spread(period, cohort.Select(c => new AnalyticsQueries.BucketCount(c.Key, c.N)));
        return ([.. period.WeekStarts.Select((start, w) => new WeeklyFunnel(start,
            new FunnelCounts(planned[w], handed[w], answered[w], promoters[w], started[w], visited[w], converted[w])))], answers, cohort);
    }

    /// <summary>Revenue by currency of the orders paid in <paramref name="period"/> (definition on <see cref="RevenueFigures"/>), ordered by currency.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<IReadOnlyList<RevenueFigures>> RevenueAsync(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var hours = RollupHours.For(period);
        var rows = hours.ToHour > hours.FromHour ? await RollupQueries.Revenue(db, tenantId, hours).ToListAsync(cancellationToken) : [];
        if (hours.RawRanges.Count > 0)
        {
            rows.AddRange(await AnalyticsQueries.Revenue(db, tenantId, hours.RawRanges).ToListAsync(cancellationToken));
        }

        return Revenue(rows);
    }

    private static IReadOnlyList<RevenueFigures> Revenue(IEnumerable<AnalyticsQueries.CurrencyRevenue> rows) =>
        [.. rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RevenueFigures(g.Key, g.Sum(r => r.N), g.Sum(r => r.Gross), g.Sum(r => r.Refunded),
                g.Sum(r => r.ReferralN), g.Sum(r => r.ReferralGross), g.Sum(r => r.ReferralRefunded)))
            .Where(r => r.Orders > 0)];

    /// <summary>The ledger entries written in <paramref name="period"/>, summed by currency, type and state.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<RewardCost> RewardCostAsync(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var hours = RollupHours.For(period);
        var rows = hours.ToHour > hours.FromHour ? await RollupQueries.Ledger(db, tenantId, hours).ToListAsync(cancellationToken) : [];
        if (hours.RawRanges.Count > 0)
        {
            rows.AddRange(await AnalyticsQueries.Ledger(db, tenantId, hours.RawRanges).ToListAsync(cancellationToken));
        }

        return RewardCost(rows);
    }

    private static RewardCost RewardCost(IEnumerable<AnalyticsQueries.LedgerLine> rows) => new([.. rows
        .GroupBy(r => (r.Currency, r.Type, r.State))
        .Select(g => new RewardCostLine(g.Key.Currency, g.Key.Type, g.Key.State, g.Sum(r => r.N), g.Sum(r => r.Amount)))
        .Where(l => l.Entries > 0)
        .OrderBy(l => l.Currency, StringComparer.Ordinal).ThenBy(l => l.Type).ThenBy(l => l.State)]);

    /// <summary>The K-factor of the referrals started in <paramref name="period"/> (definition on <see cref="ViralCoefficient"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<ViralCoefficient> ViralAsync(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var (_, _, cohort) = await FunnelAsync(db, tenantId, period, cancellationToken);
        return await ViralAsync(db, tenantId, period, cohort, fast: true, cancellationToken);
    }

    // Distinct advocates do not add up over hours: always counted from the raw referrals, either as the referrals that
    // are their advocate's first of the period (fast: a range count) or with DISTINCT (raw: the reference).
    private static async Task<ViralCoefficient> ViralAsync(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period,
        List<AnalyticsQueries.BucketCohort> started, bool fast, CancellationToken cancellationToken)
    {
        var advocates = fast
            ? await AnalyticsQueries.CohortAdvocateFirsts(db, tenantId, period).CountAsync(cancellationToken)
            : await AnalyticsQueries.CohortAdvocates(db, tenantId, period).CountAsync(cancellationToken);
        return new ViralCoefficient(advocates, started.Sum(s => s.N), started.Sum(s => s.Converted));
    }

    /// <summary>The current UTC month's conversions against the tenant's monthly goal (from the rollups: a month is whole hours).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Task<GoalPacing> GoalAsync(ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken) =>
        GoalAsync(db, tenant, rollups: true, cancellationToken);

    private async Task<GoalPacing> GoalAsync(ReferralsDbContext db, Tenant tenant, bool rollups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        var now = _clock.GetUtcNow();
        var (start, end) = GoalPacing.MonthOf(now);
        var converted = rollups
            ? await RollupQueries.Conversions(db, tenant.Id, RollupHours.Of(start), RollupHours.Of(end)).FirstOrDefaultAsync(cancellationToken)
            : await AnalyticsQueries.MonthConversions(db, tenant.Id, start, end).FirstOrDefaultAsync(cancellationToken);
        return GoalPacing.For(tenant.Settings.MonthlyGoal, converted, now);
    }

    /// <summary>
    /// The <paramref name="top"/> advocates by conversions in <paramref name="period"/> (ties by revenue, then id), or
    /// by revenue in <paramref name="currency"/> (ties by conversions, then id).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<IReadOnlyList<AdvocateRanking>> TopAdvocatesAsync(ReferralsDbContext db, Guid tenantId, string currency, AnalyticsPeriod period, int top, bool byRevenue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var grouped = AnalyticsQueries.ByAdvocate(db, tenantId, currency, period);
        var ordered = byRevenue
            ? grouped.OrderByDescending(a => a.Revenue).ThenByDescending(a => a.N).ThenBy(a => a.Id)
            : grouped.OrderByDescending(a => a.N).ThenByDescending(a => a.Revenue).ThenBy(a => a.Id);
        var rows = await ordered.Take(top).ToListAsync(cancellationToken);
        return [.. rows.Select(a => new AdvocateRanking(a.Id, a.N, a.Revenue))];
    }

    /// <summary>The <paramref name="top"/> referral trees by revenue in <paramref name="currency"/> of their conversions in <paramref name="period"/> (ties by conversions, then id).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<IReadOnlyList<ChainSummary>> TopChainsAsync(ReferralsDbContext db, Guid tenantId, string currency, AnalyticsPeriod period, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var rows = await AnalyticsQueries.ByRoot(db, tenantId, currency, period)
            .OrderByDescending(c => c.Revenue).ThenByDescending(c => c.N).ThenBy(c => c.Id)
            .Take(top)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new ChainSummary(c.Id, c.N, c.Depth, c.Revenue))];
    }

    private static int[] Spread(AnalyticsPeriod period, IEnumerable<AnalyticsQueries.BucketCount> rows)
    {
        var result = new int[period.WeekStarts.Count];
        foreach (var row in rows)
        {
            result[row.Key] += row.N;
        }

        return result;
    }

    private static FunnelCounts Sum(IEnumerable<WeeklyFunnel> weeks) => weeks.Select(w => w.Counts).Aggregate(FunnelCounts.Empty, (a, b) => new FunnelCounts(
        a.AsksScheduled + b.AsksScheduled, a.AsksSent + b.AsksSent, a.AsksAnswered + b.AsksAnswered, a.Promoters + b.Promoters,
        a.Referrals + b.Referrals, a.Visits + b.Visits, a.Conversions + b.Conversions));
}
