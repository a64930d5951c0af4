using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// A queue's claim must cost one batch however long the backlog: its read walks the pending-rows index in id order and
/// stops, with no sort and no table row read per pending message. Checked on the database's own plan for the claim's
/// statement, over a table holding processed, dead-lettered and pending rows.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class PendingQueueIndexTests
{
    private const int Rows = 4_000;

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    private readonly StorageProvider _provider;
    private TestDatabase _database = null!;

    public PendingQueueIndexTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp() => _database = await TestDatabase.CreateAsync(_provider);

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    [Test]
    public async Task InboxClaim_ReadsThePendingIndexInDueOrder_WithoutSortingTheBacklog()
    {
        await SeedAsync(i => new InboxMessage("shopify", $"d-{i}", $"e-{i}", "orders/paid", "shop.example", new byte[600], Now.AddSeconds(i - Rows)));

        var plan = await PlanAsync(db => MessageQueue<InboxMessage>.DueIds(db.Inbox, Now, 200));

        Assert.That(plan, Does.Contain("IX_InboxMessages_Pending"), "the claim reads the pending rows' index");
        AssertNoSort(plan);
    }

    [Test]
    public async Task OutboxClaim_ReadsThePendingIndexInDueOrder_WithoutSortingTheBacklog()
    {
        var tenant = Guid.CreateVersion7();
        await SeedAsync(i => new OutboxMessage(tenant, "email", $"key-{i}", "{}", Now.AddSeconds(i - Rows)));

        var plan = await PlanAsync(db => MessageQueue<OutboxMessage>.DueIds(db.Outbox, Now, 200));

        Assert.That(plan, Does.Contain("IX_OutboxMessages_Pending"), "the claim reads the pending rows' index");
        AssertNoSort(plan);
    }

    private void AssertNoSort(string plan)
    {
        if (_provider == StorageProvider.Sqlite)
        {
            Assert.That(plan, Does.Not.Contain("TEMP B-TREE"), "no sort of every pending row");
            Assert.That(plan, Does.Not.Contain("SCAN i\n").And.Not.Contain("SCAN o\n"), "no scan of the table");
        }
        else
        {
            Assert.That(plan, Does.Not.Contain("Sort"), "no sort of every pending row");
            Assert.That(plan, Does.Not.Contain("Seq Scan"), "no scan of the table");
        }
    }

    // A queue after a busy day, in arrival order: the older rows processed (one in ten of them dead-lettered), the
    // newest quarter pending. That the pending rows are the newest is what a plan walking the primary key gets wrong.
    private async Task SeedAsync<T>(Func<int, T> create)
        where T : class, IQueuedMessage
    {
        await using var db = _database.Factory.CreateDbContext();
        for (var i = 0; i < Rows; i++)
        {
            var row = create(i);
            if (i < Rows * 3 / 4 && i % 10 == 0)
            {
                row.DeadLetteredAt = Now;
            }
            else if (i < Rows * 3 / 4)
            {
                row.ProcessedAt = Now;
            }

            db.Add(row);
        }

        await db.SaveChangesAsync();
        if (_provider == StorageProvider.PostgreSql)
        {
            // A live PostgreSQL has its statistics from autovacuum; a test table this young has none yet.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }

    private Task<string> PlanAsync(Func<ReferralsDbContext, IQueryable<long>> claim) => QueryPlan.OfAsync(_database, claim);
}
