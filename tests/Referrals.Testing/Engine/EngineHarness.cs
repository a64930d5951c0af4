using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referrals.Core;
using Referrals.Core.Configuration;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;

namespace Referrals.Testing.Engine;

/// <summary>
/// The engine wired as a host wires it (<c>AddReferralsCore</c>) over a fresh test database, with a fake clock and a
/// recording reward issuer. One per test.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    /// <summary>A fixed start time, so tests read like a calendar.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private EngineHarness(TestDatabase database, ServiceProvider services, FakeTimeProvider clock, RecordingRewardIssuer issuer)
    {
        Database = database;
        Services = services;
        Clock = clock;
        Issuer = issuer;
    }

    /// <summary>The database.</summary>
    public TestDatabase Database { get; }

    /// <summary>The engine's services.</summary>
    public ServiceProvider Services { get; }

    /// <summary>The engine's clock.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The reward issuer the engine calls.</summary>
    public RecordingRewardIssuer Issuer { get; }

    /// <summary>Creates the engine over a new <paramref name="provider"/> database.</summary>
    /// <param name="provider">The database to run on.</param>
    /// <param name="configure">Option changes.</param>
    /// <param name="services">Extra services, for example inbox handlers, added before the engine's defaults.</param>
    /// <param name="cancellationToken">Cancels database creation.</param>
    public static async Task<EngineHarness> CreateAsync(StorageProvider provider, Action<ReferralsOptions>? configure = null,
        Action<IServiceCollection>? services = null, CancellationToken cancellationToken = default)
    {
        var database = await TestDatabase.CreateAsync(provider, cancellationToken);
        var clock = new FakeTimeProvider(Start);
        var issuer = new RecordingRewardIssuer();
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var provided = collection
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IRewardIssuer>(issuer)
            .AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new InMemoryStorage()))
            .AddReferralsCore(new ConfigurationBuilder().Build(), options =>
            {
                options.Storage.Provider = database.Storage.Provider;
                options.Storage.ConnectionString = database.Storage.ConnectionString;
                configure?.Invoke(options);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new EngineHarness(database, provided, clock, issuer);
    }

    /// <summary>Runs <paramref name="work"/> in a new scope with its own context, as a request or job would.</summary>
    public async Task<T> RunAsync<T>(Func<ReferralsDbContext, IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ReferralsDbContext>(), scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="work"/> in a new scope.</summary>
    public Task RunAsync(Func<ReferralsDbContext, IServiceProvider, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(async (db, sp) =>
        {
            await work(db, sp);
            return true;
        });
    }

    /// <summary>Creates a tenant (a shop) with default settings changed by <paramref name="configure"/>.</summary>
    public Task<Tenant> CreateTenantAsync(string key = "acme.myshopify.com", Action<ProgramSettings>? configure = null) =>
        RunAsync(async (db, sp) =>
        {
            var tenant = await sp.GetRequiredService<TenantDirectory>().GetOrCreateAsync(db, key, TenantKind.ShopifyShop, "Acme", CancellationToken.None);
            if (configure is not null)
            {
                var settings = tenant.Settings;
                configure(settings);
                await TenantDirectory.UpdateSettingsAsync(db, tenant, settings, CancellationToken.None);
            }

            return tenant;
        });

    /// <summary>Creates an advocate contact with a code.</summary>
    public Task<(Contact Advocate, ReferralCode Code)> CreateAdvocateAsync(Tenant tenant, string email, string firstName = "Anna", CustomerInfo? extra = null) =>
        RunAsync(async (db, sp) =>
        {
            var customer = (extra ?? new CustomerInfo()) with { Email = email, FirstName = firstName };
            var advocate = await sp.GetRequiredService<ContactDirectory>().UpsertAsync(db, tenant.Id, customer, ContactKind.Client, CancellationToken.None);
            var code = await sp.GetRequiredService<AdvocateCodes>().GetOrCreateAsync(db, advocate, CancellationToken.None);
            await db.SaveChangesAsync();
            return (advocate, code);
        });

    /// <summary>Processes a paid order.</summary>
    public Task<OrderOutcome> PayAsync(Tenant tenant, PaidOrder order) =>
        RunAsync((db, sp) => sp.GetRequiredService<OrderEventProcessor>().ProcessPaidAsync(db, Fresh(db, tenant), order, CancellationToken.None));

    /// <summary>Processes a refund.</summary>
    public Task RefundAsync(Tenant tenant, OrderRefunded refund) =>
        RunAsync((db, sp) => sp.GetRequiredService<OrderEventProcessor>().ProcessRefundAsync(db, Fresh(db, tenant), refund, CancellationToken.None));

    /// <summary>Processes a cancellation.</summary>
    public Task CancelAsync(Tenant tenant, OrderCancelled cancelled) =>
        RunAsync((db, sp) => sp.GetRequiredService<OrderEventProcessor>().ProcessCancelledAsync(db, Fresh(db, tenant), cancelled, CancellationToken.None));

    /// <summary>Processes a fulfilment.</summary>
    public Task FulfilAsync(Tenant tenant, OrderFulfilled fulfilled) =>
        RunAsync((db, sp) => sp.GetRequiredService<OrderEventProcessor>().ProcessFulfilledAsync(db, Fresh(db, tenant), fulfilled, CancellationToken.None));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    // Each scope has its own context: attach the tenant read elsewhere so its settings are current.
    private static Tenant Fresh(ReferralsDbContext db, Tenant tenant) => db.Tenants.Find(tenant.Id) ?? throw new InvalidOperationException("Tenant missing.");
}
