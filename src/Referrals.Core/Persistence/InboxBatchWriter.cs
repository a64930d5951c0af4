using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence;

/// <summary>
/// Writes a batch of inbox messages in one transaction, ignoring any whose <c>(Source, DeliveryId)</c> is already stored.
/// SQLite and PostgreSQL: one multi-row <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c>. SQL Server, which has no
/// such clause: one guarded <c>INSERT … WHERE NOT EXISTS</c> per message, still in the one transaction.
/// </summary>
internal sealed class InboxBatchWriter
{
    // The columns a new message sets; the rest (claims, errors, processed mark) start as NULL, Attempts as 0.
    private static readonly string[] Inserted =
    [
        nameof(InboxMessage.Source), nameof(InboxMessage.DeliveryId), nameof(InboxMessage.EventId), nameof(InboxMessage.Topic),
        nameof(InboxMessage.TenantKey), nameof(InboxMessage.Payload), nameof(InboxMessage.ReceivedAt), nameof(InboxMessage.NextAttemptAt),
    ];

    private readonly ReferralsDbContextFactory _factory;

    public InboxBatchWriter(ReferralsDbContextFactory factory)
    {
        _factory = factory;
    }

    /// <summary>Inserts the new ones among <paramref name="messages"/> (distinct keys) and commits once.</summary>
    /// <returns>Per message, true when it was inserted, false when its key was already stored.</returns>
    /// <exception cref="DbException">The batch failed; it was rolled back and nothing of it is stored.</exception>
    public async Task<bool[]> WriteAsync(IReadOnlyList<InboxMessage> messages, CancellationToken cancellationToken)
    {
        await using var db = _factory.CreateDbContext();
        var table = new InboxTable(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var stored = _factory.Storage.Provider == StorageProvider.SqlServer
            ? await InsertEachAsync(connection, dbTransaction, table, messages, cancellationToken)
            : await InsertAllAsync(connection, dbTransaction, table, messages, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private static async Task<bool[]> InsertAllAsync(DbConnection connection, DbTransaction transaction, InboxTable table, IReadOnlyList<InboxMessage> messages,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder().Append("INSERT INTO ").Append(table.Name).Append(" (").Append(table.ColumnList).Append(", ").Append(table.Attempts).Append(") VALUES ");
        for (var i = 0; i < messages.Count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            table.AddValues(command, sql, messages[i], i);
            sql.Append(", 0)");
        }

        sql.Append(" ON CONFLICT (").Append(table.Source).Append(", ").Append(table.DeliveryId).Append(") DO NOTHING RETURNING ").Append(table.Source).Append(", ").Append(table.DeliveryId);
        command.CommandText = sql.ToString();

        // The batch's keys are distinct, so the returned keys name exactly the rows this statement inserted.
        var inserted = new HashSet<(string, string)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return [.. messages.Select(m => inserted.Contains((m.Source, m.DeliveryId)))];
    }

    private static async Task<bool[]> InsertEachAsync(DbConnection connection, DbTransaction transaction, InboxTable table, IReadOnlyList<InboxMessage> messages,
        CancellationToken cancellationToken)
    {
        var stored = new bool[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder().Append("INSERT INTO ").Append(table.Name).Append(" (").Append(table.ColumnList).Append(", ").Append(table.Attempts).Append(") SELECT ");
            table.AddValues(command, sql, messages[i], 0);
            sql.Append(", 0 WHERE NOT EXISTS (SELECT 1 FROM ").Append(table.Name).Append(" WITH (UPDLOCK, HOLDLOCK) WHERE ")
                .Append(table.Source).Append(" = @p0_0 AND ").Append(table.DeliveryId).Append(" = @p0_1)");
            command.CommandText = sql.ToString();
            stored[i] = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        return stored;
    }

    /// <summary>The inbox table's names and type mappings, read from the model so every provider's conversions apply.</summary>
    private sealed class InboxTable
    {
        private readonly IProperty[] _properties;

        public InboxTable(ReferralsDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(InboxMessage)) ?? throw new InvalidOperationException("The model has no inbox.");
            var helper = db.GetService<ISqlGenerationHelper>();
            var tableId = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            string Column(string property) => helper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(tableId)!);
            Name = helper.DelimitIdentifier(tableId.Name, tableId.Schema);
            _properties = [.. Inserted.Select(p => entity.FindProperty(p)!)];
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

        /// <summary>Appends <c>@p{row}_{column}</c> placeholders and adds their parameters, converted as EF would.</summary>
        public void AddValues(DbCommand command, StringBuilder sql, InboxMessage message, int row)
        {
            object?[] values = [message.Source, message.DeliveryId, message.EventId, message.Topic, message.TenantKey, message.Payload, message.ReceivedAt, message.NextAttemptAt];
            for (var column = 0; column < values.Length; column++)
            {
                var name = FormattableString.Invariant($"p{row}_{column}");
                sql.Append(column == 0 ? "@" : ", @").Append(name);
                var mapping = (RelationalTypeMapping)_properties[column].GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, name, values[column], _properties[column].IsNullable));
            }
        }
    }
}
