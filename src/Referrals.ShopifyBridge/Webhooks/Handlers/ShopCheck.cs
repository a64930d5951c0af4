using Referrals.Core.Messaging;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// Only the body is signed, not <c>X-Shopify-Shop-Domain</c>. Where the body names its shop, the two must agree, so a
/// captured body replayed under another shop's header cannot uninstall or erase that shop.
/// </summary>
internal static class ShopCheck
{
    /// <exception cref="PermanentMessageException">The body names a different shop than the header did.</exception>
    public static void ThrowIfOtherShop(string? domainInBody, Tenant tenant, string topic)
    {
        // Samples carry placeholders ("{shop}.myshopify.com") or null; only a real domain can disagree.
        if (ShopDomain.TryNormalize(domainInBody, out var named) && named != tenant.Key)
        {
            throw new PermanentMessageException($"The {topic} body names shop '{named}' but was delivered for '{tenant.Key}'; it was not applied.");
        }
    }

    /// <summary>
    /// For the privacy topics, whose bodies always carry <c>shop_domain</c>: an erasure is not undone, so a body
    /// without it (for example an order's, sent under a privacy topic header) is refused, and one naming another shop too.
    /// </summary>
    /// <exception cref="PermanentMessageException">The body has no <c>shop_domain</c>, or names a different shop.</exception>
    public static void ThrowUnlessPrivacyRequestFor(string? domainInBody, Tenant tenant, string topic)
    {
        if (string.IsNullOrWhiteSpace(domainInBody))
        {
            throw new PermanentMessageException($"The {topic} body has no 'shop_domain', so it is not a privacy request; it was not applied.");
        }

        ThrowIfOtherShop(domainInBody, tenant, topic);
    }
}
