using Microsoft.Extensions.Configuration;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;
using Umbraco.Cms.Core;
using Umbraco.Extensions;

namespace Referrals.Umbraco.Configuration;

/// <summary>
/// Puts the engine's tables into Umbraco's own database (<c>ConnectionStrings:umbracoDbDSN</c>), unless
/// <c>Referrals:Storage:Provider</c> or <c>Referrals:Storage:ConnectionString</c> is set, which wins.
/// </summary>
public static class UmbracoStorage
{
    /// <summary>
    /// Applies Umbraco's connection to <paramref name="storage"/>: provider <c>Microsoft.Data.Sqlite</c> (or a
    /// <c>.sqlite.db</c> file when the provider name is missing) → SQLite, <c>Microsoft.Data.SqlClient</c> → SQL Server.
    /// Leaves <paramref name="storage"/> as it is when the site has no connection string yet (before install).
    /// </summary>
    /// <param name="configuration">The site's configuration root.</param>
    /// <param name="storage">The engine's storage options, already bound from <c>Referrals:Storage</c>.</param>
    /// <returns>True when Umbraco's connection was applied.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool Apply(IConfiguration configuration, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        var explicitStorage = configuration.GetSection($"{ReferralsOptions.SectionName}:Storage");
        if (!string.IsNullOrWhiteSpace(explicitStorage[nameof(StorageOptions.Provider)])
            || !string.IsNullOrWhiteSpace(explicitStorage[nameof(StorageOptions.ConnectionString)]))
        {
            return false;
        }

        var connectionString = configuration.GetUmbracoConnectionString(out var providerName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        storage.Provider = ProviderFor(providerName, connectionString);
        storage.ConnectionString = connectionString;
        return true;
    }

    /// <summary>The engine provider for Umbraco's provider name and connection string.</summary>
    internal static StorageProvider ProviderFor(string? providerName, string connectionString)
    {
        if (string.Equals(providerName, Constants.ProviderNames.SQLLite, StringComparison.OrdinalIgnoreCase))
        {
            return StorageProvider.Sqlite;
        }

        if (string.Equals(providerName, Constants.ProviderNames.SQLServer, StringComparison.OrdinalIgnoreCase))
        {
            return StorageProvider.SqlServer;
        }

        // Umbraco infers SQLite from the file name when the provider name is missing; do the same.
        return connectionString.Contains(".sqlite.db", StringComparison.OrdinalIgnoreCase) ? StorageProvider.Sqlite : StorageProvider.SqlServer;
    }
}
