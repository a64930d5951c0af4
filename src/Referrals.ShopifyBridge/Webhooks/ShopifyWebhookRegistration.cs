using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Referrals.Core.Messaging;
using Referrals.ShopifyBridge.Configuration;
using Referrals.ShopifyBridge.Webhooks.Handlers;

namespace Referrals.ShopifyBridge.Webhooks;

/// <summary>Wires the webhook endpoint and the inbox handlers; called by the bridge's entry points.</summary>
internal static class ShopifyWebhookRegistration
{
    /// <summary>The webhook endpoint's path.</summary>
    public const string Path = "/shopify/webhooks";

    /// <summary>Options (validated at start-up), the receiver and one inbox handler per topic.</summary>
    public static IServiceCollection AddShopifyWebhooks(this IServiceCollection services, IConfiguration referralsSection)
    {
        services.AddOptions<ShopifyOptions>().Bind(referralsSection.GetSection(ShopifyOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShopifyOptions>, ShopifyOptionsValidator>());
        services.AddProblemDetails();
        services.TryAddSingleton<ConnectedShops>();
        services.TryAddSingleton<ShopifyWebhookReceiver>();

        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboxHandler, OrderPaidHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboxHandler, RefundCreatedHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboxHandler, OrderCancelledHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboxHandler, OrderFulfilledHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboxHandler, CustomerChangedHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboxHandler, AppUninstalledHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboxHandler, CustomerRedactHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboxHandler, ShopRedactHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboxHandler, DataRequestHandler>());
        return services;
    }

    /// <summary>Maps <c>POST /shopify/webhooks</c>. The body is read raw by the receiver: no model binding, nothing re-serialised.</summary>
    public static IEndpointRouteBuilder MapShopifyWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, (HttpContext context, ShopifyWebhookReceiver receiver) => receiver.ReceiveAsync(context))
            .WithName("ShopifyWebhooks");
        return endpoints;
    }
}
