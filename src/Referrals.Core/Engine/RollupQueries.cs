using System.Linq.Expressions;
using Referrals.Core.Analytics;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>
/// The rollup side of <see cref="ReferralAnalytics"/>: sums of the whole hours of a <see cref="RollupHours"/> split,
/// in the shapes of the raw queries in <see cref="AnalyticsQueries"/> so the two add up.
/// </summary>
internal static class RollupQueries
{
    internal sealed record BucketFigures(int Key, int AsksScheduled, int AsksSent, int AsksAnswered, int Promoters, int Detractors,
        int ReferralsStarted, int StartedConverted, int Visits, int Conversions);

    public static IQueryable<BucketFigures> Counts(ReferralsDbContext db, Guid tenantId, RollupHours hours) =>
        Hours(db.AnalyticsHours, tenantId, hours).GroupBy(Bucket(hours)).Select(g => new BucketFigures(g.Key,
            g.Sum(x => x.AsksScheduled), g.Sum(x => x.AsksSent), g.Sum(x => x.AsksAnswered), g.Sum(x => x.Promoters), g.Sum(x => x.Detractors),
            g.Sum(x => x.ReferralsStarted), g.Sum(x => x.StartedConverted), g.Sum(x => x.Visits), g.Sum(x => x.Conversions)));

    public static IQueryable<AnalyticsQueries.CurrencyRevenue> Revenue(ReferralsDbContext db, Guid tenantId, RollupHours hours) =>
        Hours(db.AnalyticsRevenueHours, tenantId, hours).GroupBy(x => x.Currency).Select(g => new AnalyticsQueries.CurrencyRevenue
        {
            Currency = g.Key,
            N = g.Sum(x => x.Orders),
            Gross = g.Sum(x => x.Gross),
            Refunded = g.Sum(x => x.Refunded),
            ReferralN = g.Sum(x => x.ReferralOrders),
            ReferralGross = g.Sum(x => x.ReferralGross),
            ReferralRefunded = g.Sum(x => x.ReferralRefunded),
        });

    public static IQueryable<AnalyticsQueries.LedgerLine> Ledger(ReferralsDbContext db, Guid tenantId, RollupHours hours) =>
        Hours(db.AnalyticsLedgerHours, tenantId, hours).GroupBy(x => new { x.Currency, x.Type, x.State })
            .Select(g => new AnalyticsQueries.LedgerLine(g.Key.Currency, g.Key.Type, g.Key.State, g.Sum(x => x.Entries), g.Sum(x => x.Amount)));

    // Conversions in [fromHour, toHour): whole hours, as a calendar month is.
    public static IQueryable<int> Conversions(ReferralsDbContext db, Guid tenantId, long fromHour, long toHour) =>
        db.AnalyticsHours.Where(x => x.TenantId == tenantId && x.Hour >= fromHour && x.Hour < toHour)
            .GroupBy(x => x.TenantId).Select(g => g.Sum(x => x.Conversions));

    private static IQueryable<AnalyticsHour> Hours(IQueryable<AnalyticsHour> rows, Guid tenantId, RollupHours hours)
    {
        var cut = hours.CutHours;
        return rows.Where(x => x.TenantId == tenantId && x.Hour >= hours.FromHour && x.Hour < hours.ToHour && !cut.Contains(x.Hour));
    }

    private static IQueryable<AnalyticsRevenueHour> Hours(IQueryable<AnalyticsRevenueHour> rows, Guid tenantId, RollupHours hours)
    {
        var cut = hours.CutHours;
        return rows.Where(x => x.TenantId == tenantId && x.Hour >= hours.FromHour && x.Hour < hours.ToHour && !cut.Contains(x.Hour));
    }

    private static IQueryable<AnalyticsLedgerHour> Hours(IQueryable<AnalyticsLedgerHour> rows, Guid tenantId, RollupHours hours)
    {
        var cut = hours.CutHours;
        return rows.Where(x => x.TenantId == tenantId && x.Hour >= hours.FromHour && x.Hour < hours.ToHour && !cut.Contains(x.Hour));
    }

    // x => x.Hour < b1 ? 0 : x.Hour < b2 ? 1 : … : n-1, the bounds as parameters (see WeekBucket).
    private static Expression<Func<AnalyticsHour, int>> Bucket(RollupHours hours)
    {
        var row = Expression.Parameter(typeof(AnalyticsHour), "x");
        var hour = Expression.Property(row, nameof(AnalyticsHour.Hour));
        var bounds = Expression.Field(Expression.Constant(new Bounds([.. hours.BucketBounds])), nameof(Bounds.Values));
        Expression body = Expression.Constant(hours.BucketBounds.Count);
        for (var i = hours.BucketBounds.Count - 1; i >= 0; i--)
        {
            body = Expression.Condition(Expression.LessThan(hour, Expression.ArrayIndex(bounds, Expression.Constant(i))), Expression.Constant(i), body);
        }

        return Expression.Lambda<Func<AnalyticsHour, int>>(body, row);
    }

    private sealed class Bounds(long[] values)
    {
        public readonly long[] Values = values;
    }
}
