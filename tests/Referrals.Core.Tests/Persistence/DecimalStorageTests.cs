using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using static Referrals.Core.Tests.Persistence.StorageSamples;

namespace Referrals.Core.Tests.Persistence;

/// <summary>Money is exact to four places on every provider, and sums, filters and sorts run in SQL.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class DecimalStorageTests(StorageProvider provider) : DatabaseTests(provider)
{
    private static readonly decimal[] Amounts = [12.3456m, -0.0001m, 99999999.99m, 10.5m, 10.5001m, 0m, -3.25m];

    private static IEnumerable<decimal> ExactValues() =>
        [12.3456m, -0.0001m, 0.0001m, 99999999.99m, 0m, 99_999_999_999_999.9999m, -99_999_999_999_999.9999m];

    [TestCaseSource(nameof(ExactValues))]
    public async Task Decimal_RoundTripsExactly(decimal amount)
    {
        var tenant = Tenant();
        var order = Order(tenant, "order-1", amount);
        await SaveAsync(tenant, order);

        await using var db = Database.CreateDbContext();
        var stored = await db.Orders.SingleAsync(o => o.Id == order.Id);

        Assert.That(stored.Total, Is.EqualTo(amount));
        Assert.That(await db.Orders.CountAsync(o => o.Total == amount), Is.EqualTo(1), "equality with a parameter");
    }

    [TestCase("12.34565", "12.3457")]
    [TestCase("-12.34565", "-12.3457")]
    [TestCase("0.00004", "0")]
    public async Task Decimal_WithMoreThanFourPlaces_IsRoundedHalfAwayFromZero(string written, string read)
    {
        var tenant = Tenant();
        var order = Order(tenant, "order-1", decimal.Parse(written, CultureInfo.InvariantCulture));
        await SaveAsync(tenant, order);

        await using var db = Database.CreateDbContext();
        var stored = await db.Orders.SingleAsync(o => o.Id == order.Id);

        Assert.That(stored.Total, Is.EqualTo(decimal.Parse(read, CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Sum_AddsExactly_InSql()
    {
        await SaveOrdersAsync(Amounts);
        await using var db = Database.CreateDbContext();

        var total = await db.Orders.SumAsync(o => o.Total);

        Assert.That(total, Is.EqualTo(Amounts.Sum()));
        Assert.That(total, Is.EqualTo(100000030.0856m));
    }

    [Test]
    public async Task Sum_GroupsExactly_InSql()
    {
        await SaveOrdersAsync(Amounts);
        await using var db = Database.CreateDbContext();
        var query = db.Orders.GroupBy(o => o.Total > 0).Select(g => new { Positive = g.Key, Total = g.Sum(o => o.Total), Largest = g.Max(o => o.Total) });

        var groups = await query.ToDictionaryAsync(g => g.Positive);

        Assert.That(query.ToQueryString(), Does.Contain("SUM(").IgnoreCase.And.Contain("MAX(").IgnoreCase.And.Contain("GROUP BY"));
        Assert.That(groups[true].Total, Is.EqualTo(100000033.3357m));
        Assert.That(groups[true].Largest, Is.EqualTo(99999999.99m));
        Assert.That(groups[false].Total, Is.EqualTo(-3.2501m));
        Assert.That(groups[false].Largest, Is.EqualTo(0m));
    }

    [Test]
    public async Task Where_ComparesAmounts_InSql()
    {
        await SaveOrdersAsync(Amounts);
        await using var db = Database.CreateDbContext();
        var query = db.Orders.Where(o => o.Total > 10.5m).Select(o => o.Total);

        var above = await query.ToListAsync();

        Assert.That(query.ToQueryString(), Does.Contain("WHERE").IgnoreCase);
        Assert.That(above, Is.EquivalentTo(new[] { 12.3456m, 99999999.99m, 10.5001m }));
        Assert.That(await db.Orders.CountAsync(o => o.Total < 0m), Is.EqualTo(2));
        Assert.That(await db.Orders.CountAsync(o => o.Total >= -0.0001m && o.Total <= 10.5m), Is.EqualTo(3));
    }

    [Test]
    public async Task OrderBy_SortsAmountsNumerically_InSql()
    {
        await SaveOrdersAsync(Amounts);
        await using var db = Database.CreateDbContext();
        var query = db.Orders.OrderBy(o => o.Total).Select(o => o.Total);

        var sorted = await query.ToListAsync();
        var descending = await db.Orders.OrderByDescending(o => o.Total).Select(o => o.Total).Take(2).ToListAsync();

        Assert.That(query.ToQueryString(), Does.Contain("ORDER BY").IgnoreCase);
        Assert.That(sorted, Is.EqualTo(Amounts.Order()));
        Assert.That(descending, Is.EqualTo(new[] { 99999999.99m, 12.3456m }));
    }

    [Test]
    public async Task ExecuteUpdate_WritesAmountsExactly()
    {
        await SaveOrdersAsync(Amounts);
        await using var db = Database.CreateDbContext();

        await db.Orders.Where(o => o.Total > 10.5m).ExecuteUpdateAsync(s => s.SetProperty(o => o.RefundedAmount, o => o.Total - 0.0001m));

        var refunded = await db.Orders.Where(o => o.RefundedAmount != 0m).Select(o => o.RefundedAmount).ToListAsync();
        Assert.That(refunded, Is.EquivalentTo(new[] { 12.3455m, 99999999.9899m, 10.5m }));
    }

    [Test]
    public async Task MultiplyAndDivide_ComputeInMoneyOrAreRefused_NeverWrong()
    {
        // A share of an order (Total * percent / 100) must mean the same in SQL as in .NET. PostgreSQL computes it;
        // SQLite (money as scaled integers) refuses the query with a clear error rather than answer wrongly.
        await SaveOrdersAsync([10.5m, 1.25m, 0.0001m]);
        await using var db = Database.CreateDbContext();
        var percent = 10m;
        var queries = new Func<Task<object>>[]
        {
            async () => await db.Orders.OrderBy(o => o.Total).Select(o => o.Total / 2).ToListAsync(),
            async () => await db.Orders.SumAsync(o => o.Total * 2),
            async () => await db.Orders.OrderBy(o => o.Total).Select(o => o.Total * percent / 100m).ToListAsync(),
            async () => await db.Orders.CountAsync(o => o.Total * 2 > 2.5m),
        };
        var expected = new object[]
        {
            new List<decimal> { 0.00005m, 0.625m, 5.25m },
            23.5002m,
            new List<decimal> { 0.00001m, 0.125m, 1.05m },
            1,
        };

        for (var i = 0; i < queries.Length; i++)
        {
            if (Provider == StorageProvider.Sqlite)
            {
                Assert.That(async () => await queries[i](), Throws.TypeOf<NotSupportedException>().With.Message.Contains("in .NET"), $"query {i}");
            }
            else
            {
                Assert.That(await queries[i](), Is.EqualTo(expected[i]), $"query {i}");
            }
        }
    }

    [Test]
    public async Task AddSubtractAndCapturedValues_StayAllowed_OnEveryProvider()
    {
        await SaveOrdersAsync([10.5m, 1.25m]);
        await using var db = Database.CreateDbContext();
        var factor = 2m;
        var threshold = 5m * factor;

        var above = await db.Orders.CountAsync(o => o.Total + 1m > threshold);
        var net = await db.Orders.SumAsync(o => o.Total - o.RefundedAmount);

        Assert.That((above, net), Is.EqualTo((1, 11.75m)));
    }

    private async Task SaveOrdersAsync(IEnumerable<decimal> amounts)
    {
        var tenant = Tenant();
        await SaveAsync([tenant, .. amounts.Select((amount, i) => Order(tenant, $"order-{i}", amount))]);
    }
}
