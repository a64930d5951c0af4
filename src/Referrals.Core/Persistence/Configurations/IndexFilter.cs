namespace Referrals.Core.Persistence.Configurations;

/// <summary>
/// Filters for partial indexes. An index whose queries all look for rows with a value in a column can leave out the rows
/// without one: a row written with the column empty (an ask not yet sent, an order with no referral) then costs the
/// index nothing until the value comes, and the order drain writes fewer index trees per order (docs/performance.md,
/// "Indexes an order writes"). Every query the index serves must imply the filter: a comparison with the column implies
/// <c>IS NOT NULL</c>, and an enum filter needs the same equality in the query. <c>PartialIndexTests</c> checks each
/// query's plan on SQLite and PostgreSQL. Identifiers are double-quoted, as in <see cref="PendingQueueIndex.Filter"/>.
/// </summary>
internal static class IndexFilter
{
    /// <summary>Only the rows with a value in <paramref name="column"/>.</summary>
    public static string NotNull(string column) => $"\"{column}\" IS NOT NULL";

    /// <summary>Only the rows whose enum <paramref name="column"/> (stored as its name) holds <paramref name="value"/>.</summary>
    public static string Is<TEnum>(string column, TEnum value)
        where TEnum : struct, Enum => $"\"{column}\" = '{value}'";
}
