using System.Linq.Expressions;

namespace Referrals.Core.Engine;

/// <summary>
/// Builds <c>x =&gt; (tenant(x) = t AND time(x) &gt;= a1 AND time(x) &lt; b1) OR …</c>: one tenant's rows in a set of
/// time ranges. The tenant is repeated in each branch so that every branch can seek the (tenant, time) index by itself
/// (SQLite plans each OR branch on its own). The bounds are read from an array, so EF sends them as parameters.
/// </summary>
internal static class TimeWindow
{
    public static Expression<Func<T, bool>> Of<T, TTime>(Expression<Func<T, Guid>> tenant, Expression<Func<T, TTime>> time, Guid tenantId,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> ranges)
    {
        var parameter = time.Parameters[0];
        var tenantBody = new Rebind(tenant.Parameters[0], parameter).Visit(tenant.Body);
        var bounds = Expression.Field(Expression.Constant(new Bounds([.. ranges.SelectMany(r => new[] { r.From, r.To })])), nameof(Bounds.Values));
        var id = Expression.Field(Expression.Constant(new Id(tenantId)), nameof(Id.Value));
        Expression? body = null;
        for (var i = 0; i < ranges.Count; i++)
        {
            var branch = Expression.AndAlso(Expression.Equal(tenantBody, id), Expression.AndAlso(
                Expression.GreaterThanOrEqual(time.Body, Bound(bounds, 2 * i, time.Body.Type)),
                Expression.LessThan(time.Body, Bound(bounds, (2 * i) + 1, time.Body.Type))));
            body = body is null ? branch : Expression.OrElse(body, branch);
        }

        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), parameter);
    }

    private static Expression Bound(Expression bounds, int index, Type type)
    {
        Expression bound = Expression.ArrayIndex(bounds, Expression.Constant(index));
        return bound.Type == type ? bound : Expression.Convert(bound, type);
    }

    private sealed class Bounds(DateTimeOffset[] values)
    {
        public readonly DateTimeOffset[] Values = values;
    }

    private sealed class Id(Guid value)
    {
        public readonly Guid Value = value;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
