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
}
