using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>Registers the app-proxy pages' services.</summary>
public static class AppProxyRegistration
{
    /// <summary>Binds <see cref="AppProxyOptions"/> from <c>Referrals:Shopify:AppProxy</c> (validated at start-up) and adds the rate limiter.</summary>
    /// <param name="services">The services.</param>
    /// <param name="referralsSection">The <c>Referrals</c> configuration section.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddShopifyAppProxy(this IServiceCollection services, IConfiguration referralsSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(referralsSection);
        services.AddOptions<AppProxyOptions>().Bind(referralsSection.GetSection("Shopify:AppProxy")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AppProxyOptions>, AppProxyOptionsValidator>());
        services.TryAddSingleton<AppProxyRateLimiter>();
        return services;
    }
}
