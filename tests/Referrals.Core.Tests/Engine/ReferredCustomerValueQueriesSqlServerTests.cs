using Microsoft.EntityFrameworkCore;
using Referrals.Core.Analytics;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.Core.Tests.Engine;

/// <summary>SQL Server does not run here: the referred-customer query is translated for it without a connection.</summary>
public sealed class ReferredCustomerValueQueriesSqlServerTests
{
    private static readonly AnalyticsMonths Months = new(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    private static ReferralsDbContext CreateContext() => new ReferralsDbContextFactory(new StorageOptions
    {
        Provider = StorageProvider.SqlServer,
        ConnectionString = "Server=127.0.0.1,1;Database=referrals;User Id=sa;Password=unused;TrustServerCertificate=True;Connect Timeout=1",
    }).CreateDbContext();

    [Test]
    public void ByClass_TranslatesForSqlServer_WithMonthBoundsAsParameters()
    {
        using var db = CreateContext();

        var sql = ReferredCustomerValueQueries.ByClass(db, Guid.NewGuid(), Months.MonthStarts, Months.To).ToQueryString();

        // Three months: two comparisons in the CASE, plus the period's end; the tenant is filtered on both tables.
        Assert.That(sql, Does.Contain("CASE"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(sql, @"\[PaidAt\] < @").Count, Is.EqualTo(2 + 1), sql);
        Assert.That(System.Text.RegularExpressions.Regex.Matches(sql, @"\[TenantId\] = @").Count, Is.EqualTo(2), sql);
    }
}
