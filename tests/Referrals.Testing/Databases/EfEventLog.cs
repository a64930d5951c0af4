using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Referrals.Testing.Databases;

/// <summary>
/// Records the EF Core events (their <see cref="DiagnosticListener"/> names) that the async flow which started the log
/// raises until it is disposed, so a test can check what a piece of code asked of its database: how many transactions,
/// whether it set savepoints. Events of other flows, such as tests running alongside, are not recorded.
/// </summary>
public sealed class EfEventLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<EfEventLog?> _current = new();

    private readonly ConcurrentQueue<string> _names = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _allListeners;

    private EfEventLog()
    {
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Starts recording the events of the calling flow (and of the tasks it awaits).</summary>
    public static EfEventLog Start()
    {
        var log = new EfEventLog();
        _current.Value = log;
        return log;
    }

    /// <summary>How many times the event <paramref name="id"/> was raised.</summary>
    public int Count(EventId id) => _names.Count(n => n == id.Name);

    /// <inheritdoc />
    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (ReferenceEquals(_current.Value, this))
        {
            _names.Enqueue(value.Key);
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
