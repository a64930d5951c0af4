using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Testing.Databases;

namespace Referrals.ShopifyBridge.Tests;

/// <summary>
/// The real bridge on a test server, over its own SQLite file or a given test database (SQLite or PostgreSQL, already
/// migrated), with extra settings layered on top and services replaced after the app's own.
/// </summary>
internal sealed class BridgeFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "referrals-bridge-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BridgeFactory(Dictionary<string, string?>? settings = null, TestDatabase? database = null, Action<IServiceCollection>? services = null)
    {
        Directory.CreateDirectory(_directory);
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Referrals:Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "referrals.db")}",
            ["Referrals:Jobs:RegisterRecurringJobs"] = "false",
        };
        if (database is not null)
        {
            _settings["Referrals:Storage:Provider"] = database.Storage.Provider.ToString();
            _settings["Referrals:Storage:ConnectionString"] = database.Storage.ConnectionString;
            _settings["Referrals:Storage:MigrateOnStartup"] = "false";
        }

        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string DatabaseFile => Path.Combine(_directory, "referrals.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
