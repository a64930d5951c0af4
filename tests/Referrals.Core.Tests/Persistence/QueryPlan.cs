using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>The database's own plan for a query's statement, with the statement's own parameters.</summary>
internal static class QueryPlan
{
    /// <summary>
    /// One line per plan node, each ending in a line break. <paramref name="withoutTableScans"/> prices PostgreSQL's
    /// sequential scans out, to ask whether an index can serve the query at all rather than which access a small test
    /// table makes cheapest (SQLite, without statistics, prefers an index it can use anyway).
    /// </summary>
    public static async Task<string> OfAsync<T>(TestDatabase database, Func<ReferralsDbContext, IQueryable<T>> query, bool withoutTableScans = false)
    {
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        if (withoutTableScans && database.Provider == StorageProvider.PostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        }

        await using DbCommand command = query(db).CreateDbCommand();
        command.CommandText = (database.Provider == StorageProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(reader.FieldCount - 1) + '\n');
        }

        return string.Concat(lines);
    }
}
