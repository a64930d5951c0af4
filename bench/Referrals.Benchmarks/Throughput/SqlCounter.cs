using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Referrals.Benchmarks.Throughput;

/// <summary>
/// Counts what EF Core sends to the database, by listening to EF's <see cref="DiagnosticListener"/> events, so the
/// engine's contexts are measured exactly as they are configured (no interceptor added). Events are credited to
/// <see cref="Current"/>, an async-local tally: set it around one order and every command that order runs, on any
/// thread, lands in it.
/// </summary>
/// <remarks>
/// Only what goes through EF is seen. On SQLite the engine's connection interceptor runs one extra statement
/// (three PRAGMAs) directly on every connection it opens; count those from <see cref="SqlTally.ConnectionOpens"/>.
/// </remarks>
public sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<SqlTally?> _current = new();
    private static readonly HashSet<string> _events =
    [
        RelationalEventId.CommandExecuted.Name!,
        RelationalEventId.CommandError.Name!,
        RelationalEventId.TransactionStarted.Name!,
        RelationalEventId.TransactionCommitted.Name!,
        RelationalEventId.ConnectionOpened.Name!,
        CoreEventId.SaveChangesCompleted.Name!,
        CoreEventId.QueryCompilationStarting.Name!,
    ];

    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _allListeners;

    private SqlCounter()
    {
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The tally this async flow's database work is credited to; null counts nothing.</summary>
    public static SqlTally? Current
    {
        get => _current.Value;
        set => _current.Value = value;
    }

    /// <summary>Starts listening. Call before the first context is created.</summary>
    public static SqlCounter Start() => new();

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => _events.Contains(name)));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        var tally = _current.Value;
        if (tally is null)
        {
            return;
        }

        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                tally.Command(executed.Command.CommandText, executed.Duration);
                break;
            case CommandErrorEventData:
                tally.CommandFailed();
                break;
            case TransactionEndEventData ended when value.Key == RelationalEventId.TransactionCommitted.Name:
                tally.Committed(ended.Duration);
                break;
            case TransactionEventData when value.Key == RelationalEventId.TransactionStarted.Name:
                tally.TransactionStarted();
                break;
            case ConnectionEndEventData when value.Key == RelationalEventId.ConnectionOpened.Name:
                tally.ConnectionOpened();
                break;
            case QueryExpressionEventData compiling when value.Key == CoreEventId.QueryCompilationStarting.Name:
                tally.QueryCompiled(compiling.Expression.ToString());
                break;
            case DbContextEventData when value.Key == CoreEventId.SaveChangesCompleted.Name:
                tally.Saved();
                break;
            default:
                break;
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
