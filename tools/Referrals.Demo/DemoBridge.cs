using System.Net;
using System.Net.Sockets;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.Hosting;
using Referrals.Testing.Shopify.Sandbox;

namespace Referrals.Demo;

/// <summary>
/// The real bridge (the same <c>AddShopifyBridge</c>/<c>UseShopifyBridge</c> as its <c>Program</c>) on Kestrel at a free
/// loopback port, over a fresh SQLite file and pickup directory in a temporary folder, with the
/// <see cref="ShiftableClock"/> as its <see cref="TimeProvider"/>, its Admin API pointed at the sandbox store, and jobs run
/// only when the story calls them. Deletes its folder when disposed.
/// </summary>
internal sealed class DemoBridge : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoBridge(WebApplication app, string directory, Uri address, ShiftableClock clock, DeferredJobClient jobs)
    {
        _app = app;
        Directory = directory;
        Address = address;
        Clock = clock;
        Jobs = jobs;
        Client = new HttpClient { BaseAddress = address };
    }

    /// <summary>The temporary folder (database, pickup directory, link key).</summary>
    public string Directory { get; }

    /// <summary>Where the bridge listens, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The SQLite database file.</summary>
    public string DatabaseFile => Path.Combine(Directory, "referrals.db");

    /// <summary>The e-mail pickup directory.</summary>
    public string PickupDirectory => Path.Combine(Directory, "mail-pickup");

    public ShiftableClock Clock { get; }

    public DeferredJobClient Jobs { get; }

    /// <summary>A client for the bridge's own address.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the bridge for <paramref name="store"/>: webhooks signed with its secret, Admin API calls to it.</summary>
    public static async Task<DemoBridge> StartAsync(SandboxStore store, ShiftableClock clock, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "referrals-demo-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var builder = BridgeHostBuilder.Create(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls(address.ToString());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Referrals:Storage:Provider"] = "Sqlite",
            ["Referrals:Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "referrals.db")}",
            ["Referrals:Storage:MigrateOnStartup"] = "true",
            ["Referrals:Jobs:RegisterRecurringJobs"] = "false",
            ["Referrals:Email:Mode"] = "Pickup",
            ["Referrals:Email:PickupDirectory"] = Path.Combine(directory, "mail-pickup"),
            ["Referrals:Email:From:Address"] = "referrals@sandbox-goods.example",
            ["Referrals:Email:From:DisplayName"] = "Sandbox Goods",
            ["Referrals:Links:PublicBaseUrl"] = address.ToString().TrimEnd('/'),
            ["Referrals:Links:KeyFile"] = Path.Combine(directory, "link-signing.key"),
            ["Referrals:Shopify:ClientSecret"] = store.Secret,
            ["Referrals:Shopify:AdminApi:BaseAddress"] = store.AdminApiAddress.ToString(),
        });
        builder.Services.AddShopifyBridge(builder.Configuration);
        // After the bridge's own registrations, so these win: the story's clock, and jobs run by the story.
        var jobs = new DeferredJobClient();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IBackgroundJobClient>(jobs);
        var app = builder.Build();
        app.UseShopifyBridge();
        await app.StartAsync(cancellationToken);
        return new DemoBridge(app, directory, address, clock, jobs);
    }

    /// <summary>
    /// Connects the store the way a custom-app install does today: a tenant keyed by the shop domain with the program
    /// settings, and the shop's Admin API access token.
    /// </summary>
    public async Task<Tenant> ConnectShopAsync(SandboxStore store, string displayName, Action<ProgramSettings> settings, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().GetOrCreateAsync(db, store.Domain, TenantKind.ShopifyShop, displayName, cancellationToken);
        var program = tenant.Settings;
        settings(program);
        await TenantDirectory.UpdateSettingsAsync(db, tenant, program, cancellationToken);
        Services.GetRequiredService<InMemoryShopifyAccessTokenSource>().Set(store.Domain, store.AccessToken);
        return tenant;
    }

    /// <summary>Runs the inbox drain job once.</summary>
    public Task<Core.Messaging.DrainResult> DrainInboxAsync(CancellationToken cancellationToken) => RunJobAsync<DrainInboxJob, Core.Messaging.DrainResult>(j => j.RunAsync(cancellationToken));

    /// <summary>Runs the due-asks dispatch job once.</summary>
    public Task<int> DispatchDueAsksAsync(CancellationToken cancellationToken) => RunJobAsync<DispatchDueAsksJob, int>(j => j.RunAsync(cancellationToken));

    /// <summary>Runs the reward maturation job once.</summary>
    public Task<int> MatureRewardsAsync(CancellationToken cancellationToken) => RunJobAsync<MatureRewardsJob, int>(j => j.RunAsync(cancellationToken));

    /// <summary>Runs the outbox job once.</summary>
    public Task<Core.Messaging.DrainResult> ProcessOutboxAsync(CancellationToken cancellationToken) => RunJobAsync<ProcessOutboxJob, Core.Messaging.DrainResult>(j => j.RunAsync(cancellationToken));

    /// <summary>Reads the database through a fresh context.</summary>
    public async Task<T> QueryAsync<T>(Func<ReferralsDbContext, Task<T>> query)
    {
        await using var db = Services.GetRequiredService<ReferralsDbContextFactory>().CreateDbContext();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    // Jobs are resolved in a scope of their own, as Hangfire's activator does.
    private async Task<TResult> RunJobAsync<TJob, TResult>(Func<TJob, Task<TResult>> run)
        where TJob : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
