using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// A rebuild of the rollups is a long job: each statement reads a whole table of the shop, and its lock waits for the
/// writers in flight. It must not fail at the command timeout meant for the engine's short statements (at 1 M referrals
/// on PostgreSQL it took 72 s, over the default 30 s), and the caller's context keeps its own timeout afterwards.
/// </summary>
public sealed class AnalyticsRollupsRebuildTimeoutTests
{
    [Test]
    public async Task Rebuild_OutlastsTheContextsCommandTimeout_WhileAWriterHoldsTheRollups_AndRestoresIt()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        await using var writer = new NpgsqlConnection(database.Storage.ConnectionString);
        await writer.OpenAsync();
        await using var writersTransaction = await writer.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("""LOCK TABLE "AnalyticsHours" IN ACCESS EXCLUSIVE MODE""", writer, writersTransaction))
        {
            await hold.ExecuteNonQueryAsync();
        }

        await using var db = database.CreateDbContext();
        db.Database.SetCommandTimeout(1);
        var rebuild = new AnalyticsRollups().RebuildAsync(db, Guid.NewGuid(), CancellationToken.None);

        // The rebuild is waiting for the lock; the writer keeps it for twice the context's one-second timeout.
        await WaitUntilALockIsAwaitedAsync(database);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await writersTransaction.CommitAsync();

        Assert.That(async () => await rebuild.WaitAsync(TimeSpan.FromSeconds(30)), Throws.Nothing);
        Assert.That(db.Database.GetCommandTimeout(), Is.EqualTo(1), "the caller's timeout is back");
    }

    private static async Task WaitUntilALockIsAwaitedAsync(TestDatabase database)
    {
        await using var observer = new NpgsqlConnection(database.Storage.ConnectionString);
        await observer.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            """SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = '"AnalyticsHours"'::regclass""", observer);
        var waited = Stopwatch.StartNew();
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the rebuild never asked for the rollups' lock");
            await Task.Delay(20);
        }
    }
}
