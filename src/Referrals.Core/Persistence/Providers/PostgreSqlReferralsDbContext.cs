using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence.Conversions;

namespace Referrals.Core.Persistence.Providers;

/// <summary>The PostgreSQL flavour of the engine's storage, with its own migrations.</summary>
public sealed class PostgreSqlReferralsDbContext : ReferralsDbContext
{
    /// <summary>Creates the context.</summary>
    public PostgreSqlReferralsDbContext(DbContextOptions<PostgreSqlReferralsDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override StorageProvider Provider => StorageProvider.PostgreSql;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // timestamptz accepts only UTC offsets; times parsed from webhooks carry the shop's offset.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
    }
}
