using Microsoft.EntityFrameworkCore;
using Npgsql;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;

namespace Referrals.Core.Tests.Persistence;

/// <summary>PostgreSQL connections prepare their repeated statements automatically, unless the operator says otherwise.</summary>
public sealed class PostgreSqlConnectionDefaultsTests
{
    [Test]
    public void Apply_TurnsAutomaticPreparationOn_WhenTheConnectionStringDoesNotMentionIt()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply("Host=db;Database=referrals;Username=app"));

        Assert.That(applied.MaxAutoPrepare, Is.EqualTo(PostgreSqlConnectionDefaults.MaxAutoPrepare));
        Assert.That(applied.Host, Is.EqualTo("db"), "the rest is kept");
        Assert.That(applied.Database, Is.EqualTo("referrals"));
    }

    [TestCase("Host=db;Max Auto Prepare=0", 0)]
    [TestCase("Host=db;MaxAutoPrepare=0", 0)]
    [TestCase("Host=db;max auto prepare=20", 20)]
    public void Apply_KeepsTheOperatorsChoice(string connectionString, int expected)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply(connectionString));

        Assert.That(applied.MaxAutoPrepare, Is.EqualTo(expected));
    }

    [Test]
    public void ContextsOfAPostgreSqlFactory_PrepareAutomatically()
    {
        var factory = new ReferralsDbContextFactory(new StorageOptions
        {
            Provider = StorageProvider.PostgreSql,
            ConnectionString = "Host=localhost;Database=referrals;Username=app",
        });
        using var db = factory.CreateDbContext();

        var used = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.That(used.MaxAutoPrepare, Is.EqualTo(PostgreSqlConnectionDefaults.MaxAutoPrepare));
    }
}
