using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// <c>AddTenantProxyFlag</c> on a database with tenants in it: shops connected as a custom app lose the storefront proxy
/// flag, every other tenant keeps it.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class TenantProxyFlagMigrationTests(StorageProvider provider)
{
    [Test]
    public async Task AddTenantProxyFlag_ClearsTheFlag_OnlyForTenantsConnectedAsACustomApp()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        var custom = Guid.NewGuid();
        var oauth = Guid.NewGuid();
        var site = Guid.NewGuid();
        await using (var db = database.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_AddTenantProxyFlag", StringComparison.Ordinal));
            Assert.That(index, Is.GreaterThan(0));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[index - 1]);

            await InsertTenantAsync(db, custom, "corner.myshopify.com", "ShopifyShop");
            await InsertTenantAsync(db, oauth, "acme.myshopify.com", "ShopifyShop");
            await InsertTenantAsync(db, site, "site", "UmbracoSite");
            await InsertConnectionAsync(db, custom, "corner.myshopify.com", "CustomApp");
            await InsertConnectionAsync(db, oauth, "acme.myshopify.com", "OAuth");

            await migrator.MigrateAsync(migrations[index]);
        }

        await using var after = database.CreateDbContext();
        var flags = await after.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.HasStorefrontProxy);
        Assert.That(flags, Is.EqualTo(new Dictionary<Guid, bool> { [custom] = false, [oauth] = true, [site] = true }));
    }

    private object Time() => provider == StorageProvider.Sqlite
        ? new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks
        : new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private Task InsertTenantAsync(ReferralsDbContext db, Guid id, string key, string kind) => db.Database.ExecuteSqlRawAsync(
        "INSERT INTO \"Tenants\" (\"Id\", \"Key\", \"Kind\", \"DisplayName\", \"State\", \"CreatedAt\", \"SettingsJson\") VALUES ({0}, {1}, {2}, {3}, 'Active', {4}, '{{}}')",
        id, key, kind, key, Time());

    private Task InsertConnectionAsync(ReferralsDbContext db, Guid tenantId, string key, string mode) => db.Database.ExecuteSqlRawAsync(
        "INSERT INTO \"TenantConnections\" (\"TenantId\", \"TenantKey\", \"Mode\", \"Status\", \"ProtectedAccessToken\", \"GrantedScopes\", \"ConnectedAt\", \"UpdatedAt\") "
        + "VALUES ({0}, {1}, {2}, 'Connected', 'x', 'read_orders', {3}, {3})",
        tenantId, key, mode, Time());
}
