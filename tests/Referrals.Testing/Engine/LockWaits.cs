using Microsoft.EntityFrameworkCore;
using NUnit.Framework;
using Referrals.Core.Persistence;

namespace Referrals.Testing.Engine;

/// <summary>
/// For race tests that hold one transaction open while other work runs beside it: tells when that work has either
/// finished or is waiting for a lock, so the held transaction can go on without a sleep or a timed guess.
/// </summary>
public static class LockWaits
{
    /// <summary>
    /// Returns once <paramref name="work"/> finished, or (on PostgreSQL) once the server lists a session of the test
    /// database waiting for a lock (a row lock or an advisory lock). On SQLite it returns at once: a held write
    /// transaction (BEGIN IMMEDIATE) keeps <paramref name="work"/> from writing until it commits, so whatever
    /// <paramref name="work"/> writes comes after it.
    /// </summary>
    /// <exception cref="AssertionException"><paramref name="work"/> neither finished nor waited within about a minute.</exception>
    public static async Task FinishedOrWaitingAsync(EngineHarness engine, Task work)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(work);
        if (engine.Database.Provider != StorageProvider.PostgreSql)
        {
            return;
        }

        for (var polls = 0; !work.IsCompleted; polls++)
        {
            if (polls > 6000)
            {
                Assert.Fail("the work run beside the held transaction neither finished nor waited for it within a minute");
            }

            if (await engine.RunAsync((db, _) => db.Database.SqlQuery<bool>(
                $"SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock') AS \"Value\"").SingleAsync()))
            {
                return;
            }

            await Task.Delay(10);
        }
    }
}
