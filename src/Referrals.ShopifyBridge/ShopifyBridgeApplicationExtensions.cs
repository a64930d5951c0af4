using Hangfire;
using Referrals.Core.Configuration;
using Referrals.Core.Jobs;
using Referrals.ShopifyBridge.AppProxy;
using Referrals.ShopifyBridge.Extension;
using Referrals.ShopifyBridge.Webhooks;

namespace Referrals.ShopifyBridge;

/// <summary>The bridge's one entry point for the request pipeline.</summary>
public static class ShopifyBridgeApplicationExtensions
{
    /// <summary>
    /// Maps the status page, <c>/healthz</c> <c>POST /shopify/webhooks</c> the app proxy under <c>/shopify/proxy</c> and the thank-you extension's <c>/shopify/extension/ask</c>, and registers the engine's recurring jobs.
    /// </summary>
    public static WebApplication UseShopifyBridge(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<ReferralsOptions>().Jobs.RegisterRecurringJobs)
        {
            ReferralsRecurringJobs.AddOrUpdate(app.Services.GetRequiredService<IRecurringJobManager>());
        }

        app.MapHealthChecks("/healthz");
        app.MapGet("/", StatusPage.RenderAsync);
        app.MapShopifyWebhooks();
        app.MapShopifyAppProxy();
        app.MapShopifyExtension();
        return app;
    }
}
