using System.Linq.Expressions;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>
/// The SQL of <see cref="ReferredCustomerValue"/>, as a query not yet run (so a test can translate it for SQL Server).
/// Two levels of aggregation: the period's counted orders summed per bucket, currency and buyer, then those sums
/// summed per bucket, currency and class of buyer. Only aggregates leave the database.
/// </summary>
internal static class ReferredCustomerValueQueries
{
    // Members, not constructors, so that the GROUP BYs above them can read them in SQL.
    internal sealed class ClassedOrder
    {
        public Order Order { get; init; } = null!;

        public bool Referred { get; init; }
    }

    internal sealed class OrderRow
    {
        public int Key { get; init; }

        public Guid? ContactId { get; init; }

        public string Currency { get; init; } = "";

        public bool Referred { get; init; }

        public decimal Total { get; init; }

        public decimal Refunded { get; init; }
    }

    internal sealed class CustomerRow
    {
        public int Key { get; init; }

        public string Currency { get; init; } = "";

        public bool Referred { get; init; }

        public int N { get; init; }

        public decimal Gross { get; init; }

        public decimal Refunded { get; init; }

        public int RefundedN { get; init; }
    }

    internal sealed class ClassBucket
    {
        public int Key { get; init; }

        public string Currency { get; init; } = "";

        public bool Referred { get; init; }

        public int Customers { get; init; }

        public int RepeatCustomers { get; init; }

        public int Orders { get; init; }

        public decimal Gross { get; init; }

        public decimal Refunded { get; init; }

        public int RefundedOrders { get; init; }
    }

    /// <summary>The figures per bucket (index into <paramref name="starts"/>), currency and class of buyer.</summary>
    /// <param name="db">The context.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="starts">Bucket starts, ascending and not empty; the first is the period's start.</param>
    /// <param name="to">The first instant after the period.</param>
    public static IQueryable<ClassBucket> ByClass(ReferralsDbContext db, Guid tenantId, IReadOnlyList<DateTimeOffset> starts, DateTimeOffset to)
    {
        var start = starts[0];
        // The buyers who came through a referral that stands; a left join on it classes each order's buyer.
        var referred = db.Referrals
            .Where(r => r.TenantId == tenantId && r.FriendContactId != null && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded))
            .Select(r => r.FriendContactId)
            .Distinct();
        var orders =
            from o in db.Orders
            where o.TenantId == tenantId && o.PaidAt >= start && o.PaidAt < to && o.CancelledAt == null && o.ContactId != null
            join f in referred on o.ContactId equals f into friends
            from f in friends.DefaultIfEmpty()
            select new ClassedOrder { Order = o, Referred = f != null };
        var rows = orders.Select(Row(MonthBucket.Of((ClassedOrder x) => x.Order.PaidAt, starts)));
        return rows
            .GroupBy(r => new { r.Key, r.Currency, r.Referred, r.ContactId })
            .Select(g => new CustomerRow
            {
                Key = g.Key.Key,
                Currency = g.Key.Currency,
                Referred = g.Key.Referred,
                N = g.Count(),
                Gross = g.Sum(r => r.Total),
                Refunded = g.Sum(r => r.Refunded),
                RefundedN = g.Count(r => r.Refunded > 0m),
            })
            .GroupBy(c => new { c.Key, c.Currency, c.Referred })
            .Select(g => new ClassBucket
            {
                Key = g.Key.Key,
                Currency = g.Key.Currency,
                Referred = g.Key.Referred,
                Customers = g.Count(),
                RepeatCustomers = g.Count(c => c.N >= 2),
                Orders = g.Sum(c => c.N),
                Gross = g.Sum(c => c.Gross),
                Refunded = g.Sum(c => c.Refunded),
                RefundedOrders = g.Sum(c => c.RefundedN),
            });
    }

    // x => new OrderRow { Key = bucket(x), ... }: the bucket's CASE spliced into the projection, so the GROUP BY
    // above reads a plain column of the subquery.
    private static Expression<Func<ClassedOrder, OrderRow>> Row(Expression<Func<ClassedOrder, int>> bucket)
    {
        Expression<Func<ClassedOrder, int, OrderRow>> template = (x, key) => new OrderRow
        {
            Key = key,
            ContactId = x.Order.ContactId,
            Currency = x.Order.Currency,
            Referred = x.Referred,
            Total = x.Order.Total,
            Refunded = x.Order.RefundedAmount,
        };
        var x = bucket.Parameters[0];
        var body = new Replace(template.Parameters[0], x, template.Parameters[1], bucket.Body).Visit(template.Body);
        return Expression.Lambda<Func<ClassedOrder, OrderRow>>(body, x);
    }

    private sealed class Replace(ParameterExpression row, ParameterExpression rowBy, ParameterExpression key, Expression keyBy) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == row ? rowBy : node == key ? keyBy : base.VisitParameter(node);
    }
}
