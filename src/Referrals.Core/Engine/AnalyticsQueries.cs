using Referrals.Core.Analytics;
using Referrals.Core.Asks;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Satisfaction;

using Ranges = System.Collections.Generic.IReadOnlyList<(System.DateTimeOffset From, System.DateTimeOffset To)>;

namespace Referrals.Core.Engine;

/// <summary>
/// The SQL of <see cref="ReferralAnalytics"/>, as queries not yet run, so that a test can translate them for SQL
/// Server without a server. Each reads one indexed range of one tenant and returns aggregates only.
/// </summary>
internal static class AnalyticsQueries
{
    internal sealed record BucketCount(int Key, int N);

    internal sealed record BucketAnswers(int Key, int N, int Promoters, int Detractors);

    internal sealed record BucketCohort(int Key, int N, int Converted);

    internal sealed class CurrencyRevenue
    {
        public string Currency { get; init; } = "";

        public int N { get; init; }

        public decimal Gross { get; init; }

        public decimal Refunded { get; init; }

        public int ReferralN { get; init; }

        public decimal ReferralGross { get; init; }

        public decimal ReferralRefunded { get; init; }
    }

    internal sealed record LedgerLine(string Currency, LedgerEntryType Type, LedgerEntryState State, int N, decimal Amount);

    // Members, not a constructor, so that the rankings can sort on them in SQL.
    internal sealed class GroupFigures
    {
        public Guid Id { get; init; }

        public int N { get; init; }

        public int Depth { get; init; }

        public decimal Revenue { get; init; }
    }

    // Advocate news travels as an ask (for the shared frequency cap) but asks nobody anything: the funnel leaves it out.
    public static IQueryable<BucketCount> AsksScheduled(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) => AsksScheduled(db, tenantId, period, Whole(period));

    public static IQueryable<BucketCount> AsksScheduled(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, Ranges ranges) =>
        db.Asks.Where(TimeWindow.Of((Ask a) => a.TenantId, a => a.CreatedAt, tenantId, ranges)).Where(a => a.Trigger != AskTrigger.AdvocateNews)
            .GroupBy(WeekBucket.Of((Ask a) => a.CreatedAt, period)).Select(g => new BucketCount(g.Key, g.Count()));

    public static IQueryable<BucketCount> AsksSent(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) => AsksSent(db, tenantId, period, Whole(period));

    public static IQueryable<BucketCount> AsksSent(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, Ranges ranges) =>
        db.Asks.Where(TimeWindow.Of((Ask a) => a.TenantId, a => a.SentAt, tenantId, ranges)).Where(a => a.Trigger != AskTrigger.AdvocateNews)
            .GroupBy(WeekBucket.Of((Ask a) => a.SentAt, period)).Select(g => new BucketCount(g.Key, g.Count()));

    public static IQueryable<BucketAnswers> AsksAnswered(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) => AsksAnswered(db, tenantId, period, Whole(period));

    public static IQueryable<BucketAnswers> AsksAnswered(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, Ranges ranges) =>
        db.Asks.Where(TimeWindow.Of((Ask a) => a.TenantId, a => a.AnsweredAt, tenantId, ranges))
            .GroupBy(WeekBucket.Of((Ask a) => a.AnsweredAt, period))
            .Select(g => new BucketAnswers(g.Key, g.Count(),
                g.Count(a => a.Score >= NetPromoterScore.PromoterMinimum), g.Count(a => a.Score <= NetPromoterScore.DetractorMaximum)));

    // Referrals started by week, with how many of them stand converted now (the K-factor's cohort).
    public static IQueryable<BucketCohort> ReferralsStarted(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) => ReferralsStarted(db, tenantId, period, Whole(period));

    public static IQueryable<BucketCohort> ReferralsStarted(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, Ranges ranges) =>
        db.Referrals.Where(TimeWindow.Of((Referral r) => r.TenantId, r => r.CreatedAt, tenantId, ranges)).GroupBy(WeekBucket.Of((Referral r) => r.CreatedAt, period))
            .Select(g => new BucketCohort(g.Key, g.Count(), g.Count(r => r.State == ReferralState.Converted || r.State == ReferralState.Rewarded)));

    public static IQueryable<BucketCount> Visits(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) => Visits(db, tenantId, period, Whole(period));

    public static IQueryable<BucketCount> Visits(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, Ranges ranges) =>
        db.Referrals.Where(TimeWindow.Of((Referral r) => r.TenantId, r => r.VisitedAt, tenantId, ranges))
            .GroupBy(WeekBucket.Of((Referral r) => r.VisitedAt, period)).Select(g => new BucketCount(g.Key, g.Count()));

    public static IQueryable<BucketCount> ConversionsByWeek(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) => ConversionsByWeek(db, tenantId, period, Whole(period));

    public static IQueryable<BucketCount> ConversionsByWeek(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period, Ranges ranges) =>
        db.Referrals.Where(TimeWindow.Of((Referral r) => r.TenantId, r => r.ConvertedAt, tenantId, ranges))
            .Where(r => r.State == ReferralState.Converted || r.State == ReferralState.Rewarded)
            .GroupBy(WeekBucket.Of((Referral r) => r.ConvertedAt, period)).Select(g => new BucketCount(g.Key, g.Count()));

    public static IQueryable<Guid> CohortAdvocates(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) =>
        Started(db, tenantId, period).Select(r => r.AdvocateContactId).Distinct();

    // The same advocates counted without DISTINCT: each advocate's first referral of the period is the one whose
    // previous start (kept on every referral) is before the period or absent. Count it.
    public static IQueryable<Referral> CohortAdvocateFirsts(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) =>
        Started(db, tenantId, period).Where(r => r.AdvocatePreviousStartedAt == null || r.AdvocatePreviousStartedAt < period.From);

    // One pass over the period's orders (a covering index range); each referred order's referral is looked up in the
    // (Id, State) index through a left join whose condition holds the standing states, so a match means it stands and
    // neither plain orders nor the lookups read a table row.
    public static IQueryable<CurrencyRevenue> Revenue(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) => Revenue(db, tenantId, Whole(period));

    public static IQueryable<CurrencyRevenue> Revenue(ReferralsDbContext db, Guid tenantId, Ranges ranges) =>
        from o in db.Orders.Where(TimeWindow.Of((Orders.Order o) => o.TenantId, o => o.PaidAt, tenantId, ranges)).Where(o => o.CancelledAt == null)
        join r in db.Referrals.Where(r => r.State == ReferralState.Converted || r.State == ReferralState.Rewarded)
            on o.ReferralId equals r.Id into standing
        from r in standing.DefaultIfEmpty()
        group new { o.Total, o.RefundedAmount, Standing = r != null } by o.Currency into g
        select new CurrencyRevenue
        {
            Currency = g.Key,
            N = g.Count(),
            Gross = g.Sum(x => x.Total),
            Refunded = g.Sum(x => x.RefundedAmount),
            ReferralN = g.Count(x => x.Standing),
            ReferralGross = g.Sum(x => x.Standing ? x.Total : 0m),
            ReferralRefunded = g.Sum(x => x.Standing ? x.RefundedAmount : 0m),
        };

    public static IQueryable<LedgerLine> Ledger(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) => Ledger(db, tenantId, Whole(period));

    public static IQueryable<LedgerLine> Ledger(ReferralsDbContext db, Guid tenantId, Ranges ranges) =>
        db.Ledger.Where(TimeWindow.Of((LedgerEntry e) => e.TenantId, e => e.CreatedAt, tenantId, ranges))
            .GroupBy(e => new { e.Currency, e.Type, e.State })
            .Select(g => new LedgerLine(g.Key.Currency, g.Key.Type, g.Key.State, g.Count(), g.Sum(e => e.Amount)));

    public static IQueryable<GroupFigures> ByAdvocate(ReferralsDbContext db, Guid tenantId, string currency, AnalyticsPeriod period) =>
        Conversions(db, tenantId, period.From, period.To).GroupBy(r => r.AdvocateContactId)
            .Select(g => new GroupFigures { Id = g.Key, N = g.Count(), Depth = g.Max(r => r.Depth), Revenue = g.Sum(r => r.Currency == currency ? r.Revenue : 0m) });

    public static IQueryable<GroupFigures> ByRoot(ReferralsDbContext db, Guid tenantId, string currency, AnalyticsPeriod period) =>
        Conversions(db, tenantId, period.From, period.To).GroupBy(r => r.RootAdvocateContactId)
            .Select(g => new GroupFigures { Id = g.Key, N = g.Count(), Depth = g.Max(r => r.Depth), Revenue = g.Sum(r => r.Currency == currency ? r.Revenue : 0m) });

    public static IQueryable<int> MonthConversions(ReferralsDbContext db, Guid tenantId, DateTimeOffset from, DateTimeOffset to) =>
        Conversions(db, tenantId, from, to).GroupBy(r => r.TenantId).Select(g => g.Count());

    public static IQueryable<int> MaxDepth(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) =>
        Conversions(db, tenantId, period.From, period.To).GroupBy(r => r.TenantId).Select(g => g.Max(r => r.Depth));

    // Conversions that stand: converted in the range and now Converted or Rewarded (not rejected, not under review).
    private static IQueryable<Referral> Conversions(ReferralsDbContext db, Guid tenantId, DateTimeOffset from, DateTimeOffset to) =>
        db.Referrals.Where(r => r.TenantId == tenantId && r.ConvertedAt >= from && r.ConvertedAt < to
            && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded));

    private static IQueryable<Referral> Started(ReferralsDbContext db, Guid tenantId, AnalyticsPeriod period) =>
        db.Referrals.Where(r => r.TenantId == tenantId && r.CreatedAt >= period.From && r.CreatedAt < period.To);

    private static Ranges Whole(AnalyticsPeriod period) => [(period.From, period.To)];
}
