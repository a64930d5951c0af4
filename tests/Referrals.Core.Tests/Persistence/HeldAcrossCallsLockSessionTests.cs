using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// PostgreSQL releases the lock with its holder's session: a bridge killed while it holds one (or a server restart)
/// does not leave a customer locked out, and the holder's release of a lock its dead connection lost does not throw.
/// </summary>
public sealed class HeldAcrossCallsLockSessionTests
{
    // The lock's advisory namespace ("RFHC"); tests of other databases on the same server hold locks of their own.
    private const long HeldLockClass = 0x52464843;

    [Test]
    public async Task ALockDiesWithItsHoldersConnection()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        var holder = await HeldAcrossCallsLock.AcquireAsync(database.Factory, "customer/1", CancellationToken.None);
        await using (var db = database.CreateDbContext())
        {
            // What a SIGKILL does to the holder's connection, seen from the server.
            var ended = await db.Database.SqlQuery<bool>($"""
                SELECT pg_terminate_backend(pid) AS "Value" FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid = {HeldLockClass}
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """).ToListAsync();
            Assert.That(ended, Is.EqualTo(new[] { true }), "exactly one session held an advisory lock");
        }

        await using var next = await HeldAcrossCallsLock.AcquireAsync(new ReferralsDbContextFactory(database.Storage), "customer/1", CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(async () => await holder.DisposeAsync(), Throws.Nothing, "releasing a lock the server already dropped is not an error");
    }
}
