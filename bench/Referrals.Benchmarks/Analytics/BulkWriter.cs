using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Referrals.Core.Persistence;

namespace Referrals.Benchmarks.Analytics;

/// <summary>
/// Writes entities straight to their tables, bypassing EF's change tracker: on SQLite one prepared INSERT per row in
/// one transaction per batch, on PostgreSQL one binary COPY per batch. Columns and stored values come from the EF
/// model (column names, value converters such as SQLite's scaled money and ticks, enum strings), so the rows are
/// exactly what the engine would have written.
/// </summary>
public sealed class BulkWriter
{
    private readonly ReferralsDbContext _db;
    private readonly Dictionary<Type, Table> _tables = [];

    public BulkWriter(ReferralsDbContext db)
    {
        _db = db;
    }

    public long Rows { get; private set; }

    public async Task WriteAsync<T>(IReadOnlyList<T> rows)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var table = TableOf(typeof(T));
        var connection = _db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await _db.Database.OpenConnectionAsync();
            if (connection is SqliteConnection sqlite)
            {
                // Twelve secondary indexes with random GUID keys: a page cache of SQLite's default 2 MB thrashes.
                using var pragma = sqlite.CreateCommand();
                pragma.CommandText = "PRAGMA cache_size = -1000000";
                pragma.ExecuteNonQuery();
            }
        }

        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, rows);
        }
        else
        {
            Insert((SqliteConnection)connection, table, rows);
        }

        Rows += rows.Count;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, Table table, IReadOnlyList<T> rows)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await using var import = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await import.StartRowAsync();
            foreach (var column in table.Columns)
            {
                var value = column.Read(row!);
                if (value is null)
                {
                    await import.WriteNullAsync();
                }
                else
                {
                    await import.WriteAsync(value, column.StoreType);
                }
            }
        }

        await import.CompleteAsync();
    }

    private static void Insert<T>(SqliteConnection connection, Table table, IReadOnlyList<T> rows)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].Read(row!) switch
                {
                    null => DBNull.Value,
                    // EF keeps GUIDs on SQLite as upper-case text; Microsoft.Data.Sqlite would bind a blob.
                    Guid g => g.ToString("D").ToUpperInvariant(),
                    var v => v,
                };
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private Table TableOf(Type type)
    {
        if (!_tables.TryGetValue(type, out var table))
        {
            var entity = _db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type} is not in the model.");
            var identity = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            table = new Table(entity.GetTableName()!, [.. entity.GetProperties().Select(p => new Column(p, identity))]);
            _tables[type] = table;
        }

        return table;
    }

    private sealed record Table(string Name, IReadOnlyList<Column> Columns);

    private sealed class Column
    {
        private readonly IClrPropertyGetter _getter;
        private readonly Func<object?, object?>? _toStore;

        public Column(IProperty property, StoreObjectIdentifier table)
        {
            Name = property.GetColumnName(table) ?? property.Name;
            var storeType = property.GetColumnType(table);
            StoreType = storeType.Split('(')[0].Trim();
            _getter = property.GetGetter();
            _toStore = (property.GetValueConverter() ?? property.GetTypeMapping().Converter)?.ConvertToProvider;
        }

        public string Name { get; }

        public string StoreType { get; }

        public object? Read(object entity)
        {
            var value = _getter.GetClrValue(entity);
            return value is null || _toStore is null ? value : _toStore(value);
        }
    }
}
