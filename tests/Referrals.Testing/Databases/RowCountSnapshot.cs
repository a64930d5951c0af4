using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Referrals.Core.Persistence;

namespace Referrals.Testing.Databases;

/// <summary>
/// The row count of every table in the EF model, read with raw SQL, so a test can prove a refused request changed
/// nothing, including in tables added after the test was written.
/// </summary>
public sealed class RowCountSnapshot
{
    private RowCountSnapshot(IReadOnlyDictionary<string, long> counts)
    {
        Counts = counts;
    }

    /// <summary>Rows per table name.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; }

    /// <summary>Counts the rows of every mapped table (each table once, even when several entity types share it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="db"/> is null.</exception>
    public static async Task<RowCountSnapshot> TakeAsync(ReferralsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .Select(e => (Name: e.GetTableName()!, Schema: e.GetSchema()))
            .Distinct()
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var (name, schema) in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(name, schema)}";
                var value = await command.ExecuteScalarAsync(cancellationToken);
                counts[name] = Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new RowCountSnapshot(counts);
    }

    /// <summary>The tables whose counts differ from <paramref name="before"/>, as "table: before → after"; empty when nothing changed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="before"/> is null.</exception>
    public IReadOnlyList<string> ChangesSince(RowCountSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return Counts.Keys.Union(before.Counts.Keys)
            .Select(t => (Table: t, Before: before.Counts.GetValueOrDefault(t), After: Counts.GetValueOrDefault(t)))
            .Where(c => c.Before != c.After)
            .Select(c => $"{c.Table}: {c.Before} → {c.After}")
            .ToList();
    }

    /// <summary>Every table with its count, for failure messages.</summary>
    public override string ToString() => string.Join(", ", Counts.Select(c => $"{c.Key}={c.Value}"));
}
