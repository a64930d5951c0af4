using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence.Conversions;

namespace Referrals.Core.Persistence.Providers;

/// <summary>The SQLite flavour of the engine's storage, with its own migrations.</summary>
public sealed class SqliteReferralsDbContext : ReferralsDbContext
{
    /// <summary>Creates the context.</summary>
    public SqliteReferralsDbContext(DbContextOptions<SqliteReferralsDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override StorageProvider Provider => StorageProvider.Sqlite;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no decimal or offset-aware time: store both as integers so that SUM, ORDER BY and range
        // comparisons run natively in SQL instead of failing or running row by row in .NET.
        configurationBuilder.Properties<decimal>().HaveConversion<ScaledDecimalConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
