using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Referrals.Core;
using Referrals.Core.Codes;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Rewards;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.Advocates;
using Referrals.ShopifyBridge.AppProxy;
using Referrals.ShopifyBridge.Configuration;
using Referrals.ShopifyBridge.Connections;
using Referrals.ShopifyBridge.Rewards;
using Referrals.ShopifyBridge.Webhooks;

namespace Referrals.ShopifyBridge;

/// <summary>The bridge's one entry point for services.</summary>
public static class ShopifyBridgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine (from the <c>Referrals</c> section), the Shopify webhook receiver and its inbox handlers, shop
    /// connections (OAuth install and custom apps; tokens encrypted with Data Protection, key ring in the database),
    /// merchant and operator sign-in (<see cref="Merchants.MerchantAuthorization"/>), the
    /// GraphQL Admin API client
    /// (settings from <c>Referrals:Shopify</c>, validated at start-up; all optional), and Hangfire with the configured
    /// job storage: in-memory by default (the database holds the truth, so nothing is lost on restart), or PostgreSQL
    /// shared by several bridge instances.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static IServiceCollection AddShopifyBridge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ReferralsOptions.SectionName);
        // Registered before the engine's TryAdd of the record-only issuer, so Shopify rewards are paid in the shop.
        services.AddSingleton<IRewardIssuer, ShopifyRewardIssuer>();
        // Likewise before the engine's default: a shop's referral links go through its storefront's app proxy.
        services.AddSingleton<IReferralLinkBase, ShopifyReferralLinkBase>();
        services.AddReferralsCore(section);
        services.AddShopifyWebhooks(section);
        services.AddShopifyConnections();
        // New advocate codes become Shopify discount codes, tags and metafields, through the outbox.
        services.AddSingleton(new AdvocateCodeEffect(AdvocateCodePublisher.OutboxKind));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, AdvocateCodePublisher>());
        services.TryAddSingleton<FirstOrderSegment>();
        services.AddShopifyAppProxy(section);
        services.AddShopifyAdminApi(section.GetSection("Shopify:AdminApi"));
        // One pinned API version for the whole app: Referrals:Shopify:ApiVersion.
        services.AddOptions<ShopifyAdminApiOptions>().PostConfigure(admin =>
        {
            var version = section[$"Shopify:{nameof(ShopifyOptions.ApiVersion)}"];
            if (!string.IsNullOrWhiteSpace(version))
            {
                admin.ApiVersion = version;
            }
        });

        var options = section.Get<ReferralsOptions>() ?? new ReferralsOptions();
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (options.Jobs.Storage == "PostgreSql")
            {
                hangfire.UsePostgreSqlStorage(pg => pg.UseNpgsqlConnection(options.Storage.ConnectionString));
            }
            else
            {
                hangfire.UseInMemoryStorage();
            }
        });
        services.AddHangfireServer(server => server.WorkerCount = Math.Max(1, options.Jobs.Workers));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHostedService<Hosting.NativeHeapTrimmer>();
        return services;
    }
}
