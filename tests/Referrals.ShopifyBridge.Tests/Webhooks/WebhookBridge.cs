using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Webhooks;

/// <summary>
/// The real bridge (test server) configured for webhooks over a fresh test database, with a fake clock, a recording job
/// client (drains run when a test calls <see cref="DrainAsync"/>) and captured logs. One per test.
/// </summary>
internal sealed class WebhookBridge : IAsyncDisposable
{
    public const string Shop = "acme.myshopify.com";
    public const string Secret = ShopifyWebhookSigner.FixtureSecret;
    public const string PreviousSecret = "hush-before-rotation";

    /// <summary>Ten minutes after the synthetic order was placed (2026-11-20T15:15Z).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 25, 0, TimeSpan.Zero);

    private WebhookBridge(TestDatabase database, BridgeFactory factory, FakeTimeProvider clock, RecordingJobClient jobs, CapturingLoggerProvider logs, bool kestrel)
    {
        Database = database;
        Factory = factory;
        Clock = clock;
        Jobs = jobs;
        Logs = logs;
        if (kestrel)
        {
            factory.UseKestrel(0);
            factory.StartServer();
        }

        Client = factory.CreateClient();
    }

    public TestDatabase Database { get; }

    public BridgeFactory Factory { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingJobClient Jobs { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => Factory.Services;

    /// <param name="provider">The database to run on.</param>
    /// <param name="settings">Settings on top of the webhook defaults (secret, previous secret, logging).</param>
    /// <param name="realJobs">Keep Hangfire's own client, so enqueued drains really run.</param>
    /// <param name="kestrel">Serve on Kestrel on a loopback port instead of the in-memory test server.</param>
    public static async Task<WebhookBridge> StartAsync(StorageProvider provider = StorageProvider.Sqlite, Dictionary<string, string?>? settings = null,
        bool realJobs = false, bool kestrel = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var jobs = new RecordingJobClient();
        var logs = new CapturingLoggerProvider();
        var all = new Dictionary<string, string?>
        {
            ["Referrals:Shopify:ClientSecret"] = Secret,
            ["Referrals:Shopify:PreviousClientSecret"] = PreviousSecret,
            ["Logging:LogLevel:Referrals"] = "Trace",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var factory = new BridgeFactory(all, database, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<ILoggerProvider>(logs);
            if (!realJobs)
            {
                services.AddSingleton<IBackgroundJobClient>(jobs);
            }
        });
        return new WebhookBridge(database, factory, clock, jobs, logs, kestrel);
    }

    public async Task<HttpResponseMessage> SendAsync(ShopifyWebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var request = delivery.ToRequest();
        return await Client.SendAsync(request);
    }

    /// <summary>A signed delivery to the connected shop.</summary>
    public static ShopifyWebhookDelivery Delivery(string topic, byte[] body, string shop = Shop) => new(topic, shop, body);

    public Task<DrainResult> DrainAsync() => Services.GetRequiredService<InboxProcessor>().RunAsync();

    public async Task<T> QueryAsync<T>(Func<ReferralsDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = Database.CreateDbContext();
        return await query(db);
    }

    /// <summary>Connects a shop: a tenant with a 10 EUR advocate reward held 30 days.</summary>
    public async Task<Tenant> ConnectShopAsync(string shop = Shop)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().GetOrCreateAsync(db, shop, TenantKind.ShopifyShop, "Acme", CancellationToken.None);
        var settings = tenant.Settings;
        settings.Currency = "EUR";
        settings.AdvocateReward.FixedAmount = 10m;
        settings.HoldDays = 30;
        await TenantDirectory.UpdateSettingsAsync(db, tenant, settings, CancellationToken.None);
        return tenant;
    }

    /// <summary>An advocate contact with the given code (as printed on a card or set up as a Shopify discount code).</summary>
    public async Task<Contact> CreateAdvocateAsync(Tenant tenant, string email, string code)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var advocate = await scope.ServiceProvider.GetRequiredService<ContactDirectory>()
            .UpsertAsync(db, tenant.Id, new CustomerInfo { Email = email, FirstName = "Alice", ExternalId = "gid://shopify/Customer/42" }, ContactKind.Client, CancellationToken.None);
        db.ReferralCodes.Add(new ReferralCode(tenant.Id, advocate.Id, code, ReferralCodeKey.Create(code), Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return advocate;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
