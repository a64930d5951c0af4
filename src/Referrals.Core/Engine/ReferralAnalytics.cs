using Microsoft.EntityFrameworkCore;
using Referrals.Core.Analytics;
using Referrals.Core.Persistence;
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
    /// pacing. Runs 13 aggregate queries one after the other on <paramref name="db"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    public async Task<AnalyticsOverview> OverviewAsync(ReferralsDbContext db, Tenant tenant, AnalyticsPeriod period, int top = DefaultTop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var currency = tenant.Settings.Currency;
        var (weeks, answered, cohort) = await FunnelAsync(db, tenant.Id, period, cancellationToken);
        int promoters = answered.Sum(a => a.Promoters), detractors = answered.Sum(a => a.Detractors);
        return new AnalyticsOverview(
            period,
            currency,
            Sum(weeks),
            weeks,
            NpsCounts.Compute(promoters, answered.Sum(a => a.N) - promoters - detractors, detractors),
            await RevenueAsync(db, tenant.Id, period, cancellationToken),
            await RewardCostAsync(db, tenant.Id, period, cancellationToken),
            await ViralAsync(db, tenant.Id, period, cohort, cancellationToken),
            await GoalAsync(db, tenant, cancellationToken),
            await TopAdvocatesAsync(db, tenant.Id, currency, period, top, byRevenue: false, cancellationToken),
            await TopAdvocatesAsync(db, tenant.Id, currency, period, top, byRevenue: true, cancellationToken),
            await AnalyticsQueries.MaxDepth(db, tenant.Id, period).FirstOrDefaultAsync(cancellationToken),
            await TopChainsAsync(db, tenant.Id, currency, period, top, cancellationToken));
    }

    /// <summary>The funnel of each week bucket of <paramref name="period"/>, empty weeks included (6 grouped queries).</summary>
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
        var scheduled = Spread(period, await AnalyticsQueries.AsksScheduled(db, tenantId, period).ToListAsync(cancellationToken));
        var sent = Spread(period, await AnalyticsQueries.AsksSent(db, tenantId, period).ToListAsync(cancellationToken));
        var answers = await AnalyticsQueries.AsksAnswered(db, tenantId, period).ToListAsync(cancellationToken);
        var answered = Spread(period, answers.Select(a => new AnalyticsQueries.BucketCount(a.Key, a.N)));
        var promoters = Spread(period, answers.Select(a => new AnalyticsQueries.BucketCount(a.Key, a.Promoters)));
        var cohort = await AnalyticsQueries.ReferralsStarted(db, tenantId, period).ToListAsync(cancellationToken);
        var started = Spread(period, cohort.Select(c => new AnalyticsQueries.BucketCount(c.Key, c.N)));
        var visits = Spread(period, await AnalyticsQueries.Visits(db, tenantId, period).ToListAsync(cancellationToken));
        var conversions = Spread(period, await AnalyticsQueries.ConversionsByWeek(db, tenantId, period).ToListAsync(cancellationToken));
        return ([.. period.WeekStarts.Select((start, w) => new WeeklyFunnel(start,
            new FunnelCounts(scheduled[w], sent[w], answered[w], promoters[w], started[w], visits[w], conversions[w])))], answers, cohort);
    }

    /// <summary>Revenue by currency of the orders paid in <paramref name="period"/> (definition on <see cref="RevenueFigures"/>), ordered by currency.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<IReadOnlyList<RevenueFigures>> RevenueAsync(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var rows = await AnalyticsQueries.Revenue(db, tenantId, period).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Currency, StringComparer.Ordinal)
            .Select(r => new RevenueFigures(r.Currency, r.N, r.Gross, r.Refunded, r.ReferralN, r.ReferralGross, r.ReferralRefunded))];
    }

    /// <summary>The ledger entries written in <paramref name="period"/>, summed by currency, type and state.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<RewardCost> RewardCostAsync(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var rows = await AnalyticsQueries.Ledger(db, tenantId, period).ToListAsync(cancellationToken);
        return new RewardCost([.. rows
            .Select(r => new RewardCostLine(r.Currency, r.Type, r.State, r.N, r.Amount))
            .OrderBy(l => l.Currency, StringComparer.Ordinal).ThenBy(l => l.Type).ThenBy(l => l.State)]);
    }

    /// <summary>The K-factor of the referrals started in <paramref name="period"/> (definition on <see cref="ViralCoefficient"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<ViralCoefficient> ViralAsync(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var started = await AnalyticsQueries.ReferralsStarted(db, tenantId, period).ToListAsync(cancellationToken);
        return await ViralAsync(db, tenantId, period, started, cancellationToken);
    }

    private static async Task<ViralCoefficient> ViralAsync(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period,
        List<AnalyticsQueries.BucketCohort> started, CancellationToken cancellationToken)
    {
        var advocates = await AnalyticsQueries.CohortAdvocates(db, tenantId, period).CountAsync(cancellationToken);
        return new ViralCoefficient(advocates, started.Sum(s => s.N), started.Sum(s => s.Converted));
    }

    /// <summary>The current UTC month's conversions against the tenant's monthly goal.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public async Task<GoalPacing> GoalAsync(ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        var now = _clock.GetUtcNow();
        var (start, end) = GoalPacing.MonthOf(now);
        var converted = await AnalyticsQueries.MonthConversions(db, tenant.Id, start, end).FirstOrDefaultAsync(cancellationToken);
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
