using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Referrals.Core.Persistence;

/// <summary>
/// One connection's command for one statement text, lent to EF Core for one execution at a time
/// (<see cref="SqliteStatementCache"/>). Everything is passed to the kept <see cref="SqliteCommand"/>, whose compiled
/// statement survives between executions; disposing this hands the command back instead of disposing it.
/// </summary>
internal sealed class CachedSqliteCommand : DbCommand
{
    private readonly SqliteCommand _kept;
    private bool _lent;

    /// <summary>Keeps <paramref name="first"/> and lends it at once to the execution that made it.</summary>
    public CachedSqliteCommand(SqliteCommand first)
    {
        _kept = first;
        _lent = true;
    }

    /// <summary>
    /// Lends the kept command to the execution that initialized <paramref name="fresh"/>: its parameters, transaction
    /// and timeout move over and <paramref name="fresh"/> (never compiled) is disposed. False, and nothing changed,
    /// while the kept command is lent to another execution.
    /// </summary>
    public bool TryTakeFrom(SqliteCommand fresh)
    {
        if (_lent)
        {
            return false;
        }

        _kept.Parameters.Clear();
        foreach (SqliteParameter parameter in fresh.Parameters)
        {
            _kept.Parameters.Add(parameter);
        }

        fresh.Parameters.Clear();
        _kept.Transaction = fresh.Transaction;
        _kept.CommandTimeout = fresh.CommandTimeout;
        fresh.Dispose();
        _lent = true;
        return true;
    }

    /// <summary>Disposes the kept command and its compiled statement, when its connection goes.</summary>
    public void DisposeKept() => _kept.Dispose();

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => _kept.CommandText;
        set
        {
            // The text is the cache's key: an execution never changes it after EF Core initialized the command.
            if (!string.Equals(value, _kept.CommandText, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("A cached SQLite command keeps its text.");
            }
        }
    }

    /// <inheritdoc />
    public override int CommandTimeout
    {
        get => _kept.CommandTimeout;
        set => _kept.CommandTimeout = value;
    }

    /// <inheritdoc />
    public override CommandType CommandType
    {
        get => _kept.CommandType;
        set => _kept.CommandType = value;
    }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource
    {
        get => _kept.UpdatedRowSource;
        set => _kept.UpdatedRowSource = value;
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible
    {
        get => _kept.DesignTimeVisible;
        set => _kept.DesignTimeVisible = value;
    }

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => _kept.Connection;
        set
        {
            if (!ReferenceEquals(value, _kept.Connection))
            {
                throw new InvalidOperationException("A cached SQLite command stays with its connection.");
            }
        }
    }

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => _kept.Parameters;

    /// <inheritdoc />
    protected override DbTransaction? DbTransaction
    {
        get => _kept.Transaction;
        set => _kept.Transaction = (SqliteTransaction?)value;
    }

    /// <inheritdoc />
    public override void Cancel() => _kept.Cancel();

    /// <inheritdoc />
    public override int ExecuteNonQuery() => _kept.ExecuteNonQuery();

    /// <inheritdoc />
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => _kept.ExecuteNonQueryAsync(cancellationToken);

    /// <inheritdoc />
    public override object? ExecuteScalar() => _kept.ExecuteScalar();

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => _kept.ExecuteScalarAsync(cancellationToken);

    /// <inheritdoc />
    public override void Prepare() => _kept.Prepare();

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => _kept.CreateParameter();

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => _kept.ExecuteReader(behavior);

    /// <inheritdoc />
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await _kept.ExecuteReaderAsync(behavior, cancellationToken);

    /// <summary>Hands the command back: its parameters are dropped, its compiled statement kept.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _kept.Parameters.Clear();
            _lent = false;
        }

        base.Dispose(disposing);
    }
}
