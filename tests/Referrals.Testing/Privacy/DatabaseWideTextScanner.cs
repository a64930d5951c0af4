using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Referrals.Core.Persistence;

namespace Referrals.Testing.Privacy;

/// <summary>
/// Reads every value of every column of every table the database itself lists (SQLite's <c>sqlite_master</c>,
/// PostgreSQL's <c>information_schema</c>), not only those of the EF model: the migrations history, job storage or a
/// table a library adds are scanned too. Text as stored; blobs decoded as UTF-8; anything else (numbers, times,
/// arrays, JSON) as its invariant string, so a secret hidden in any column type is found.
/// </summary>
public static class DatabaseWideTextScanner
{
    /// <summary>Every non-null value of the database, as text, with its table and column.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="db"/> is null.</exception>
    /// <exception cref="NotSupportedException">The provider is neither SQLite nor PostgreSQL.</exception>
    public static async Task<IReadOnlyList<StoredText>> ReadAllAsync(ReferralsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var provider = db.Database.ProviderName ?? string.Empty;
        var listing = provider.Contains("Sqlite", StringComparison.Ordinal)
            ? "SELECT NULL, name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : provider.Contains("Npgsql", StringComparison.Ordinal)
                ? "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                : throw new NotSupportedException($"Cannot list the tables of a {provider} database.");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var tables = new List<(string? Schema, string Name)>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = listing;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1)));
                }
            }

            var values = new List<StoredText>();
            foreach (var (schema, name) in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(name, schema)}";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (Read(reader, i) is { } text)
                        {
                            values.Add(new StoredText(schema is null ? name : $"{schema}.{name}", reader.GetName(i), text));
                        }
                    }
                }
            }

            return values;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string? Read(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal) switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string text => text,
            System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };
}
