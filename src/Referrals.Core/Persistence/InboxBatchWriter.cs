using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence;

/// <summary>
/// Writes a batch of inbox messages in one transaction, ignoring any whose <c>(Source, DeliveryId)</c> is already stored.
/// SQLite: one prepared single-row <c>INSERT … ON CONFLICT DO NOTHING</c>, run once per message (in process, so a
/// row costs microseconds and no SQL is parsed or bound by name per batch). PostgreSQL: one prepared
/// <c>INSERT … SELECT … FROM unnest(arrays) ON CONFLICT DO NOTHING RETURNING</c>, the batch sent as one array per column
/// (one round trip, and the same statement text whatever the batch size, so it is parsed and planned once). SQL Server,
/// which has no such clause: one guarded <c>INSERT … WHERE NOT EXISTS</c> per message, still in the one transaction.
/// </summary>
/// <remarks>
/// The connection (and on SQLite the prepared statement) is kept open from batch to batch; after a failed batch it is
/// closed and the next batch opens a new one. On SQLite the writer's commits leave WAL checkpoints to the factory's
/// <see cref="SqliteWalCheckpointer"/>, in the background. Not thread-safe: the store's single writer loop is its only
/// caller.
/// </remarks>
internal sealed class InboxBatchWriter : IAsyncDisposable
{
    // The columns a new message sets; the rest (claims, errors, processed mark) start as NULL, Attempts as 0.
    private static readonly string[] Inserted =
    [
        nameof(InboxMessage.Source), nameof(InboxMessage.DeliveryId), nameof(InboxMessage.EventId), nameof(InboxMessage.Topic),
        nameof(InboxMessage.TenantKey), nameof(InboxMessage.Payload), nameof(InboxMessage.ReceivedAt), nameof(InboxMessage.NextAttemptAt),
    ];

    private readonly ReferralsDbContextFactory _factory;
    private ReferralsDbContext? _db;
    private InboxTable? _table;
    private DbCommand? _insertOne;
    private NpgsqlCommand? _insertUnnested;

    public InboxBatchWriter(ReferralsDbContextFactory factory)
    {
        _factory = factory;
    }

    /// <summary>Inserts the new ones among <paramref name="messages"/> (distinct keys) and commits once.</summary>
    /// <returns>Per message, true when it was inserted, false when its key was already stored.</returns>
    /// <exception cref="DbException">The batch failed; it was rolled back and nothing of it is stored.</exception>
    public async Task<bool[]> WriteAsync(IReadOnlyList<InboxMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var stored = _factory.Storage.Provider switch
            {
                StorageProvider.Sqlite => InsertEach(transaction, messages),
                StorageProvider.SqlServer => await InsertEachGuardedAsync(connection, transaction, _table!, messages, cancellationToken),
                _ => await InsertUnnestedAsync(transaction, messages, cancellationToken),
            };
            var inserted = Stopwatch.GetTimestamp();
            await transaction.CommitAsync(cancellationToken);
            InboxMetrics.InsertDuration.Record(Stopwatch.GetElapsedTime(started, inserted).TotalMilliseconds);
            InboxMetrics.CommitDuration.Record(Stopwatch.GetElapsedTime(inserted).TotalMilliseconds);
            return stored;
        }
        catch
        {
            // The transaction is rolled back by its disposal; the connection may be broken, so start afresh next time.
            await CloseAsync();
            throw;
        }
    }

    /// <summary>Closes the kept connection and waits for a running checkpoint.</summary>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (_factory.WalCheckpointer is { } checkpointer)
        {
            await checkpointer.WaitAsync();
        }
    }

    // Opened through EF Core, so the provider's connection interceptors (SQLite's pragmas) run once per connection.
    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_db is null)
        {
            _db = _factory.CreateDbContext();
            _table ??= new InboxTable(_db);
            await _db.Database.OpenConnectionAsync(cancellationToken);
        }

        return _db.Database.GetDbConnection();
    }

    private async ValueTask CloseAsync()
    {
        if (_insertOne is not null)
        {
            await _insertOne.DisposeAsync();
            _insertOne = null;
        }

        if (_insertUnnested is not null)
        {
            await _insertUnnested.DisposeAsync();
            _insertUnnested = null;
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
            _db = null;
        }
    }

    // SQLite runs in process: each row is a reset, eight binds and a step of the one prepared statement. Synchronous on
    // purpose, since Microsoft.Data.Sqlite's async methods run synchronously anyway.
    private bool[] InsertEach(DbTransaction transaction, IReadOnlyList<InboxMessage> messages)
    {
        var command = _insertOne ??= PrepareInsertOne(transaction.Connection!);
        command.Transaction = transaction;
        var stored = new bool[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            _table!.SetValues(command, messages[i]);
            stored[i] = command.ExecuteNonQuery() == 1;
        }

        return stored;
    }

    private DbCommand PrepareInsertOne(DbConnection connection)
    {
        var table = _table!;
        var command = connection.CreateCommand();
        var sql = new StringBuilder().Append("INSERT INTO ").Append(table.Name).Append(" (").Append(table.ColumnList).Append(", ").Append(table.Attempts).Append(") VALUES (");
        table.AddParameters(command, sql, 0);
        sql.Append(", 0) ON CONFLICT (").Append(table.Source).Append(", ").Append(table.DeliveryId).Append(") DO NOTHING");
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private async Task<bool[]> InsertUnnestedAsync(DbTransaction transaction, IReadOnlyList<InboxMessage> messages, CancellationToken cancellationToken)
    {
        var command = _insertUnnested ??= await PrepareInsertUnnestedAsync((NpgsqlConnection)transaction.Connection!, cancellationToken);
        command.Transaction = (NpgsqlTransaction)transaction;
        _table!.SetArrays(command, messages);

        // The batch's keys are distinct, so the returned keys name exactly the rows this statement inserted.
        var inserted = new HashSet<(string, string)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var stored = new bool[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            stored[i] = inserted.Contains((messages[i].Source, messages[i].DeliveryId));
        }

        return stored;
    }

    private async Task<NpgsqlCommand> PrepareInsertUnnestedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var table = _table!;
        var command = connection.CreateCommand();
        var columns = string.Join(", ", Enumerable.Range(0, Inserted.Length).Select(i => FormattableString.Invariant($"c{i}")));
        var arrays = string.Join(", ", Enumerable.Range(0, Inserted.Length).Select(i => FormattableString.Invariant($"@a{i}")));
        command.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}, {table.Attempts}) SELECT {columns}, 0 FROM unnest({arrays}) AS u ({columns}) "
            + $"ON CONFLICT ({table.Source}, {table.DeliveryId}) DO NOTHING RETURNING {table.Source}, {table.DeliveryId}";
        command.Parameters.Add(new NpgsqlParameter<string[]>("a0", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("a1", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [] });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("a2", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("a3", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("a4", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("a5", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("a6", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("a7", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [] });
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    private static async Task<bool[]> InsertEachGuardedAsync(DbConnection connection, DbTransaction transaction, InboxTable table, IReadOnlyList<InboxMessage> messages,
        CancellationToken cancellationToken)
    {
        var stored = new bool[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder().Append("INSERT INTO ").Append(table.Name).Append(" (").Append(table.ColumnList).Append(", ").Append(table.Attempts).Append(") SELECT ");
            table.AddParameters(command, sql, 0);
            table.SetValues(command, messages[i]);
            sql.Append(", 0 WHERE NOT EXISTS (SELECT 1 FROM ").Append(table.Name).Append(" WITH (UPDLOCK, HOLDLOCK) WHERE ")
                .Append(table.Source).Append(" = @p0_0 AND ").Append(table.DeliveryId).Append(" = @p0_1)");
            command.CommandText = sql.ToString();
            stored[i] = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        return stored;
    }

    /// <summary>The inbox table's names and type mappings, read once from the model so every provider's conversions apply.</summary>
    private sealed class InboxTable
    {
        private readonly IProperty[] _properties;
        private readonly RelationalTypeMapping[] _mappings;

        public InboxTable(ReferralsDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(InboxMessage)) ?? throw new InvalidOperationException("The model has no inbox.");
            var helper = db.GetService<ISqlGenerationHelper>();
            var tableId = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            string Column(string property) => helper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(tableId)!);
            Name = helper.DelimitIdentifier(tableId.Name, tableId.Schema);
            _properties = [.. Inserted.Select(p => entity.FindProperty(p)!)];
            _mappings = [.. _properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping())];
            ColumnList = string.Join(", ", Inserted.Select(Column));
            Attempts = Column(nameof(InboxMessage.Attempts));
            Source = Column(nameof(InboxMessage.Source));
            DeliveryId = Column(nameof(InboxMessage.DeliveryId));
        }

        public string Name { get; }

        public string ColumnList { get; }

        public string Attempts { get; }

        public string Source { get; }

        public string DeliveryId { get; }

        /// <summary>Appends the <c>@p{row}_{column}</c> placeholders of one row and adds their parameters, typed as EF would.</summary>
        public void AddParameters(DbCommand command, StringBuilder sql, int row)
        {
            for (var column = 0; column < _properties.Length; column++)
            {
                var name = FormattableString.Invariant($"p{row}_{column}");
                sql.Append(column == 0 ? "@" : ", @").Append(name);
                command.Parameters.Add(_mappings[column].CreateParameter(command, name, null, _properties[column].IsNullable));
            }
        }

        /// <summary>Sets row <paramref name="row"/>'s parameters (added by <see cref="AddParameters"/>) to <paramref name="message"/>, converted as EF would.</summary>
        public void SetValues(DbCommand command, InboxMessage message, int row = 0)
        {
            var parameters = command.Parameters;
            var first = row * _properties.Length;
            Set(parameters[first], 0, message.Source);
            Set(parameters[first + 1], 1, message.DeliveryId);
            Set(parameters[first + 2], 2, message.EventId);
            Set(parameters[first + 3], 3, message.Topic);
            Set(parameters[first + 4], 4, message.TenantKey);
            Set(parameters[first + 5], 5, message.Payload);
            Set(parameters[first + 6], 6, message.ReceivedAt);
            Set(parameters[first + 7], 7, message.NextAttemptAt);
        }

        /// <summary>Sets the eight array parameters of the unnest insert to <paramref name="messages"/>' columns, converted as EF would.</summary>
        public void SetArrays(NpgsqlCommand command, IReadOnlyList<InboxMessage> messages)
        {
            var parameters = command.Parameters;
            ((NpgsqlParameter<string[]>)parameters[0]).TypedValue = [.. messages.Select(m => m.Source)];
            ((NpgsqlParameter<string[]>)parameters[1]).TypedValue = [.. messages.Select(m => m.DeliveryId)];
            ((NpgsqlParameter<string?[]>)parameters[2]).TypedValue = [.. messages.Select(m => m.EventId)];
            ((NpgsqlParameter<string[]>)parameters[3]).TypedValue = [.. messages.Select(m => m.Topic)];
            ((NpgsqlParameter<string[]>)parameters[4]).TypedValue = [.. messages.Select(m => m.TenantKey)];
            ((NpgsqlParameter<byte[][]>)parameters[5]).TypedValue = [.. messages.Select(m => m.Payload)];
            ((NpgsqlParameter<DateTimeOffset[]>)parameters[6]).TypedValue = [.. messages.Select(m => Converted(6, m.ReceivedAt))];
            ((NpgsqlParameter<DateTimeOffset[]>)parameters[7]).TypedValue = [.. messages.Select(m => Converted(7, m.NextAttemptAt))];
        }

        private DateTimeOffset Converted(int column, DateTimeOffset value) =>
            _mappings[column].Converter is { } converter ? (DateTimeOffset)converter.ConvertToProvider(value)! : value;

        private void Set(DbParameter parameter, int column, object? value)
        {
            if (_mappings[column].Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            parameter.Value = value ?? DBNull.Value;
        }
    }
}
