using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.Testing.Shopify.FakeAdminApi;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

/// <summary>
/// The fake Admin API on loopback and a client wired as the bridge wires it (<c>AddShopifyAdminApi</c>), with short
/// back-off delays so retry tests take milliseconds. Two shops with tokens.
/// </summary>
internal sealed class AdminApiHarness : IAsyncDisposable
{
    public const string ShopA = "shop-a.myshopify.com";
    public const string ShopB = "shop-b.myshopify.com";
    public const string TokenA = "shpat_token_a";
    public const string TokenB = "shpat_token_b";

    private readonly ServiceProvider _services;

    private AdminApiHarness(FakeShopifyAdminApi fake, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Fake = fake;
        _services = services;
        Logs = logs;
        Tokens = services.GetRequiredService<InMemoryShopifyAccessTokenSource>();
        Tokens.Set(ShopA, TokenA);
        Tokens.Set(ShopB, TokenB);
        Client = services.GetRequiredService<IShopifyAdminClient>();
        Options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ShopifyAdminApiOptions>>().Value;
    }

    public FakeShopifyAdminApi Fake { get; }

    public IShopifyAdminClient Client { get; }

    public InMemoryShopifyAccessTokenSource Tokens { get; }

    public CapturingLoggerProvider Logs { get; }

    public ShopifyAdminApiOptions Options { get; }

    public FakeShop A => Fake.Shop(ShopA);

    public FakeShop B => Fake.Shop(ShopB);

    public static async Task<AdminApiHarness> StartAsync(
        Action<ShopifyAdminApiOptions>? configure = null,
        Action<FakeAdminApiOptions>? configureFake = null,
        TimeProvider? clientTime = null)
    {
        var fakeOptions = new FakeAdminApiOptions { RetryAfter = TimeSpan.FromMilliseconds(200) };
        configureFake?.Invoke(fakeOptions);
        var fake = await FakeShopifyAdminApi.StartAsync(fakeOptions);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        if (clientTime is not null)
        {
            services.AddSingleton(clientTime);
        }

        services.AddShopifyAdminApi(options =>
        {
            options.BaseAddress = fake.BaseAddress;
            options.BaseRetryDelay = TimeSpan.FromMilliseconds(10);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(options);
        });
        return new AdminApiHarness(fake, services.BuildServiceProvider(validateScopes: true), logs);
    }

    public Task<T> ExecuteAsync<T>(IShopifyOperation<T> operation, string shop = ShopA) =>
        Client.ExecuteAsync(shop, operation, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
