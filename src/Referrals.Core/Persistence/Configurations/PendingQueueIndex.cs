using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence.Configurations;

/// <summary>
/// The index a queue's claim reads (<see cref="MessageQueue{T}"/>): only the rows still to be handled (neither processed
/// nor dead-lettered), by when each is due and then arrival, with how long its claim lasts. A claim walks it from the
/// row due longest and stops after one batch, reading no table row, so its cost is one batch however long the backlog.
/// An index on (processed, dead-lettered, due) instead made every claim read and sort every pending row: about 12,000
/// page reads per claim with 12,000 orders waiting (docs/performance.md).
/// </summary>
internal static class PendingQueueIndex
{
    /// <summary>
    /// The rows the index holds. Double-quoted identifiers are standard SQL: SQLite and PostgreSQL take them, and SQL
    /// Server does with <c>QUOTED_IDENTIFIER ON</c>, which its filtered indexes require anyway.
    /// </summary>
    public const string Filter = "\"ProcessedAt\" IS NULL AND \"DeadLetteredAt\" IS NULL";

    /// <summary>Adds the index to a queue table, named <c>IX_{table}_Pending</c>.</summary>
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table)
        where T : class, IQueuedMessage
    {
        builder.HasIndex(nameof(IQueuedMessage.NextAttemptAt), nameof(IQueuedMessage.Id), nameof(IQueuedMessage.ClaimedUntil))
            .HasFilter(Filter)
            .HasDatabaseName($"IX_{table}_Pending");
    }
}
