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

    /// <summary>Apply pending migrations at start-up. Default true.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
