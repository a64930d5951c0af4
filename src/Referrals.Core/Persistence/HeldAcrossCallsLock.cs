using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Referrals.Core.Persistence;

/// <summary>
/// A named lock that every process sharing the database honours, held across work that must not hold a transaction
/// (a call to another system that can take seconds): a session-level advisory lock on PostgreSQL, a session-owned
/// <c>sp_getapplock</c> on SQL Server, and on SQLite (one process per database file) a lock in this process.
/// </summary>
/// <remarks>
/// The database locks belong to a connection of their own, opened for the lock and closed with it, so a process that
/// dies releases them with its connection; a database restart releases them too, which lets a waiter in early (the
/// work it guards must stay correct without the lock, only less exact). Names that hash alike only wait for each other.
/// Take it before any transaction: a holder that waited for a transaction's lock while that transaction waited for
/// this one would deadlock.
/// </remarks>
public sealed class HeldAcrossCallsLock : IAsyncDisposable
{
    // An application-chosen namespace for PostgreSQL's two-key advisory locks ("RFHC"), apart from the debt ("RFDB")
    // and previous-start ("RFPS") locks, which are transaction-scoped.
    private const int AdvisoryLockClass = 0x52464843;

    // SQLite: a fixed set of stripes, so the locks never grow with the number of names.
    private static readonly SemaphoreSlim[] InProcessStripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    private readonly ReferralsDbContext? _db;
    private readonly FormattableString? _release;
    private readonly SemaphoreSlim? _stripe;

    private HeldAcrossCallsLock(ReferralsDbContext? db, FormattableString? release, SemaphoreSlim? stripe)
    {
        _db = db;
        _release = release;
        _stripe = stripe;
    }

    /// <summary>Waits for the lock on <paramref name="name"/> and holds it until disposed.</summary>
    public static async Task<HeldAcrossCallsLock> AcquireAsync(ReferralsDbContextFactory databases, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentException.ThrowIfNullOrEmpty(name);
        // Stable across processes (string.GetHashCode is not), so two instances agree on the key.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        if (databases.Storage.Provider == StorageProvider.Sqlite)
        {
            var stripe = InProcessStripes[BitConverter.ToUInt32(hash, 0) % InProcessStripes.Length];
            await stripe.WaitAsync(cancellationToken);
            return new HeldAcrossCallsLock(null, null, stripe);
        }

        var db = databases.CreateDbContext();
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            FormattableString release;
            if (databases.Storage.Provider == StorageProvider.PostgreSql)
            {
                var key = BitConverter.ToInt32(hash, 0);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLockClass}, {key})", cancellationToken);
                release = $"SELECT pg_advisory_unlock({AdvisoryLockClass}, {key})";
            }
            else
            {
                var resource = "referrals-held-" + Convert.ToHexString(hash);
                await SqlServerAppLocks.AcquireAsync(db.Database, resource, SqlServerAppLockOwner.Session, cancellationToken);
                release = SqlServerAppLocks.Release(resource);
            }

            return new HeldAcrossCallsLock(db, release, null);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Releases the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stripe is not null)
        {
            _stripe.Release();
            return;
        }

        try
        {
            // Released explicitly: the connection goes back to the pool, and a pooled session would keep holding it.
            await _db!.Database.ExecuteSqlAsync(_release!, CancellationToken.None);
        }
        catch (DbException)
        {
            // The connection broke (a database restart): the server dropped the lock with the session. Closing it below
            // keeps the broken connection out of the pool.
        }
        finally
        {
            await _db!.DisposeAsync();
        }
    }
}
