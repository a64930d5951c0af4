using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>Registers the Shopify Admin API client.</summary>
public static class ShopifyAdminApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IShopifyAdminClient"/> with options bound from <paramref name="section"/> (usually
    /// <c>Referrals:Shopify:AdminApi</c>) and validated at start-up.
    /// </summary>
    public static IServiceCollection AddShopifyAdminApi(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<ShopifyAdminApiOptions>().Bind(section);
        return services.AddShopifyAdminApi();
    }

    /// <summary>
    /// Adds <see cref="IShopifyAdminClient"/> (singleton, thread-safe, one cost bucket per shop), its named
    /// <see cref="HttpClient"/>, options validated at start-up, <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is registered, and an <see cref="InMemoryShopifyAccessTokenSource"/> as the
    /// <see cref="IShopifyAccessTokenSource"/> unless one is registered before this call.
    /// </summary>
    public static IServiceCollection AddShopifyAdminApi(this IServiceCollection services, Action<ShopifyAdminApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ShopifyAdminApiOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShopifyAdminApiOptions>, ShopifyAdminApiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemoryShopifyAccessTokenSource>();
        services.TryAddSingleton<IShopifyAccessTokenSource>(sp => sp.GetRequiredService<InMemoryShopifyAccessTokenSource>());
        services.TryAddSingleton<ShopifyThrottle>();
        services.AddHttpClient(ShopifyAdminClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<IShopifyAdminClient, ShopifyAdminClient>();
        return services;
    }
}
