using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>The inbox on SQLite only: its writer leaves WAL checkpoints to a background checkpointer.</summary>
[TestFixture]
public sealed class InboxStoreSqliteTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private InboxStore _store = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        _store = new InboxStore(_database.Factory, NullLogger<InboxStore>.Instance);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task TryAdd_CopiesTheWalIntoTheDatabaseFile_InTheBackground_WhenManyDeliveriesArrive()
    {
        var file = new SqliteConnectionStringBuilder(_database.Storage.ConnectionString).DataSource;
        var before = new FileInfo(file).Length;
        var payload = new byte[2048];
        const int Rows = 500;

        await AddAsync(0, Rows, payload);
        // A commit after the checkpointer's interval starts a checkpoint, which copies everything committed before it.
        await Task.Delay(SqliteWalCheckpointer.Interval * 2);
        await AddAsync(Rows, 1, payload);
        await _store.DisposeAsync();

        // No connection checkpoints itself below the safety net, so only the background checkpoint can have grown the file.
        Assert.That(new FileInfo(file).Length - before, Is.GreaterThan(Rows * payload.Length), "the first burst was checkpointed");
    }

    private Task AddAsync(int first, int count, byte[] payload) =>
        Task.WhenAll(Enumerable.Range(first, count).Select(i =>
            _store.TryAddAsync(new InboxMessage("test", $"d-{i}", null, "orders/paid", "acme.myshopify.com", payload, Now))));
}
