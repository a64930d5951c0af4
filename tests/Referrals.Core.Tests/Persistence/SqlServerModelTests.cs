using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;
using Referrals.Core.Persistence.Providers;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// SQL Server does not run here, so its mapping is checked without a connection: the model builds, its scripts name
/// every table, and the migrations match the model.
/// </summary>
public sealed class SqlServerModelTests
{
    private static ReferralsDbContext CreateContext() => new ReferralsDbContextFactory(new StorageOptions
    {
        Provider = StorageProvider.SqlServer,
        ConnectionString = "Server=127.0.0.1,1;Database=referrals;User Id=sa;Password=unused;TrustServerCertificate=True;Connect Timeout=1",
    }).CreateDbContext();

    [Test]
    public void CreateScript_CreatesEveryEntityTable()
    {
        using var db = CreateContext();

        var script = db.Database.GenerateCreateScript();

        Assert.That(db, Is.InstanceOf<SqlServerReferralsDbContext>());
        Assert.That(TableNames(db), Has.Count.EqualTo(22));
        Assert.That(TableNames(db).Where(t => !script.Contains($"CREATE TABLE [{t}] (", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void MigrationScript_CreatesEveryEntityTable()
    {
        using var db = CreateContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.That(TableNames(db).Where(t => !script.Contains($"CREATE TABLE [{t}] (", StringComparison.Ordinal)), Is.Empty);
        Assert.That(db.Database.GetMigrations(), Is.Not.Empty);
    }

    [Test]
    public void Model_HasNoChangesMissingFromTheMigrations()
    {
        using var db = CreateContext();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "the SQL Server model differs from its last migration: add a migration for SqlServer");
    }

    [Test]
    public void CreateScript_MapsMoneyAndTimes_ToExactSqlServerTypes()
    {
        using var db = CreateContext();

        var script = db.Database.GenerateCreateScript();

        Assert.That(script, Does.Contain("[Total] decimal(18,4) NOT NULL"));
        Assert.That(script, Does.Contain("[PaidAt] datetimeoffset NULL"));
    }

    [Test]
    public void CreateScript_LetsManyUnconvertedReferralsShareATenant()
    {
        using var db = CreateContext();

        var script = db.Database.GenerateCreateScript();

        // SQL Server counts NULLs as equal in a unique index; the filter keeps unconverted referrals out of it.
        Assert.That(script, Does.Contain("CREATE UNIQUE INDEX [IX_Referrals_TenantId_ConvertingOrderId] ON [Referrals] ([TenantId], [ConvertingOrderId]) WHERE [ConvertingOrderId] IS NOT NULL"));
    }

    [Test]
    public void TestDatabase_RefusesSqlServer_WithAReason()
    {
        var ex = Assert.ThrowsAsync<NotSupportedException>(() => TestDatabase.CreateAsync(StorageProvider.SqlServer));

        Assert.That(ex.Message, Does.Contain("SQL Server is not available"));
    }

    private static List<string> TableNames(ReferralsDbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList();
}
