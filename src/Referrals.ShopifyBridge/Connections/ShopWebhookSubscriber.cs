using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.AdminApi.Operations;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Webhooks;

namespace Referrals.ShopifyBridge.Connections;

/// <summary>
/// Subscribes a shop to every topic the bridge handles, except the privacy topics (those can only come from the app's
/// configuration, <c>shopify.app.toml</c>), all to <c>POST /shopify/webhooks</c>. Safe to repeat: a subscription
/// Shopify already has ("address for this topic has already been taken") counts as done.
/// </summary>
internal sealed class ShopWebhookSubscriber
{
    private readonly IShopifyAdminClient _admin;
    private readonly ILogger<ShopWebhookSubscriber> _logger;

    public ShopWebhookSubscriber(IShopifyAdminClient admin, ILogger<ShopWebhookSubscriber> logger)
    {
        _admin = admin;
        _logger = logger;
    }

    /// <summary>The topics subscribed through the Admin API, slash form, in a stable order.</summary>
    public static IReadOnlyList<string> Topics { get; } = ShopifyTopics.All.Where(t => !ShopifyTopics.IsCompliance(t)).Order(StringComparer.Ordinal).ToList();

    /// <summary><c>orders/paid</c> → <c>ORDERS_PAID</c>.</summary>
    public static string ToEnum(string topic) => topic.Replace('/', '_').ToUpperInvariant();

    /// <summary>Subscribes <paramref name="shop"/>; returns the topics that failed (empty when all are in place).</summary>
    /// <param name="shop">The shop domain.</param>
    /// <param name="appUrl">The bridge's public base address.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<IReadOnlyList<string>> SubscribeAsync(string shop, Uri appUrl, CancellationToken cancellationToken)
    {
        var address = appUrl.AbsoluteUri.TrimEnd('/') + ShopifyWebhookRegistration.Path;
        var failed = new List<string>();
        foreach (var topic in Topics)
        {
            try
            {
                await _admin.ExecuteAsync(shop, new WebhookSubscriptionCreate(ToEnum(topic), address), cancellationToken);
            }
            catch (ShopifyUserErrorsException ex) when (ex.UserErrors.Any(e => e.Message.Contains("already been taken", StringComparison.OrdinalIgnoreCase)))
            {
                // Subscribed before: nothing to do.
            }
            catch (ShopifyAdminApiException ex)
            {
                _logger.LogWarning("Could not subscribe {Shop} to {Topic}: {Failure}", shop, topic, ex.Message);
                failed.Add(topic);
            }
        }

        return failed;
    }
}
