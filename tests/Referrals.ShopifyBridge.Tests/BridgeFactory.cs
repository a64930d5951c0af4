using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Referrals.ShopifyBridge.Tests;

/// <summary>The real bridge on a test server, over its own SQLite file, with extra settings layered on top.</summary>
internal sealed class BridgeFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "referrals-bridge-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public BridgeFactory(Dictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_directory);
        _settings = new Dictionary<string, string?>
        {
            ["Referrals:Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "referrals.db")}",
            ["Referrals:Jobs:RegisterRecurringJobs"] = "false",
        };
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
