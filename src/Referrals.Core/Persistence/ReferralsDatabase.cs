using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Referrals.Core.Persistence;

/// <summary>Prepares the database: creates it, applies the provider's migrations, and switches SQLite to WAL.</summary>
public static class ReferralsDatabase
{
    // How long one migration command may run.
    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Applies pending migrations (skipped, after one query of the history table, when there are none). Safe to call on every start.</summary>
    /// <exception cref="InvalidOperationException">The database cannot be reached; the message says which one.</exception>
    public static async Task MigrateAsync(ReferralsDbContextFactory factory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (factory.Storage.Provider == StorageProvider.Sqlite)
        {
            EnsureSqliteDirectory(factory.Storage.ConnectionString);
        }

        await using var db = factory.CreateDbContext();
        try
        {
            // Most starts find nothing to apply: asking first skips Migrate's lock and its model-versus-snapshot check.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                // A migration that fills a new column of every row (a backfill) takes minutes on a shop with millions of
                // referrals, far over the 30 s default a command may take.
                db.Database.SetCommandTimeout(MigrationCommandTimeout);
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (db.Provider == StorageProvider.Sqlite)
            {
                // WAL lets readers run while one writer commits; the setting sticks to the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                // Without statistics SQLite's planner picks poor indexes for the referral lookups; optimize gathers them cheaply.
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"Could not prepare the {factory.Storage.Provider} database. Check Referrals:Storage:ConnectionString. {ex.Message}", ex);
        }
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
