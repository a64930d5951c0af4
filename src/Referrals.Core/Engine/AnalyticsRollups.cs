using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Satisfaction;

namespace Referrals.Core.Engine;

/// <summary>
/// Recomputes a tenant's analytics rollups (<see cref="Analytics.AnalyticsHour"/>, <see cref="Analytics.AnalyticsRevenueHour"/>,
/// <see cref="Analytics.AnalyticsLedgerHour"/>) and each referral's <see cref="Referral.AdvocatePreviousStartedAt"/> from the
/// raw asks, referrals, orders and ledger entries, in SQL (three <c>INSERT … SELECT … GROUP BY</c> statements and one
/// <c>UPDATE</c>). Used after bulk loads that bypass the engine (imports, the bench seed)
/// and as a repair. Every engine write keeps the rollups current by itself; this is not needed in normal operation.
/// </summary>
public sealed class AnalyticsRollups
{
    private static readonly string[] Standing = [nameof(ReferralState.Converted), nameof(ReferralState.Rewarded)];

    // How long one statement of a rebuild may run. Each reads a whole table of the tenant, and the lock waits for the
    // writers in flight: at 1 M referrals on PostgreSQL a rebuild took 72 s, over the 30 s a command may take by default.
    private static readonly TimeSpan StatementTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Replaces the tenant's rollup rows by ones computed from the raw tables, in one transaction (the caller's, when
    /// there is one). Writers of the same tenant wait for it: the rollup tables are locked for the transaction on
    /// PostgreSQL and SQL Server (SQLite has one writer anyway), so no concurrent change is counted twice or lost.
    /// Idempotent; may run any number of times.
    /// </summary>
    /// <returns>The number of rollup rows written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="db"/> is null.</exception>
    public async Task<int> RebuildAsync(ReferralsDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var callersTimeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(StatementTimeout);
        try
        {
            return await RebuildWithinTimeoutAsync(db, tenantId, cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(callersTimeout);
        }
    }

    private static async Task<int> RebuildWithinTimeoutAsync(ReferralsDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        var sql = db.GetService<ISqlGenerationHelper>();
        string Q(string name) => sql.DelimitIdentifier(name);
        switch (db.Provider)
        {
            case StorageProvider.PostgreSql:
                var lockTables = $"LOCK TABLE {Q("AnalyticsHours")}, {Q("AnalyticsRevenueHours")}, {Q("AnalyticsLedgerHours")} IN EXCLUSIVE MODE";
                await db.Database.ExecuteSqlRawAsync(lockTables, cancellationToken);
                break;
            case StorageProvider.SqlServer:
                foreach (var table in new[] { "AnalyticsHours", "AnalyticsRevenueHours", "AnalyticsLedgerHours" })
                {
                    var lockTable = $"SELECT COUNT(*) FROM {Q(table)} WITH (TABLOCKX, HOLDLOCK)";
                    await db.Database.ExecuteSqlRawAsync(lockTable, cancellationToken);
                }

                break;
        }

        await db.AnalyticsHours.Where(x => x.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.AnalyticsRevenueHours.Where(x => x.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.AnalyticsLedgerHours.Where(x => x.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);

        var t = sql.GenerateParameterNamePlaceholder("t");
        string H(string column) => HourOf(db.Provider, column);
        var stands = $"{Q("State")} IN ('{Standing[0]}', '{Standing[1]}')";
        string Branch(string time, string counts, string from, string where) =>
            $"SELECT {H(Q(time))} AS h, {counts} FROM {Q(from)} WHERE {Q("TenantId")} = {t} AND {Q(time)} IS NOT NULL{where} GROUP BY {H(Q(time))}";
        string Counts(int column, string count)
        {
            var values = Enumerable.Repeat("0", 9).ToArray();
            values[column] = count;
            return string.Join(", ", values.Select((v, i) => $"{v} AS c{i}"));
        }

        string Counts2(int column, string first, string second)
        {
            var values = Enumerable.Repeat("0", 9).ToArray();
            values[column] = first;
            values[column + 1] = second;
            return string.Join(", ", values.Select((v, i) => $"{v} AS c{i}"));
        }

        var notNews = $" AND {Q("Trigger")} <> 'AdvocateNews'";
        var answers = $"COUNT(*) AS c2, SUM(CASE WHEN {Q("Score")} >= {NetPromoterScore.PromoterMinimum} THEN 1 ELSE 0 END) AS c3, "
            + $"SUM(CASE WHEN {Q("Score")} <= {NetPromoterScore.DetractorMaximum} THEN 1 ELSE 0 END) AS c4";
        var union = string.Join(" UNION ALL ",
            Branch("CreatedAt", Counts(0, "COUNT(*)"), "Asks", notNews),
            Branch("SentAt", Counts(1, "COUNT(*)"), "Asks", notNews),
            Branch("AnsweredAt", $"0 AS c0, 0 AS c1, {answers}, 0 AS c5, 0 AS c6, 0 AS c7, 0 AS c8", "Asks", ""),
            Branch("CreatedAt", Counts2(5, "COUNT(*)", $"SUM(CASE WHEN {stands} THEN 1 ELSE 0 END)"), "Referrals", ""),
            Branch("VisitedAt", Counts(7, "COUNT(*)"), "Referrals", ""),
            Branch("ConvertedAt", Counts(8, "COUNT(*)"), "Referrals", $" AND {stands}"));
        var columns = string.Join(", ", new[] { "TenantId", "Hour", "AsksScheduled", "AsksSent", "AsksAnswered", "Promoters", "Detractors", "ReferralsStarted", "StartedConverted", "Visits", "Conversions" }.Select(Q));
        var sums = string.Join(", ", Enumerable.Range(0, 9).Select(i => $"SUM(u.c{i})"));
        var written = await ExecuteAsync(db, $"INSERT INTO {Q("AnalyticsHours")} ({columns}) SELECT {t}, u.h, {sums} FROM ({union}) u GROUP BY u.h", tenantId, cancellationToken);

        string O(string column) => $"o.{Q(column)}";
        var referred = $"r.{Q("Id")} IS NOT NULL";
        written += await ExecuteAsync(db,
            $"INSERT INTO {Q("AnalyticsRevenueHours")} ({string.Join(", ", new[] { "TenantId", "Hour", "Currency", "Orders", "Gross", "Refunded", "ReferralOrders", "ReferralGross", "ReferralRefunded" }.Select(Q))}) "
            + $"SELECT {t}, {H(O("PaidAt"))}, {O("Currency")}, COUNT(*), SUM({O("Total")}), SUM({O("RefundedAmount")}), "
            + $"SUM(CASE WHEN {referred} THEN 1 ELSE 0 END), SUM(CASE WHEN {referred} THEN {O("Total")} ELSE 0 END), SUM(CASE WHEN {referred} THEN {O("RefundedAmount")} ELSE 0 END) "
            + $"FROM {Q("Orders")} o LEFT JOIN {Q("Referrals")} r ON r.{Q("Id")} = {O("ReferralId")} AND r.{stands} "
            + $"WHERE {O("TenantId")} = {t} AND {O("PaidAt")} IS NOT NULL AND {O("CancelledAt")} IS NULL GROUP BY {H(O("PaidAt"))}, {O("Currency")}",
            tenantId, cancellationToken);

        written += await ExecuteAsync(db,
            $"INSERT INTO {Q("AnalyticsLedgerHours")} ({string.Join(", ", new[] { "TenantId", "Hour", "Currency", "Type", "State", "Entries", "Amount" }.Select(Q))}) "
            + $"SELECT {t}, {H(Q("CreatedAt"))}, {Q("Currency")}, {Q("Type")}, {Q("State")}, COUNT(*), SUM({Q("Amount")}) FROM {Q("LedgerEntries")} "
            + $"WHERE {Q("TenantId")} = {t} GROUP BY {H(Q("CreatedAt"))}, {Q("Currency")}, {Q("Type")}, {Q("State")}",
            tenantId, cancellationToken);

        await ExecuteAsync(db, PreviousStartsSql(db.Provider, Q, t), tenantId, cancellationToken);

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    // Every referral's advocate's previous start (Referral.AdvocatePreviousStartedAt), recomputed with LAG; only the
    // rows whose value differs are written. Ties in start time are ordered by id, as any order counts the same.
    private static string PreviousStartsSql(StorageProvider provider, Func<string, string> q, string tenant)
    {
        var column = q(nameof(Referral.AdvocatePreviousStartedAt));
        var chained = $"SELECT {q("Id")} AS id, LAG({q("CreatedAt")}) OVER (PARTITION BY {q("AdvocateContactId")} ORDER BY {q("CreatedAt")}, {q("Id")}) AS p "
            + $"FROM {q("Referrals")} WHERE {q("TenantId")} = {tenant}";
        return provider switch
        {
            StorageProvider.Sqlite => $"UPDATE {q("Referrals")} SET {column} = x.p FROM ({chained}) AS x WHERE {q("Referrals")}.{q("Id")} = x.id AND {q("Referrals")}.{column} IS NOT x.p",
            StorageProvider.PostgreSql => $"UPDATE {q("Referrals")} SET {column} = x.p FROM ({chained}) AS x WHERE {q("Referrals")}.{q("Id")} = x.id AND {q("Referrals")}.{column} IS DISTINCT FROM x.p",
            // EXISTS (… EXCEPT …) is SQL Server's null-safe "differs" before IS DISTINCT FROM (2022).
            _ => $"UPDATE r SET r.{column} = x.p FROM {q("Referrals")} AS r JOIN ({chained}) AS x ON r.{q("Id")} = x.id WHERE EXISTS (SELECT r.{column} EXCEPT SELECT x.p)",
        };
    }

    // The hour number of a time column: UTC ticks ÷ ticks per hour, as RollupHours.Of computes it in .NET.
    private static string HourOf(StorageProvider provider, string column) => provider switch
    {
        // Times are stored as UTC ticks on SQLite; integer division truncates, and ticks are positive.
        StorageProvider.Sqlite => $"({column} / {TimeSpan.TicksPerHour})",
        // 62,135,596,800 s from 0001-01-01 to 1970-01-01 are exactly 17,259,888 hours.
        StorageProvider.PostgreSql => $"(CAST(floor(extract(epoch from {column}) / 3600) AS bigint) + {DateTimeOffset.UnixEpoch.UtcTicks / TimeSpan.TicksPerHour})",
        _ => $"DATEDIFF_BIG(hour, CAST('0001-01-01T00:00:00+00:00' AS datetimeoffset), {column})",
    };

    private static Task<int> ExecuteAsync(ReferralsDbContext db, string sql, Guid tenantId, CancellationToken cancellationToken)
    {
        var property = db.Model.FindEntityType(typeof(Referral))!.FindProperty(nameof(Referral.TenantId))!;
        using var command = db.Database.GetDbConnection().CreateCommand();
        DbParameter parameter = property.GetRelationalTypeMapping().CreateParameter(command, "t", tenantId, nullable: false);
        return db.Database.ExecuteSqlRawAsync(sql, [parameter], cancellationToken);
    }
}
