using System.Linq.Expressions;
using Referrals.Core.Analytics;

namespace Referrals.Core.Engine;

/// <summary>
/// Builds <c>x =&gt; time(x) &lt; w1 ? 0 : time(x) &lt; w2 ? 1 : … : n-1</c>: the week bucket of a row as a SQL CASE
/// of comparisons. Only comparisons, so it works on every provider, including SQLite's tick columns where date
/// arithmetic does not translate. The bounds are read from an array, so EF sends them as parameters and caches one
/// plan per number of weeks.
/// </summary>
internal static class WeekBucket
{
    public static Expression<Func<T, int>> Of<T, TTime>(Expression<Func<T, TTime>> time, AnalyticsPeriod period)
    {
        var starts = period.WeekStarts.ToArray();
        // A member of a constant, as a captured local compiles to: EF turns each bound into a parameter.
        var bounds = Expression.Field(Expression.Constant(new Bounds(starts)), nameof(Bounds.Starts));
        Expression body = Expression.Constant(starts.Length - 1);
        for (var i = starts.Length - 1; i >= 1; i--)
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

    private sealed class Bounds(DateTimeOffset[] starts)
    {
        public readonly DateTimeOffset[] Starts = starts;
    }
}
