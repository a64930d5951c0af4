using Microsoft.EntityFrameworkCore;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using static Referrals.Core.Tests.Persistence.StorageSamples;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// Times arrive with the shop's offset. Every provider must keep the instant, hand it back in UTC, and compare and sort
/// by instant, not by the local clock reading.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class DateTimeOffsetStorageTests(StorageProvider provider) : DatabaseTests(provider)
{
    // Sorted by instant: 05:00Z, 08:00Z, 10:00Z. Sorted by clock reading the order is reversed.
    private static readonly DateTimeOffset Earliest = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(5));
    private static readonly DateTimeOffset Middle = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2026, 3, 1, 7, 0, 0, TimeSpan.FromHours(-3));

    private static IEnumerable<DateTimeOffset> Instants() =>
    [
        Earliest,
        Latest,
        new DateTimeOffset(2026, 11, 23, 23, 59, 59, 999, TimeSpan.FromHours(-9.5)),
        new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(14)),
    ];

    [TestCaseSource(nameof(Instants))]
    public async Task DateTimeOffset_WithAnOffset_RoundTripsAsTheSameInstantInUtc(DateTimeOffset placedAt)
    {
        var tenant = Tenant();
        var order = Order(tenant, "order-1");
        order.PlacedAt = placedAt;
        await SaveAsync(tenant, order);

        await using var db = Database.CreateDbContext();
        var stored = await db.Orders.SingleAsync(o => o.Id == order.Id);

        Assert.That(stored.PlacedAt!.Value.UtcTicks, Is.EqualTo(placedAt.UtcTicks));
        Assert.That(stored.PlacedAt.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(await db.Orders.CountAsync(o => o.PlacedAt == placedAt), Is.EqualTo(1), "equality with a parameter in another offset");
    }

    [Test]
    public async Task OrderBy_SortsByInstant_NotByClockReading()
    {
        await SaveOrdersPlacedAtAsync(Latest, Earliest, Middle);
        await using var db = Database.CreateDbContext();
        var query = db.Orders.OrderBy(o => o.PlacedAt).Select(o => o.ExternalId);

        var ascending = await query.ToListAsync();
        var descending = await db.Orders.OrderByDescending(o => o.PlacedAt).Select(o => o.ExternalId).ToListAsync();

        Assert.That(query.ToQueryString(), Does.Contain("ORDER BY").IgnoreCase);
        Assert.That(ascending, Is.EqualTo(new[] { "earliest", "middle", "latest" }));
        Assert.That(descending, Is.EqualTo(new[] { "latest", "middle", "earliest" }));
    }

    [Test]
    public async Task Where_ComparesInstants_WhenTheParameterHasAnotherOffset()
    {
        await SaveOrdersPlacedAtAsync(Latest, Earliest, Middle);
        await using var db = Database.CreateDbContext();
        var sixUtcInNewYork = new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.FromHours(-5));
        var query = db.Orders.Where(o => o.PlacedAt > sixUtcInNewYork).Select(o => o.ExternalId);

        var after = await query.ToListAsync();
        var between = await db.Orders.Where(o => o.PlacedAt >= Earliest && o.PlacedAt < Latest).Select(o => o.ExternalId).ToListAsync();

        Assert.That(query.ToQueryString(), Does.Contain("WHERE").IgnoreCase);
        Assert.That(after, Is.EquivalentTo(new[] { "middle", "latest" }));
        Assert.That(between, Is.EquivalentTo(new[] { "earliest", "middle" }));
    }

    [Test]
    public async Task MinAndMax_ReturnTheEarliestAndLatestInstant()
    {
        await SaveOrdersPlacedAtAsync(Latest, Earliest, Middle);
        await using var db = Database.CreateDbContext();

        var first = await db.Orders.MinAsync(o => o.PlacedAt);
        var last = await db.Orders.MaxAsync(o => o.PlacedAt);

        Assert.That(first!.Value.UtcTicks, Is.EqualTo(Earliest.UtcTicks));
        Assert.That(last!.Value.UtcTicks, Is.EqualTo(Latest.UtcTicks));
    }

    [Test]
    public async Task ExecuteUpdate_StoresTheInstant_WhenTheValueHasAnOffset()
    {
        await SaveOrdersPlacedAtAsync(Earliest);
        await using var db = Database.CreateDbContext();

        await db.Orders.ExecuteUpdateAsync(s => s.SetProperty(o => o.CancelledAt, Latest));

        var cancelledAt = await db.Orders.Select(o => o.CancelledAt).SingleAsync();
        Assert.That(cancelledAt!.Value.UtcTicks, Is.EqualTo(Latest.UtcTicks));
        Assert.That(await db.Orders.CountAsync(o => o.CancelledAt > o.PlacedAt), Is.EqualTo(1), "column against column");
    }

    private async Task SaveOrdersPlacedAtAsync(params DateTimeOffset[] instants)
    {
        var tenant = Tenant();
        var orders = instants.Select(at =>
        {
            var name = at == Earliest ? "earliest" : at == Middle ? "middle" : "latest";
            return new Order(tenant.Id, name, "EUR", Now) { PlacedAt = at };
        });
        await SaveAsync([tenant, .. orders]);
    }
}
