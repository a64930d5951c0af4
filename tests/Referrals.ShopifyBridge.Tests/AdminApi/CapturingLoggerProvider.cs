using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

/// <summary>Keeps every log entry with its structured properties, so tests can read what the client decided.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>The retries the Admin API client logged, oldest first.</summary>
    public IReadOnlyList<LogEntry> Retries => [.. _entries.Where(e => e.Properties.ContainsKey("DelayMs"))];

    /// <summary>The waits for a shop's cost bucket the client logged, oldest first.</summary>
    public IReadOnlyList<LogEntry> BucketWaits => [.. _entries.Where(e => e.Properties.ContainsKey("WaitMs"))];

    internal sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties)
    {
        public long DelayMs => Convert.ToInt64(Properties["DelayMs"], System.Globalization.CultureInfo.InvariantCulture);

        public string Failure => (string)Properties["Failure"]!;

        public string Shop => (string)Properties["Shop"]!;
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : [];
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), properties));
        }
    }
}
