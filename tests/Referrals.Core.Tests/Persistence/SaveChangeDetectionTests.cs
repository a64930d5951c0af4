using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Referrals.Core.Contacts;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// A save compares only the entities read from the database with their snapshots, once, in the analytics rollup
/// tracker's pass, which serves the save too; added entities are inserted with the values they hold. What it must still
/// find: changes made to loaded entities, and values set on added ones after they were added.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class SaveChangeDetectionTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;

    public SaveChangeDetectionTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp() => _engine = await EngineHarness.CreateAsync(_provider);

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    [Test]
    public async Task Save_RunsNoFullChangeDetection_AndStoresEveryChange_WhenItMovesRollups()
    {
        var tenant = await _engine.CreateTenantAsync();
        var contact = await _engine.RunAsync(async (db, _) =>
        {
            var added = new Contact(tenant.Id, ContactKind.Client, "ann@example.com", "ann@example.com", _engine.Clock.GetUtcNow());
            db.Contacts.Add(added);
            await db.SaveChangesAsync();
            return added;
        });

        using var log = EfEventLog.Start();
        await _engine.RunAsync(async (db, _) =>
        {
            var loaded = await db.Contacts.SingleAsync(c => c.Id == contact.Id);
            loaded.FirstName = "Ann";
            var order = new Order(tenant.Id, "1001", "EUR", _engine.Clock.GetUtcNow()) { ContactId = loaded.Id, PaidAt = _engine.Clock.GetUtcNow() };
            db.Orders.Add(order);
            order.Total = 40m;
            await db.SaveChangesAsync();
        });

        Assert.That(log.Count(CoreEventId.DetectChangesStarting), Is.Zero, "no pass over every tracked entity (the save's own, or the tracker's)");
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That((await db.Contacts.SingleAsync(c => c.Id == contact.Id)).FirstName, Is.EqualTo("Ann"), "the change to the loaded contact is saved");
            Assert.That((await db.Orders.SingleAsync()).Total, Is.EqualTo(40m), "a value set on the added order after adding it is saved");
            Assert.That(await db.AnalyticsRevenueHours.SumAsync(h => h.Orders), Is.EqualTo(1), "the order moved the rollups");
        });
    }
}
