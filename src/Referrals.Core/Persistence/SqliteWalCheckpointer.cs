using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Referrals.Core.Persistence;

/// <summary>
/// Moves SQLite's WAL checkpoints off the writers' path, for one database file. By default the connection whose commit
/// takes the WAL past 1,000 pages copies them into the database file and syncs it before that commit returns, so every
/// so often one drain group or one batch of deliveries waited for a checkpoint and its sync. Every connection of the
/// file instead raises the automatic threshold to <see cref="SafetyNetPages"/> (<see cref="ConnectionPragma"/>) and
/// reports its commits here (<see cref="Watch"/>); at most every <see cref="Interval"/> a commit starts a
/// <c>PASSIVE</c> checkpoint on a connection of its own in the background, which neither blocks nor waits for writers.
/// </summary>
/// <remarks>
/// Should background checkpoints fail or fall behind, the automatic one still bounds the WAL at
/// <see cref="SafetyNetPages"/> pages (about 40 MB). Thread-safe.
/// </remarks>
internal sealed class SqliteWalCheckpointer
{
    /// <summary>The WAL size, in pages, at which a committing connection still checkpoints itself.</summary>
    public const int SafetyNetPages = 10_000;

    /// <summary>Sets every connection's automatic threshold to the safety net.</summary>
    public const string ConnectionPragma = "PRAGMA wal_autocheckpoint=10000;";

    /// <summary>The least time between the starts of two background checkpoints.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly string _connectionString;
    private readonly delegate_commit _onCommit;
    private readonly Lock _gate = new();
    private long _lastStart = long.MinValue;
    private Task _running = Task.CompletedTask;

    /// <summary>Checkpoints the file of <paramref name="connectionString"/>.</summary>
    public SqliteWalCheckpointer(string connectionString)
    {
        // Unpooled: a checkpoint never waits for a connection the writers hold, nor they for its. Never creating the file:
        // a checkpoint that comes after the file was deleted fails instead of leaving an empty database behind.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString();
        _onCommit = _ =>
        {
            Committed();
            return 0;
        };
    }

    /// <summary>Has <paramref name="connection"/> (just opened) report its commits, autocommitted statements included.</summary>
    public void Watch(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        raw.sqlite3_commit_hook(connection.Handle, _onCommit, null);
    }

    /// <summary>A transaction is committing: starts a background checkpoint unless one is running or started within <see cref="Interval"/>.</summary>
    public void Committed()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (!_running.IsCompleted || (_lastStart != long.MinValue && Stopwatch.GetElapsedTime(_lastStart, now) < Interval))
            {
                return;
            }

            _lastStart = now;
            _running = Task.Run(CheckpointAsync);
        }
    }

    /// <summary>Waits for a running checkpoint to end.</summary>
    public Task WaitAsync()
    {
        lock (_gate)
        {
            return _running;
        }
    }

    // Never throws: a checkpoint that fails is tried again on a later commit, and the safety net bounds the WAL meanwhile.
    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException)
        {
            // Nothing lost: the WAL keeps every commit until some checkpoint copies it.
        }
    }
}
