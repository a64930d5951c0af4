using System.Globalization;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using Referrals.Testing.Processes;
using Referrals.Testing.Shopify.Sandbox;

namespace Referrals.ShopifyBridge.Tests.Faults;

/// <summary>
/// One bridge instance of a fault run: <see cref="FaultBridgeHost"/> as a child process on its own loopback port, over
/// the run's database, paying through the sandbox store. <see cref="KillAsync"/> is a SIGKILL; <see cref="StartAsync"/>
/// starts it again on the same port and database.
/// </summary>
internal sealed class FaultBridge : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private readonly TestDatabase _database;
    private readonly SandboxStore _store;
    private readonly string _directory;
    private readonly string _seedFile;
    private readonly string _jobStorage;
    private ChildBridgeProcess? _process;

    public FaultBridge(TestDatabase database, SandboxStore store, string directory, string seedFile, string jobStorage)
    {
        _database = database;
        _store = store;
        _directory = directory;
        _seedFile = seedFile;
        _jobStorage = jobStorage;
        Address = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/");
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

    /// <summary>A client for the bridge's address (it stays the same across restarts).</summary>
    public HttpClient Client { get; }

    public int Starts { get; private set; }

    public int Kills { get; private set; }

    /// <summary>The last output of the current (or last) process, for failure messages.</summary>
    public string OutputTail => _process is null ? "(not started)" : string.Join('\n', _process.OutputTail.TakeLast(40));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The bridge is running; kill it first.");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = await ChildBridgeProcess.StartAsync(typeof(FaultBridgeHost).Assembly.Location, Arguments(), Address, StartLimit, cancellationToken);
        Starts++;
    }

    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            Kills++;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private List<string> Arguments()
    {
        var provider = _database.Provider == StorageProvider.Sqlite ? "Sqlite" : "PostgreSql";
        var settings = new Dictionary<string, string>
        {
            ["urls"] = Address.ToString().TrimEnd('/'),
            ["contentRoot"] = _directory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
            ["Referrals:Storage:Provider"] = provider,
            ["Referrals:Storage:ConnectionString"] = _database.Storage.ConnectionString,
            ["Referrals:Storage:MigrateOnStartup"] = "false",
            ["Referrals:Jobs:Storage"] = _jobStorage,
            ["Referrals:Jobs:RegisterRecurringJobs"] = "false",
            // The shortest lease the options allow: rows a killed process held are taken again 10 s later.
            ["Referrals:Jobs:LeaseSeconds"] = "10",
            ["Referrals:Jobs:BatchSize"] = "20",
            ["Referrals:Email:Mode"] = "Pickup",
            ["Referrals:Email:PickupDirectory"] = Path.Combine(_directory, "mail-pickup"),
            ["Referrals:Email:From:Address"] = "referrals@fault-goods.example",
            ["Referrals:Links:PublicBaseUrl"] = Address.ToString().TrimEnd('/'),
            ["Referrals:Links:KeyFile"] = Path.Combine(_directory, "link-signing.key"),
            ["Referrals:Shopify:ClientSecret"] = _store.Secret,
            ["Referrals:Shopify:AdminApi:BaseAddress"] = _store.AdminApiAddress.ToString(),
            // Short waits so the faults cost seconds, not minutes; the attempt logic is the production one.
            ["Referrals:Shopify:AdminApi:AttemptTimeout"] = "00:00:02",
            ["Referrals:Shopify:AdminApi:BaseRetryDelay"] = "00:00:00.050",
            ["Referrals:Shopify:AdminApi:MaxRetryDelay"] = "00:00:00.500",
            ["FaultHost:Shop"] = _store.Domain,
            ["FaultHost:AccessToken"] = _store.AccessToken,
            ["FaultHost:SeedFile"] = _seedFile,
        };
        return [FaultBridgeHost.Command, .. settings.Select(s => string.Create(CultureInfo.InvariantCulture, $"--{s.Key}={s.Value}"))];
    }
}
