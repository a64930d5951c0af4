using Microsoft.EntityFrameworkCore;
using Referrals.Core.Analytics;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>
/// What referred customers are worth next to the others (definitions on <see cref="CustomerValueComparison"/> and
/// <see cref="CustomerValueFigures"/>). One aggregate query per call, grouped in SQL by bucket, currency and class of
/// customer; the ratios are computed in .NET from the sums, because SQLite stores money as scaled integers. Read-only.
/// </summary>
public static class ReferredCustomerValue
{
    /// <summary>
    /// The comparison for each month bucket of <paramref name="months"/>, ordered by month then currency. Every month
    /// is listed for <paramref name="currency"/> (the tenant's), empty or not; another currency is listed for the
    /// months that have orders in it. Repeat customers are those with two or more orders in the same month.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<IReadOnlyList<CustomerValueComparison>> ByMonthAsync(ReferralsDbContext db, Guid tenantId, string currency, AnalyticsMonths months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(months);
        return await ComputeAsync(db, tenantId, currency, months.MonthStarts, months.To, cancellationToken);
    }

    /// <summary>
    /// The comparison over the whole of <paramref name="months"/> as one bucket, one line per currency (the tenant's
    /// always). Customers are counted once however many months they bought in, so the months do not add up to this;
    /// repeat customers are those with two or more orders in the period.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<IReadOnlyList<CustomerValueComparison>> OverPeriodAsync(ReferralsDbContext db, Guid tenantId, string currency, AnalyticsMonths months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(months);
        return await ComputeAsync(db, tenantId, currency, [months.From], months.To, cancellationToken);
    }

    private static async Task<IReadOnlyList<CustomerValueComparison>> ComputeAsync(
        ReferralsDbContext db, Guid tenantId, string currency, IReadOnlyList<DateTimeOffset> starts, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await ReferredCustomerValueQueries.ByClass(db, tenantId, starts, to).ToListAsync(cancellationToken);
        var currencies = rows.Select(r => r.Currency).Append(currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var result = new List<CustomerValueComparison>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : to;
            foreach (var c in currencies)
            {
                var referred = rows.SingleOrDefault(r => r.Key == i && r.Currency == c && r.Referred);
                var other = rows.SingleOrDefault(r => r.Key == i && r.Currency == c && !r.Referred);
                if (referred is null && other is null && c != currency)
                {
                    continue;
                }

                result.Add(new CustomerValueComparison(starts[i], end, c, Figures(referred), Figures(other)));
            }
        }

        return result;
    }

    private static CustomerValueFigures Figures(ReferredCustomerValueQueries.ClassBucket? row) => row is null
        ? CustomerValueFigures.Empty
        : new CustomerValueFigures(row.Customers, row.RepeatCustomers, row.Orders, row.Gross, row.Refunded, row.RefundedOrders);
}
