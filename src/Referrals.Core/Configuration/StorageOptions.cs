using Referrals.Core.Persistence;

namespace Referrals.Core.Configuration;

/// <summary>Where the engine keeps its data (<c>Referrals:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The default connection string: an SQLite file beside the app.</summary>
    public const string DefaultConnectionString = "Data Source=data/referrals.db";

    /// <summary>The database. Default <see cref="StorageProvider.Sqlite"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The provider's connection string. Default <see cref="DefaultConnectionString"/>.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>The default page cache of each SQLite connection, in KiB (SQLite's own default is 2,000).</summary>
    public const int DefaultSqliteCacheSizeKiB = 512;

    /// <summary>Apply pending migrations at start-up. Default true.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// The most page cache each pooled SQLite connection keeps, in KiB (<c>PRAGMA cache_size</c>, set when a connection
    /// opens; 64–1,048,576). Default <see cref="DefaultSqliteCacheSizeKiB"/>. Every pooled connection fills its own cache
    /// as it reads, so this times the number of pooled connections is native memory the process holds; the operating
    /// system's file cache still holds the database, so a smaller cache costs little on the hot paths
    /// (docs/performance.md, "Bridge memory under load"). Ignored by other providers.
    /// </summary>
    public int SqliteCacheSizeKiB { get; set; } = DefaultSqliteCacheSizeKiB;
}
