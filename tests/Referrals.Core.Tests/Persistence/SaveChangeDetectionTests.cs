using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Referrals.Core.Contacts;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// A save compares the tracked entities with their snapshots once: the analytics rollup tracker's pass serves the save
/// too. What it must still find: changes made to loaded entities before the save.
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
    public async Task Save_DetectsChangesOnce_WhenItMovesRollups()
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
            db.Orders.Add(new Order(tenant.Id, "1001", "EUR", _engine.Clock.GetUtcNow()) { ContactId = loaded.Id, PaidAt = _engine.Clock.GetUtcNow(), Total = 40m });
            await db.SaveChangesAsync();
        });

        Assert.That(log.Count(CoreEventId.DetectChangesStarting), Is.EqualTo(1), "one comparison of the tracked entities per save");
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That((await db.Contacts.SingleAsync(c => c.Id == contact.Id)).FirstName, Is.EqualTo("Ann"), "the change to the loaded contact is saved");
            Assert.That(await db.AnalyticsRevenueHours.SumAsync(h => h.Orders), Is.EqualTo(1), "the order moved the rollups");
        });
    }
}
