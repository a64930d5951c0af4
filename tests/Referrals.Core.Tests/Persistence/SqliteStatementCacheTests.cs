using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using SQLitePCL;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// A context's SQLite connection keeps each statement it ran compiled, one per text, until the context goes; executions
/// sharing a kept statement get their own parameters and transaction, and a text run again while its reader is open
/// gets a statement of its own.
/// </summary>
public sealed class SqliteStatementCacheTests
{
    private TestDatabase _database = null!;
    private Guid _tenantId;

    [SetUp]
    public async Task SetUp()
    {
        _database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = _database.CreateDbContext();
        var tenant = StorageSamples.Tenant();
        db.Tenants.Add(tenant);
        db.Orders.AddRange(StorageSamples.Order(tenant, "1001", 10m), StorageSamples.Order(tenant, "1002", 20m), StorageSamples.Order(tenant, "1003", 30m));
        await db.SaveChangesAsync();
        _tenantId = tenant.Id;
    }

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    [Test]
    public async Task AQueryRunThreeTimesInOneTransaction_IsCompiledOnce_AndEachRunGetsItsOwnParameters()
    {
        await using var db = await OpenWithStatementsListedAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var totals = new List<decimal>();
        foreach (var id in new[] { "1001", "1002", "1003" })
        {
            totals.Add(await db.Orders.AsNoTracking().Where(o => o.TenantId == _tenantId && o.ExternalId == id).Select(o => o.Total).SingleAsync());
        }

        Assert.That(totals, Is.EqualTo(new[] { 10m, 20m, 30m }));
        var kept = KeptStatements(db).Where(sql => sql.Contains("\"ExternalId\"", StringComparison.Ordinal)).ToList();
        Assert.That(kept, Has.Count.EqualTo(1), "one compiled statement for the three runs, kept after the last");
    }

    [Test]
    public async Task TheSameQueryRunWhileItsReaderIsOpen_GetsAStatementOfItsOwn()
    {
        await using var db = _database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outer = new List<string>();
        var innerCounts = new List<int>();

        await foreach (var order in AllOrders(db).AsAsyncEnumerable())
        {
            outer.Add(order.ExternalId);
            var inner = 0;
            await foreach (var _ in AllOrders(db).AsAsyncEnumerable())
            {
                inner++;
            }

            innerCounts.Add(inner);
        }

        Assert.That(outer, Is.EqualTo(new[] { "1001", "1002", "1003" }), "the outer reader was not disturbed by the inner runs");
        Assert.That(innerCounts, Is.EqualTo(new[] { 3, 3, 3 }));
    }

    [Test]
    public async Task AKeptStatement_RunsInTheNextTransaction_AndAfterTheConnectionClosedAndOpenedAgain()
    {
        await using var db = _database.CreateDbContext();
        await using (var first = await db.Database.BeginTransactionAsync())
        {
            await db.Orders.Where(o => o.ExternalId == "1001").ExecuteUpdateAsync(s => s.SetProperty(o => o.Total, 11m));
            await first.RollbackAsync();
        }

        await using (var second = await db.Database.BeginTransactionAsync())
        {
            await db.Orders.Where(o => o.ExternalId == "1001").ExecuteUpdateAsync(s => s.SetProperty(o => o.Total, 12m));
            await second.CommitAsync();
        }

        // Outside a transaction EF Core closes the connection after each statement, which finalizes kept statements.
        await db.Orders.Where(o => o.ExternalId == "1002").ExecuteUpdateAsync(s => s.SetProperty(o => o.Total, 21m));
        await db.Orders.Where(o => o.ExternalId == "1003").ExecuteUpdateAsync(s => s.SetProperty(o => o.Total, 31m));

        await using var check = _database.CreateDbContext();
        var totals = await check.Orders.OrderBy(o => o.ExternalId).Select(o => o.Total).ToListAsync();
        Assert.That(totals, Is.EqualTo(new[] { 12m, 21m, 31m }), "the rolled-back update is gone, the others stand");
    }

    [Test]
    public async Task DisposingTheContext_FinalizesItsKeptStatements()
    {
        sqlite3 handle;
        await using (var db = await OpenWithStatementsListedAsync())
        {
            await db.Orders.AsNoTracking().Where(o => o.ExternalId == "1001").ToListAsync();
            await db.Orders.AsNoTracking().Where(o => o.ExternalId == "1002").ToListAsync();
            Assert.That(KeptStatements(db), Is.Not.Empty, "statements are kept while the context lives");
            handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        }

        // The native connection went back to the pool, open: a statement left on it would live as long as the pool.
        Assert.That(Statements(handle), Is.Empty);
    }

    // SQLitePCL lists a connection's statements only when asked to before any is compiled.
    private async Task<ReferralsDbContext> OpenWithStatementsListedAsync()
    {
        var db = _database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        ((SqliteConnection)db.Database.GetDbConnection()).Handle!.enable_sqlite3_next_stmt(true);
        return db;
    }

    private IQueryable<Orders.Order> AllOrders(ReferralsDbContext db) =>
        db.Orders.AsNoTracking().Where(o => o.TenantId == _tenantId).OrderBy(o => o.ExternalId);

    private static List<string> KeptStatements(ReferralsDbContext db) => Statements(((SqliteConnection)db.Database.GetDbConnection()).Handle!);

    // Every statement compiled and not yet finalized on the native connection, by its SQL text.
    private static List<string> Statements(sqlite3 handle)
    {
        var texts = new List<string>();
        for (var statement = raw.sqlite3_next_stmt(handle, null); statement is not null; statement = raw.sqlite3_next_stmt(handle, statement))
        {
            texts.Add(raw.sqlite3_sql(statement).utf8_to_string());
        }

        return texts;
    }
}
