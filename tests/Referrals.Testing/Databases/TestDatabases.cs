using Referrals.Core.Persistence;

namespace Referrals.Testing.Databases;

/// <summary>
/// The databases tests run on here, for <c>[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]</c>.
/// PostgreSQL is always in the list: when its server cannot start, its tests fail with the reason rather than vanish.
/// </summary>
public static class TestDatabases
{
    /// <summary>SQLite and PostgreSQL. SQL Server does not run on this machine.</summary>
    public static IEnumerable<StorageProvider> All => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    /// <summary>
    /// Stops the PostgreSQL server and deletes the SQLite files of this process. Call it from the test assembly's
    /// <c>[SetUpFixture]</c> <c>[OneTimeTearDown]</c>; a detached watcher does the same if the process dies first.
    /// </summary>
    public static void CleanUp()
    {
        PostgreSqlServer.Stop();
        SqliteTemplate.DeleteAll();
    }
}
