using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Referrals.Core.Analytics;

namespace Referrals.Core.Persistence;

/// <summary>
/// Adds a <see cref="RollupDelta"/> to the rollup rows in the caller's transaction. Each row is changed by one atomic
/// <c>UPDATE … SET n = n + @d</c>, so concurrent writers never lose each other's counts; a missing row is first
/// inserted with zeros by an insert that does nothing when a concurrent writer inserted it first.
/// </summary>
internal static class AnalyticsRollupWriter
{
    public static async Task ApplyAsync(ReferralsDbContext db, RollupDelta delta, CancellationToken cancellationToken)
    {
        foreach (var ((tenant, hour), d) in delta.Counts.Where(c => c.Value.Any(v => v != 0)))
        {
            Task<int> UpdateAsync() => db.AnalyticsHours.Where(x => x.TenantId == tenant && x.Hour == hour).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.AsksScheduled, x => x.AsksScheduled + d[RollupDelta.AsksScheduled])
                .SetProperty(x => x.AsksSent, x => x.AsksSent + d[RollupDelta.AsksSent])
                .SetProperty(x => x.AsksAnswered, x => x.AsksAnswered + d[RollupDelta.AsksAnswered])
                .SetProperty(x => x.Promoters, x => x.Promoters + d[RollupDelta.Promoters])
                .SetProperty(x => x.Detractors, x => x.Detractors + d[RollupDelta.Detractors])
                .SetProperty(x => x.ReferralsStarted, x => x.ReferralsStarted + d[RollupDelta.ReferralsStarted])
                .SetProperty(x => x.StartedConverted, x => x.StartedConverted + d[RollupDelta.StartedConverted])
                .SetProperty(x => x.Visits, x => x.Visits + d[RollupDelta.Visits])
                .SetProperty(x => x.Conversions, x => x.Conversions + d[RollupDelta.Conversions]), cancellationToken);
            await UpsertAsync(db, UpdateAsync, new AnalyticsHour { TenantId = tenant, Hour = hour }, cancellationToken);
        }

        foreach (var ((tenant, hour, currency), d) in delta.Revenue.Where(r => !r.Value.IsZero))
        {
            Task<int> UpdateAsync() => db.AnalyticsRevenueHours.Where(x => x.TenantId == tenant && x.Hour == hour && x.Currency == currency).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Orders, x => x.Orders + d.Orders)
                .SetProperty(x => x.Gross, x => x.Gross + d.Gross)
                .SetProperty(x => x.Refunded, x => x.Refunded + d.Refunded)
                .SetProperty(x => x.ReferralOrders, x => x.ReferralOrders + d.ReferralOrders)
                .SetProperty(x => x.ReferralGross, x => x.ReferralGross + d.ReferralGross)
                .SetProperty(x => x.ReferralRefunded, x => x.ReferralRefunded + d.ReferralRefunded), cancellationToken);
            await UpsertAsync(db, UpdateAsync, new AnalyticsRevenueHour { TenantId = tenant, Hour = hour, Currency = currency }, cancellationToken);
        }

        foreach (var ((tenant, hour, currency, type, state), d) in delta.Ledger.Where(l => !l.Value.IsZero))
        {
            Task<int> UpdateAsync() => db.AnalyticsLedgerHours
                .Where(x => x.TenantId == tenant && x.Hour == hour && x.Currency == currency && x.Type == type && x.State == state)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Entries, x => x.Entries + d.Entries).SetProperty(x => x.Amount, x => x.Amount + d.Amount), cancellationToken);
            await UpsertAsync(db, UpdateAsync, new AnalyticsLedgerHour { TenantId = tenant, Hour = hour, Currency = currency, Type = type, State = state }, cancellationToken);
        }
    }

    private static async Task UpsertAsync<T>(ReferralsDbContext db, Func<Task<int>> update, T zeroRow, CancellationToken cancellationToken)
        where T : class
    {
        if (await update() > 0)
        {
            return;
        }

        await InsertZeroAsync(db, zeroRow, cancellationToken);
        if (await update() == 0)
        {
            throw new InvalidOperationException($"The {typeof(T).Name} rollup row could not be created.");
        }
    }

    // The row with its key and zeros, written through the model's own column types (scaled money on SQLite, GUID text,
    // enum names), so the raw SQL stores exactly what EF would.
    private static async Task InsertZeroAsync<T>(ReferralsDbContext db, T row, CancellationToken cancellationToken)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties().ToList();
        var keys = entity.FindPrimaryKey()!.Properties;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>();
        var names = new Dictionary<IProperty, string>();
        foreach (var property in properties)
        {
            var name = "p" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            names[property] = sql.GenerateParameterNamePlaceholder(name);
            parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, property.PropertyInfo!.GetValue(row), nullable: false));
        }

        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var columns = string.Join(", ", properties.Select(Column));
        var values = string.Join(", ", properties.Select(p => names[p]));
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var text = db.Provider == StorageProvider.SqlServer
            ? $"INSERT INTO {tableName} ({columns}) SELECT {values} WHERE NOT EXISTS (SELECT 1 FROM {tableName} WITH (UPDLOCK, HOLDLOCK) WHERE "
                + string.Join(" AND ", keys.Select(k => $"{Column(k)} = {names[k]}")) + ")"
            : $"INSERT INTO {tableName} ({columns}) VALUES ({values}) ON CONFLICT DO NOTHING";
        await db.Database.ExecuteSqlRawAsync(text, parameters, cancellationToken);
    }
}
