using Hangfire;
using Referrals.Core.Configuration;
using Referrals.Core.Jobs;
using Referrals.ShopifyBridge.AppProxy;
using Referrals.ShopifyBridge.Asking;
using Referrals.ShopifyBridge.Connections;
using Referrals.ShopifyBridge.Extension;
using Referrals.ShopifyBridge.Merchants;
using Referrals.ShopifyBridge.OAuth;
using Referrals.ShopifyBridge.Pages;
using Referrals.ShopifyBridge.Webhooks;

namespace Referrals.ShopifyBridge;

/// <summary>The bridge's one entry point for the request pipeline.</summary>
public static class ShopifyBridgeApplicationExtensions
{
    /// <summary>Where the Hangfire dashboard is mapped (operator only).</summary>
    public const string HangfireDashboardPath = "/hangfire";

    /// <summary>
    /// Maps the status page (merchants and the operator only), <c>/healthz</c>, <c>POST /shopify/webhooks</c>, the install
    /// (<c>/shopify/install</c>, <c>/shopify/callback</c>), the custom-app form (<c>/shopify/connect</c>, operator only) and
    /// <c>/login</c>, the app proxy under <c>/shopify/proxy</c> and <c>/r/{code}</c> (to the shop's proxy link), the thank-you extension's <c>/shopify/extension/ask</c>,
    /// the rating and unsubscribe pages of ask e-mails (<c>/rate/{token}</c>, <c>/unsubscribe/{token}</c>), the merchant
    /// pages under <c>/shops/{shop}</c> and the Hangfire dashboard (operator only), and registers the engine's recurring jobs.
    /// </summary>
    public static WebApplication UseShopifyBridge(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<ReferralsOptions>().Jobs.RegisterRecurringJobs)
        {
            ReferralsRecurringJobs.AddOrUpdate(app.Services.GetRequiredService<IRecurringJobManager>());
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz");
        app.MapGet("/", StatusPage.RenderAsync).RequireAuthorization(MerchantAuthorization.PolicyName);
        app.MapShopifyWebhooks();
        app.MapAskingEndpoints();
        app.MapShopifyOAuth();
        app.MapMerchantEndpoints();
        app.MapCustomAppConnect();
        app.MapShopifyAppProxy();
        app.MapReferralLinkRedirect();
        app.MapShopifyExtension();
        app.MapShopPages();
        // Operator only: the dashboard shows and retries every shop's jobs. Hangfire's own filters are emptied because
        // its default (local requests only) would lock the operator out behind a proxy and let anyone on the box in.
        app.MapHangfireDashboard(HangfireDashboardPath, new DashboardOptions { Authorization = [], AsyncAuthorization = [], DisplayStorageConnectionString = false })
            .RequireAuthorization(MerchantAuthorization.OperatorPolicyName);
        return app;
    }
}
