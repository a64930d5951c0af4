using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>The SQLite file is in WAL mode, and every connection gets the engine's pragmas.</summary>
public sealed class SqliteStorageTests
{
    [Test]
    public async Task Migrate_PutsTheFileInWalMode()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite);

        await ReferralsDatabase.MigrateAsync(database.Factory);

        Assert.That(await PragmaOnANewConnectionAsync(database, "journal_mode"), Is.EqualTo("wal"));
    }

    [Test]
    public async Task TestDatabase_IsInWalMode()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        Assert.That(await PragmaOnANewConnectionAsync(database, "journal_mode"), Is.EqualTo("wal"));
    }

    [TestCase("foreign_keys", "1")]
    [TestCase("synchronous", "1")]
    [TestCase("busy_timeout", "30000")]
    [TestCase("cache_size", "-512")]
    [TestCase("wal_autocheckpoint", "10000")]
    public async Task ContextConnections_GetTheEnginesPragmas(string pragma, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";

        Assert.That(Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [Test]
    public async Task ContextConnections_GetTheConfiguredPageCache_WhenSqliteCacheSizeIsSet()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var storage = new StorageOptions { ConnectionString = database.Storage.ConnectionString, SqliteCacheSizeKiB = 4096 };
        await using var db = new ReferralsDbContextFactory(storage).CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size;";

        Assert.That(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(-4096));
    }

    private static async Task<string?> PragmaOnANewConnectionAsync(TestDatabase database, string pragma)
    {
        var unpooled = new SqliteConnectionStringBuilder(database.Storage.ConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new SqliteConnection(unpooled);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return (string?)await command.ExecuteScalarAsync();
    }
}
