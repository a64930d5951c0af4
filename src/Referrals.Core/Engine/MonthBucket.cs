using System.Linq.Expressions;
using Referrals.Core.Analytics;

namespace Referrals.Core.Engine;

/// <summary>
/// Builds <c>x =&gt; time(x) &lt; m1 ? 0 : time(x) &lt; m2 ? 1 : … : n-1</c>: the month bucket of a row as a SQL CASE
/// of comparisons with parameter bounds, as <see cref="WeekBucket"/> does for weeks (kept apart so that each can change
/// on its own). Only comparisons, so SQLite's tick columns work too.
/// </summary>
internal static class MonthBucket
{
    public static Expression<Func<T, int>> Of<T, TTime>(Expression<Func<T, TTime>> time, IReadOnlyList<DateTimeOffset> starts)
    {
        var array = starts.ToArray();
        // A member of a constant, as a captured local compiles to: EF turns each bound into a parameter.
        var bounds = Expression.Field(Expression.Constant(new Bounds(array)), nameof(Bounds.Starts));
        Expression body = Expression.Constant(array.Length - 1);
        for (var i = array.Length - 1; i >= 1; i--)
        {
            Expression bound = Expression.ArrayIndex(bounds, Expression.Constant(i));
            if (bound.Type != time.Body.Type)
            {
                bound = Expression.Convert(bound, time.Body.Type);
            }

            body = Expression.Condition(Expression.LessThan(time.Body, bound), Expression.Constant(i - 1), body);
        }

        return Expression.Lambda<Func<T, int>>(body, time.Parameters);
    }

    public static Expression<Func<T, int>> Of<T, TTime>(Expression<Func<T, TTime>> time, AnalyticsMonths months) => Of(time, months.MonthStarts);

    private sealed class Bounds(DateTimeOffset[] starts)
    {
        public readonly DateTimeOffset[] Starts = starts;
    }
}
