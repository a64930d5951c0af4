using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// The inbox's group commit: concurrent deliveries share one transaction, each caller learns its own outcome, a failed
/// commit fails every caller of its batch and stores none of it. To put deliveries into one batch on purpose, a test
/// holds the inbox's write lock from another connection while the writer is busy with a first delivery.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class InboxStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    private readonly StorageProvider _provider;
    private TestDatabase _database = null!;
    private InboxStore _store = null!;

    public InboxStoreTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _database = await TestDatabase.CreateAsync(_provider);
        _store = new InboxStore(_database.Factory, NullLogger<InboxStore>.Instance);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task TryAdd_StoresEveryDeliveryOnce_WhenConcurrentCallersRepeatThem()
    {
        var keys = Enumerable.Range(0, 40).Select(i => $"d-{i}").ToArray();
        var calls = keys.SelectMany(k => Enumerable.Repeat(k, 4)).Select(k => (Key: k, Task: Task.Run(() => _store.TryAddAsync(Message(k))))).ToList();
        await Task.WhenAll(calls.Select(c => c.Task));

        Assert.That(calls.GroupBy(c => c.Key).Select(g => g.Count(c => c.Task.Result)), Is.All.EqualTo(1), "exactly one caller per key is told 'stored'");
        Assert.That(await StoredIdsAsync(), Is.EquivalentTo(keys));
    }

    [Test]
    public async Task TryAdd_GivesEachCallerItsOwnOutcome_WhenOneBatchHoldsRepeatsOfItselfAndOfAnEarlierBatch()
    {
        Task<bool> first;
        Task<bool>[] second;
        await using (await InboxWriteLock.TakeAsync(_database))
        {
            first = _store.TryAddAsync(Message("a"));
            await WaitUntilTakenAsync();
            second = [_store.TryAddAsync(Message("b")), _store.TryAddAsync(Message("b")), _store.TryAddAsync(Message("c")), _store.TryAddAsync(Message("a"))];
            Assert.That(_store.PendingCount, Is.EqualTo(4), "the second batch waits behind the first");
        }

        Assert.That(await first, Is.True);
        Assert.That(await Task.WhenAll(second), Is.EqualTo(new[] { true, false, true, false }));
        Assert.That(await StoredIdsAsync(), Is.EquivalentTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public async Task TryAdd_FailsEveryCallerOfTheBatch_AndStoresNoneOfIt_WhenItsCommitFails()
    {
        await InstallPoisonAsync("poison");
        Task<bool> first;
        Task<bool>[] batch;
        await using (await InboxWriteLock.TakeAsync(_database))
        {
            first = _store.TryAddAsync(Message("first"));
            await WaitUntilTakenAsync();
            batch = [_store.TryAddAsync(Message("x-1")), _store.TryAddAsync(Message("poison")), _store.TryAddAsync(Message("x-2"))];
        }

        Assert.That(await first, Is.True);
        foreach (var call in batch)
        {
            Assert.That(async () => await call, Throws.InstanceOf<DbException>());
        }

        Assert.That(await StoredIdsAsync(), Is.EquivalentTo(new[] { "first" }), "nothing of the failed batch is stored");
        Assert.That(await _store.TryAddAsync(Message("x-1")), Is.True, "a retried delivery is stored by the next batch");
    }

    [Test]
    public async Task TryAdd_ThrowsAndStoresNothing_WhenCancelledBeforeTheWriterTakesIt()
    {
        using var cancel = new CancellationTokenSource();
        Task<bool> first;
        Task<bool> late;
        await using (await InboxWriteLock.TakeAsync(_database))
        {
            first = _store.TryAddAsync(Message("first"));
            await WaitUntilTakenAsync();
            late = _store.TryAddAsync(Message("late"), cancel.Token);
            await cancel.CancelAsync();
            Assert.That(async () => await late, Throws.InstanceOf<OperationCanceledException>(), "the caller is released at once");
        }

        Assert.That(await first, Is.True);
        Assert.That(await _store.TryAddAsync(Message("after")), Is.True);
        Assert.That(await StoredIdsAsync(), Is.EquivalentTo(new[] { "first", "after" }), "the cancelled delivery was not written");
    }

    [Test]
    public void TryAdd_ThrowsAndStoresNothing_WhenTheTokenIsAlreadyCancelled()
    {
        Assert.That(async () => await _store.TryAddAsync(Message("x"), new CancellationToken(canceled: true)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(async () => await StoredIdsAsync(), Is.Empty);
    }

    [Test]
    public async Task Dispose_WritesEveryQueuedDelivery_BeforeItReturns()
    {
        Task<bool>[] calls;
        Task disposed;
        await using (await InboxWriteLock.TakeAsync(_database))
        {
            calls = [_store.TryAddAsync(Message("a"))];
            await WaitUntilTakenAsync();
            calls = [.. calls, _store.TryAddAsync(Message("b")), _store.TryAddAsync(Message("c"))];
            disposed = _store.DisposeAsync().AsTask();
            Assert.That(async () => await _store.TryAddAsync(Message("d")), Throws.InstanceOf<ObjectDisposedException>());
        }

        await disposed;
        Assert.That(await StoredIdsAsync(), Is.EquivalentTo(new[] { "a", "b", "c" }), "written before DisposeAsync returned");
        // Each caller's own continuation runs on the thread pool after its outcome is set, so it may still be pending here.
        Assert.That(await Task.WhenAll(calls), Is.All.True);
    }

    private static InboxMessage Message(string deliveryId) =>
        new("test", deliveryId, null, "orders/paid", "acme.myshopify.com", [1, 2, 3], Now);

    private async Task<string[]> StoredIdsAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Inbox.Select(m => m.DeliveryId).ToArrayAsync();
    }

    // The writer has taken everything queued (and now waits for the lock the test holds).
    private async Task WaitUntilTakenAsync()
    {
        for (var i = 0; _store.PendingCount > 0; i++)
        {
            Assert.That(i, Is.LessThan(3000), "the writer never took the queued delivery");
            await Task.Delay(10);
        }
    }

    // A trigger that refuses one delivery id, so the batch holding it fails inside the database.
    private async Task InstallPoisonAsync(string deliveryId)
    {
        await using var db = _database.CreateDbContext();
        var sql = _provider == StorageProvider.Sqlite
            ? $"""CREATE TRIGGER inbox_poison BEFORE INSERT ON "InboxMessages" WHEN NEW."DeliveryId" = '{deliveryId}' BEGIN SELECT RAISE(ABORT, 'poisoned delivery (test)'); END;"""
            : $$"""
               CREATE FUNCTION inbox_poison() RETURNS trigger LANGUAGE plpgsql AS $f$
               BEGIN IF NEW."DeliveryId" = '{{deliveryId}}' THEN RAISE EXCEPTION 'poisoned delivery (test)'; END IF; RETURN NEW; END $f$;
               CREATE TRIGGER inbox_poison BEFORE INSERT ON "InboxMessages" FOR EACH ROW EXECUTE FUNCTION inbox_poison();
               """;
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Holds the inbox table's write lock from another connection until disposed.</summary>
    private sealed class InboxWriteLock : IAsyncDisposable
    {
        private readonly ReferralsDbContext _db;
        private readonly IDbContextTransaction _transaction;

        private InboxWriteLock(ReferralsDbContext db, IDbContextTransaction transaction)
        {
            _db = db;
            _transaction = transaction;
        }

        public static async Task<InboxWriteLock> TakeAsync(TestDatabase database)
        {
            var db = database.CreateDbContext();
            // SQLite: the transaction begins IMMEDIATE, taking the database's write lock. PostgreSQL: SHARE blocks inserts.
            var transaction = await db.Database.BeginTransactionAsync();
            if (database.Provider == StorageProvider.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "InboxMessages" IN SHARE MODE""");
            }

            return new InboxWriteLock(db, transaction);
        }

        public async ValueTask DisposeAsync()
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            await _db.DisposeAsync();
        }
    }
}
