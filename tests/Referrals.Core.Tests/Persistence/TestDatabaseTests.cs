using Microsoft.EntityFrameworkCore;
using Npgsql;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using static Referrals.Core.Tests.Persistence.StorageSamples;

namespace Referrals.Core.Tests.Persistence;

/// <summary>The test-database helper itself: isolation, clean-up, and creation under concurrency.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class TestDatabaseTests(StorageProvider provider)
{
    [Test]
    public async Task CreateAsync_GivesEachCallerItsOwnDatabase()
    {
        await using var first = await TestDatabase.CreateAsync(provider);
        await using var second = await TestDatabase.CreateAsync(provider);
        await using (var db = first.CreateDbContext())
        {
            db.Tenants.Add(Tenant());
            await db.SaveChangesAsync();
        }

        await using var other = second.CreateDbContext();

        Assert.That(first.Name, Is.Not.EqualTo(second.Name));
        Assert.That(await other.Tenants.AnyAsync(), Is.False);
        Assert.That(first.Provider, Is.EqualTo(provider));
        Assert.That(first.Factory.Storage.Provider, Is.EqualTo(provider));
    }

    [Test]
    public async Task CreateAsync_Succeeds_WhenManyCallersAskAtOnce()
    {
        var databases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => TestDatabase.CreateAsync(provider)));
        try
        {
            foreach (var database in databases)
            {
                await using var db = database.CreateDbContext();
                Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
            }

            Assert.That(databases.Select(d => d.Name).Distinct().Count(), Is.EqualTo(8));
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task DisposeAsync_RemovesTheDatabase_EvenWithAContextStillOpen()
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var open = database.CreateDbContext();
        await open.Database.OpenConnectionAsync();
        Assert.That(await ExistsAsync(database), Is.True);

        await database.DisposeAsync();
        await database.DisposeAsync();

        Assert.That(await ExistsAsync(database), Is.False);
    }

    private static async Task<bool> ExistsAsync(TestDatabase database)
    {
        if (database.Provider == StorageProvider.Sqlite)
        {
            return File.Exists(database.Name);
        }

        var server = await PostgreSqlServer.GetAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database.Name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
