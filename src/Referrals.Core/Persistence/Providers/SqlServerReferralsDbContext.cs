using Microsoft.EntityFrameworkCore;

namespace Referrals.Core.Persistence.Providers;

/// <summary>The SQL Server flavour of the engine's storage, for Umbraco sites on SQL Server.</summary>
public sealed class SqlServerReferralsDbContext : ReferralsDbContext
{
    /// <summary>Creates the context.</summary>
    public SqlServerReferralsDbContext(DbContextOptions<SqlServerReferralsDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override StorageProvider Provider => StorageProvider.SqlServer;
}
