namespace Referrals.Core.Persistence;

/// <summary>
/// Turns, first come first served, at SQLite's one write lock for the engine's two busy writers of a database file: the
/// webhook ingest's batches and the inbox drain's groups. Left to SQLite, a writer that finds the file locked sleeps and
/// tries again (1, 2, 5 … 100 ms), and the drain, which begins its next group the moment it commits, wins almost every
/// time: deliveries arriving during a drain waited 1.7 s at the median, up to 2.7 s (docs/performance.md). Here a writer
/// waits for its turn in line instead; and a drain group holding the turn while someone waits ends early
/// (<see cref="OthersWaiting"/>), so a delivery waits for a part of one group at most.
/// </summary>
/// <remarks>
/// One per database file and process (one process per SQLite file, README). Other writers (claims, the web pages) are
/// short and rare and still rely on SQLite's own wait. Thread-safe.
/// </remarks>
internal sealed class SqliteWriteTurns
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;

    /// <summary>Whether a writer is waiting for the turn now held.</summary>
    public bool OthersWaiting => Waiting > 0;

    /// <summary>How many writers wait for a turn now.</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for the turn; disposing the result hands it to the next in line.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            // SemaphoreSlim hands a released count to its oldest waiter, so the turns go in arrival order.
            await _turn.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Turn(_turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
