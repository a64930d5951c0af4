using System.Text.RegularExpressions;

namespace Referrals.Benchmarks.Throughput;

/// <summary>
/// What the database was asked to do for one order (or, in the inbox path, for a whole drain): EF Core commands by
/// statement, transactions, <c>SaveChanges</c> calls and connection opens, with the time EF measured for each.
/// Thread-safe, because the inbox path shares one tally between its workers.
/// </summary>
public sealed partial class SqlTally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StatementStats> _statements = new(StringComparer.Ordinal);

    public int Commands { get; private set; }

    public TimeSpan CommandTime { get; private set; }

    public int Transactions { get; private set; }

    public int Commits { get; private set; }

    public TimeSpan CommitTime { get; private set; }

    public int SaveChanges { get; private set; }

    public int ConnectionOpens { get; private set; }

    public int Errors { get; private set; }

    /// <summary>LINQ queries EF had to translate because its query cache did not have them.</summary>
    public int QueryCompilations { get; private set; }

    /// <summary>The first query EF compiled in this tally, to name a cache miss.</summary>
    public string? FirstCompiledQuery { get; private set; }

    /// <summary>The statements executed, keyed by their SQL with whitespace collapsed.</summary>
    public IReadOnlyDictionary<string, StatementStats> Statements
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, StatementStats>(_statements, StringComparer.Ordinal);
            }
        }
    }

    public void Command(string sql, TimeSpan duration)
    {
        var key = Shape(sql);
        lock (_gate)
        {
            Commands++;
            CommandTime += duration;
            _statements[key] = _statements.TryGetValue(key, out var s) ? s.Plus(1, duration) : new StatementStats(1, duration);
        }
    }

    public void CommandFailed()
    {
        lock (_gate)
        {
            Errors++;
        }
    }

    public void QueryCompiled(string expression)
    {
        lock (_gate)
        {
            QueryCompilations++;
            FirstCompiledQuery ??= expression;
        }
    }

    public void TransactionStarted()
    {
        lock (_gate)
        {
            Transactions++;
        }
    }

    public void Committed(TimeSpan duration)
    {
        lock (_gate)
        {
            Commits++;
            CommitTime += duration;
        }
    }

    public void Saved()
    {
        lock (_gate)
        {
            SaveChanges++;
        }
    }

    public void ConnectionOpened()
    {
        lock (_gate)
        {
            ConnectionOpens++;
        }
    }

    /// <summary>Adds <paramref name="other"/>'s counts to this tally.</summary>
    public void Add(SqlTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var statements = other.Statements;
        lock (_gate)
        {
            Commands += other.Commands;
            CommandTime += other.CommandTime;
            Transactions += other.Transactions;
            Commits += other.Commits;
            CommitTime += other.CommitTime;
            SaveChanges += other.SaveChanges;
            ConnectionOpens += other.ConnectionOpens;
            Errors += other.Errors;
            QueryCompilations += other.QueryCompilations;
            FirstCompiledQuery ??= other.FirstCompiledQuery;
            foreach (var (sql, stats) in statements)
            {
                _statements[sql] = _statements.TryGetValue(sql, out var s) ? s.Plus(stats.Count, stats.Time) : stats;
            }
        }
    }

    // One line per statement; a batch of INSERTs keeps its statements in order, separated by "; ".
    private static string Shape(string sql) => Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>How often one statement ran and the time EF measured for it in total.</summary>
public readonly record struct StatementStats(long Count, TimeSpan Time)
{
    public StatementStats Plus(long count, TimeSpan time) => new(Count + count, Time + time);
}
