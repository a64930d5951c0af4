using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Referrals.Core.Persistence;

/// <summary>
/// Keeps SQLite's compiled statements for as long as a context's connection lives. Microsoft.Data.Sqlite compiles a
/// statement once per <see cref="SqliteCommand"/>, and EF Core makes a new command for every execution, so each of the
/// 16 statements of a referred order was parsed and planned again: about a tenth of the drain's CPU. Here a command
/// EF Core has initialized is swapped for the connection's earlier command with the same text, whose statement is
/// already compiled, wrapped so that EF Core's disposal only hands it back (<see cref="CachedSqliteCommand"/>).
/// </summary>
/// <remarks>
/// A drain group runs on one connection, so its 16 messages compile each statement once. The compiled statements go
/// when the connection closes (Microsoft.Data.Sqlite finalizes them; the command compiles again on its next use) and
/// the cache with the connection object. A statement already handed out (a reader still open on it) is not shared: that
/// execution gets its own command, as without the cache. At most <see cref="MaxStatementsPerConnection"/> texts are kept
/// per connection, so a long-lived connection running ever new texts holds a bounded number of statements.
/// Thread-safe as far as EF Core needs: one connection is used by one thread at a time.
/// </remarks>
internal sealed class SqliteStatementCache : DbCommandInterceptor, IDbConnectionInterceptor
{
    /// <summary>The most statement texts one connection keeps compiled; later new ones run uncached.</summary>
    public const int MaxStatementsPerConnection = 128;

    /// <summary>The one instance: the cache lives on the connections, not on the interceptor.</summary>
    public static SqliteStatementCache Instance { get; } = new();

    private readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, CachedSqliteCommand>> _byConnection = [];

    private SqliteStatementCache()
    {
    }

    /// <inheritdoc />
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result is not SqliteCommand fresh || fresh.Connection is not { } connection)
        {
            return result;
        }

        var statements = _byConnection.GetOrCreateValue(connection);
        if (statements.TryGetValue(fresh.CommandText, out var cached))
        {
            return cached.TryTakeFrom(fresh) ? cached : result;
        }

        if (statements.Count >= MaxStatementsPerConnection)
        {
            return result;
        }

        cached = new CachedSqliteCommand(fresh);
        statements.Add(fresh.CommandText, cached);
        return cached;
    }

    /// <summary>
    /// Disposes the connection's kept commands with it. Microsoft.Data.Sqlite finalizes their statements itself when the
    /// connection closes; disposing the commands spares the garbage collector their finalizers.
    /// </summary>
    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Forget(connection);
        return result;
    }

    /// <inheritdoc cref="ConnectionDisposing"/>
    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Forget(connection);
        return ValueTask.FromResult(result);
    }

    private void Forget(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite && _byConnection.TryGetValue(sqlite, out var statements))
        {
            _byConnection.Remove(sqlite);
            foreach (var command in statements.Values)
            {
                command.DisposeKept();
            }
        }
    }
}
