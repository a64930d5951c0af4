using Microsoft.Data.Sqlite;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// On SQLite, what the engine's contexts commit reaches the database file through the background checkpointer; no
/// committing connection copies the WAL itself below the safety net.
/// </summary>
public sealed class SqliteWalCheckpointerTests
{
    [Test]
    public async Task ContextCommits_AreCopiedIntoTheDatabaseFile_InTheBackground()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var file = new SqliteConnectionStringBuilder(database.Storage.ConnectionString).DataSource;
        var tenant = StorageSamples.Tenant();
        await using (var db = database.CreateDbContext())
        {
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }

        // Wait out the checkpoint the first commit started; from here on the file grows only by later checkpoints.
        await database.Factory.WalCheckpointer!.WaitAsync();
        var before = new FileInfo(file).Length;
        await using (var db = database.CreateDbContext())
        {
            db.Orders.AddRange(Enumerable.Range(0, 2000).Select(i => StorageSamples.Order(tenant, $"order-{i}")));
            await db.SaveChangesAsync();
        }

        await Task.Delay(SqliteWalCheckpointer.Interval * 2);
        await using (var db = database.CreateDbContext())
        {
            db.Orders.Add(StorageSamples.Order(tenant, "one-more"));
            await db.SaveChangesAsync();
        }

        await database.Factory.WalCheckpointer.WaitAsync();
        Assert.That(new FileInfo(file).Length, Is.GreaterThan(before), "the 2,000 orders were copied into the file by a background checkpoint");
    }
}
