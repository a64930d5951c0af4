using Microsoft.EntityFrameworkCore;
using Referrals.Core.Analytics;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// SQL Server does not run here: every analytics query is translated for it without a connection, so a construct SQL
/// Server cannot express fails here rather than in production.
/// </summary>
public sealed class AnalyticsQueriesSqlServerTests
{
    private static readonly AnalyticsPeriod Period = new(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    private static ReferralsDbContext CreateContext() => new ReferralsDbContextFactory(new StorageOptions
    {
        Provider = StorageProvider.SqlServer,
        ConnectionString = "Server=127.0.0.1,1;Database=referrals;User Id=sa;Password=unused;TrustServerCertificate=True;Connect Timeout=1",
    }).CreateDbContext();

    private static IEnumerable<TestCaseData> Queries()
    {
        var tenant = Guid.NewGuid();
        yield return Case("asks scheduled", db => AnalyticsQueries.AsksScheduled(db, tenant, Period));
        yield return Case("asks sent", db => AnalyticsQueries.AsksSent(db, tenant, Period));
        yield return Case("asks answered", db => AnalyticsQueries.AsksAnswered(db, tenant, Period));
        yield return Case("referrals started", db => AnalyticsQueries.ReferralsStarted(db, tenant, Period));
        yield return Case("visits", db => AnalyticsQueries.Visits(db, tenant, Period));
        yield return Case("conversions", db => AnalyticsQueries.ConversionsByWeek(db, tenant, Period));
        yield return Case("cohort advocates", db => AnalyticsQueries.CohortAdvocates(db, tenant, Period));
        yield return Case("revenue", db => AnalyticsQueries.Revenue(db, tenant, Period));
        yield return Case("ledger", db => AnalyticsQueries.Ledger(db, tenant, Period));
        yield return Case("top advocates", db => AnalyticsQueries.ByAdvocate(db, tenant, "EUR", Period).OrderByDescending(a => a.N).ThenBy(a => a.Id).Take(10));
        yield return Case("top chains", db => AnalyticsQueries.ByRoot(db, tenant, "EUR", Period).OrderByDescending(a => a.Revenue).ThenBy(a => a.Id).Take(10));
        yield return Case("month conversions", db => AnalyticsQueries.MonthConversions(db, tenant, Period.From, Period.To));
        yield return Case("max depth", db => AnalyticsQueries.MaxDepth(db, tenant, Period));
        var cut = new AnalyticsPeriod(Period.From.AddMinutes(17), Period.To.AddMinutes(-5));
        var hours = RollupHours.For(cut);
        yield return Case("cut hours: asks answered", db => AnalyticsQueries.AsksAnswered(db, tenant, cut, hours.RawRanges));
        yield return Case("cut hours: revenue", db => AnalyticsQueries.Revenue(db, tenant, hours.RawRanges));
        yield return Case("rollup counts", db => RollupQueries.Counts(db, tenant, hours));
        yield return Case("rollup revenue", db => RollupQueries.Revenue(db, tenant, hours));
        yield return Case("rollup ledger", db => RollupQueries.Ledger(db, tenant, hours));
        yield return Case("rollup month conversions", db => RollupQueries.Conversions(db, tenant, hours.FromHour, hours.ToHour));
    }

    private static TestCaseData Case<T>(string name, Func<ReferralsDbContext, IQueryable<T>> query) =>
        new TestCaseData((Func<ReferralsDbContext, string>)(db => query(db).ToQueryString())).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Queries))]
    public void Query_TranslatesForSqlServer(Func<ReferralsDbContext, string> translate)
    {
        using var db = CreateContext();

        var sql = translate(db);

        Assert.That(sql, Does.Contain("[TenantId] = @"));
    }

    [Test]
    public void WeekBuckets_AreACaseOfParameterComparisons()
    {
        using var db = CreateContext();

        var sql = AnalyticsQueries.ReferralsStarted(db, Guid.NewGuid(), Period).ToQueryString();

        // 92 days: 14 buckets, 13 comparisons; bounds are parameters, so one plan serves every period of that length.
        Assert.That(sql, Does.Contain("CASE"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(sql, @"\[r\]\.\[CreatedAt\] < @").Count, Is.EqualTo(13 + 1), sql);
    }
}
