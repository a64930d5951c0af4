using Referrals.Core.Codes;
using Referrals.Core.Tenants;
using LinkOptions = Referrals.Core.Configuration.LinkOptions;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// The bridge's <see cref="IReferralLinkBase"/>: a Shopify shop's referral links go through its storefront's app proxy
/// (<c>https://{shop}/apps/referrals</c>, so <c>/r/{code}</c> lands on <see cref="AppProxyEndpoints"/> and the shop's
/// <c>/discount/{code}</c>); shops without an app proxy (connected as a custom app, <see cref="Tenant.HasStorefrontProxy"/>
/// false) and other tenants keep <c>Referrals:Links:PublicBaseUrl</c>, whose <c>/r/{code}</c> is <see cref="ReferralLinkRedirect"/>.
/// </summary>
/// <remarks>Pure and thread-safe; the tenant's key is its validated myshopify domain.</remarks>
public sealed class ShopifyReferralLinkBase : IReferralLinkBase
{
    private readonly PublicReferralLinkBase _fallback;

    /// <summary>Creates the base from the link options (for tenants that are not shops).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="links"/> is null.</exception>
    public ShopifyReferralLinkBase(LinkOptions links)
    {
        _fallback = new PublicReferralLinkBase(links);
    }

    /// <inheritdoc />
    /// <returns><c>https://{shop}/apps/referrals</c> for a Shopify shop with an app proxy; else <c>PublicBaseUrl</c>, or null when that is unusable.</returns>
    public Uri? For(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Kind == TenantKind.ShopifyShop && tenant.HasStorefrontProxy ? StorefrontLinks.ProxyBase(tenant.Key) : _fallback.For(tenant);
    }
}
