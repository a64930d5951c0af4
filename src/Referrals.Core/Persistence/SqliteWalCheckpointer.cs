using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Referrals.Core.Persistence;

/// <summary>
/// Moves SQLite's WAL checkpoints off the inbox writer's path. By default the connection whose commit takes the WAL past
/// 1,000 pages copies them into the database file and syncs it before that commit returns, so every few hundred
/// deliveries one group commit (and every request in it) waited for a checkpoint. The inbox writer's connection turns
/// that off and calls <see cref="Committed"/>; every <see cref="RowsPerCheckpoint"/> rows this runs a <c>PASSIVE</c>
/// checkpoint on its own connection in the background, which neither blocks nor waits for the writer.
/// </summary>
/// <remarks>
/// Other connections keep the automatic checkpoint, so the WAL stays bounded even if these fail (a failure is logged).
/// Not thread-safe for callers: the inbox writer's single loop is the only caller of <see cref="Committed"/>.
/// </remarks>
internal sealed class SqliteWalCheckpointer : IAsyncDisposable
{
    /// <summary>Rows written by the inbox between two checkpoints (a 2 KB delivery is about a page, plus its index entries).</summary>
    public const int RowsPerCheckpoint = 500;

    /// <summary>Turns the automatic checkpoint off on the connection it runs on (that connection's setting only).</summary>
    public const string AutomaticOff = "PRAGMA wal_autocheckpoint=0;";

    /// <summary>Restores SQLite's default on a connection going back to the pool.</summary>
    public const string AutomaticDefault = "PRAGMA wal_autocheckpoint=1000;";

    private readonly ReferralsDbContextFactory _factory;
    private readonly ILogger _logger;
    private long _rowsSince;
    private Task _running = Task.CompletedTask;

    public SqliteWalCheckpointer(ReferralsDbContextFactory factory, ILogger logger)
    {
        _factory = factory;
        _logger = logger;
    }

    /// <summary>The writer committed <paramref name="rows"/> rows; starts a background checkpoint when enough have gathered and none is running.</summary>
    public void Committed(int rows)
    {
        _rowsSince += rows;
        if (_rowsSince < RowsPerCheckpoint || !_running.IsCompleted)
        {
            return;
        }

        _rowsSince = 0;
        _running = Task.Run(CheckpointAsync);
    }

    /// <summary>Waits for a running checkpoint to end.</summary>
    public ValueTask DisposeAsync() => new(_running);

    // Never throws: a checkpoint that fails is retried after the next RowsPerCheckpoint rows.
    private async Task CheckpointAsync()
    {
        try
        {
            await using var db = _factory.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);");
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A background WAL checkpoint of the inbox failed; the next one, or another connection's automatic checkpoint, will do it");
        }
    }
}
