using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class MigrationTests(StorageProvider provider)
{
    [Test]
    public async Task Migrate_AppliesEveryMigration_ToAnEmptyDatabase()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using (var before = database.CreateDbContext())
        {
            Assert.That(await before.Database.GetAppliedMigrationsAsync(), Is.Empty);
        }

        await ReferralsDatabase.MigrateAsync(database.Factory);

        await using var db = database.CreateDbContext();
        Assert.That(db.Database.GetMigrations(), Is.Not.Empty);
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
        Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.EqualTo(db.Database.GetMigrations()));
    }

    [Test]
    public async Task Migrate_ChangesNothing_WhenRunAgain()
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await ReferralsDatabase.MigrateAsync(database.Factory);

        await using var db = database.CreateDbContext();
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
        Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.EqualTo(db.Database.GetMigrations()));
    }

    [Test]
    public async Task TestDatabase_HasEveryTable_AndNoRows()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();

        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
        var rows = new Dictionary<string, bool>
        {
            ["Tenants"] = await db.Tenants.AnyAsync(),
            ["Contacts"] = await db.Contacts.AnyAsync(),
            ["ContactExternalIds"] = await db.ContactExternalIds.AnyAsync(),
            ["ReferralCodes"] = await db.ReferralCodes.AnyAsync(),
            ["Referrals"] = await db.Referrals.AnyAsync(),
            ["Orders"] = await db.Orders.AnyAsync(),
            ["OrderRefunds"] = await db.OrderRefunds.AnyAsync(),
            ["Ledger"] = await db.Ledger.AnyAsync(),
            ["ReviewItems"] = await db.ReviewItems.AnyAsync(),
            ["Inbox"] = await db.Inbox.AnyAsync(),
            ["Outbox"] = await db.Outbox.AnyAsync(),
            ["AuditLog"] = await db.AuditLog.AnyAsync(),
            ["Asks"] = await db.Asks.AnyAsync(),
            ["StaffTasks"] = await db.StaffTasks.AnyAsync(),
            ["TenantConnections"] = await db.TenantConnections.AnyAsync(),
            ["DataProtectionKeys"] = await db.DataProtectionKeys.AnyAsync(),
            ["FriendSuppressions"] = await db.FriendSuppressions.AnyAsync(),
            ["TenantReferences"] = await db.TenantReferences.AnyAsync(),
            ["DataRequests"] = await db.DataRequests.AnyAsync(),
            ["AnalyticsHours"] = await db.AnalyticsHours.AnyAsync(),
            ["AnalyticsRevenueHours"] = await db.AnalyticsRevenueHours.AnyAsync(),
            ["AnalyticsLedgerHours"] = await db.AnalyticsLedgerHours.AnyAsync(),
        };
        Assert.That(rows.Where(r => r.Value).Select(r => r.Key), Is.Empty);
        Assert.That(rows, Has.Count.EqualTo(db.Model.GetEntityTypes().Count()), "every entity type is checked");
    }

    [Test]
    public async Task Model_HasNoChangesMissingFromTheMigrations()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            $"the {provider} model differs from its last migration: add a migration for {provider}");
    }
}
