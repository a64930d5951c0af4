using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Referrals.Core.Persistence;

namespace Referrals.Testing.Privacy;

/// <summary>
/// Reads every text and blob column of every table in the EF model with raw SQL, so a privacy test can prove a value
/// is stored nowhere, including in tables and columns added after the test was written.
/// </summary>
public static class DatabaseTextScanner
{
    /// <summary>The text and blob columns of each table of the model, by stored (provider) type.</summary>
    public static IReadOnlyList<(string Table, IReadOnlyList<string> Columns)> TextColumns(ReferralsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tables = new List<(string, IReadOnlyList<string>)>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties()
                .Where(p => StoredType(p) == typeof(string) || StoredType(p) == typeof(byte[]))
                .Select(p => p.GetColumnName(table))
                .OfType<string>()
                .Distinct()
                .ToList();
            tables.Add((entity.GetTableName()!, columns));
        }

        return tables;
    }

    /// <summary>Every non-null text or blob value in the database.</summary>
    public static async Task<IReadOnlyList<StoredText>> ReadAllAsync(ReferralsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var values = new List<StoredText>();
            foreach (var (table, columns) in TextColumns(db))
            {
                foreach (var column in columns)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT {sql.DelimitIdentifier(column)} FROM {sql.DelimitIdentifier(table)}";
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        if (Read(reader) is { } text)
                        {
                            values.Add(new StoredText(table, column, text));
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

    private static Type StoredType(IProperty property)
    {
        var mapping = property.GetRelationalTypeMapping();
        var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static string? Read(DbDataReader reader) =>
        reader.IsDBNull(0) ? null : reader.GetValue(0) switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
        };
}
