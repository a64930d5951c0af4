using Microsoft.EntityFrameworkCore.Design;
using Referrals.Core.Configuration;

namespace Referrals.Core.Persistence.Providers;

// Used only by `dotnet ef migrations add` and `dotnet ef dbcontext optimize` (--context <Provider>ReferralsDbContext); each
// provider keeps its own migrations. Without the compiled model, so the tools work while it is stale.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReferralsDbContext>
{
    public SqliteReferralsDbContext CreateDbContext(string[] args) =>
        (SqliteReferralsDbContext)new ReferralsDbContextFactory(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=design.db" }, null, compiledModel: false).CreateDbContext();
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlReferralsDbContext>
{
    public PostgreSqlReferralsDbContext CreateDbContext(string[] args) =>
        (PostgreSqlReferralsDbContext)new ReferralsDbContextFactory(new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = "Host=localhost;Database=design" }, null, compiledModel: false).CreateDbContext();
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerReferralsDbContext>
{
    public SqlServerReferralsDbContext CreateDbContext(string[] args) =>
        (SqlServerReferralsDbContext)new ReferralsDbContextFactory(new StorageOptions { Provider = StorageProvider.SqlServer, ConnectionString = "Server=localhost;Database=design;Trusted_Connection=True;TrustServerCertificate=True" }, null, compiledModel: false).CreateDbContext();
}
