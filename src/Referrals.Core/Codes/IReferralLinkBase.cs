using Referrals.Core.Tenants;

namespace Referrals.Core.Codes;

/// <summary>
/// Where a tenant's referral links point: the address <c>/r/{code}</c> is appended to (<see cref="ReferralLink.Create"/>).
/// The engine's default is <c>Referrals:Links:PublicBaseUrl</c> for every tenant (<see cref="PublicReferralLinkBase"/>);
/// a host replaces it when some tenants share links on an address of their own, such as a Shopify shop's storefront.
/// </summary>
/// <remarks>
/// Only referral links go through this: rating, unsubscribe and opt-out links stay on <c>PublicBaseUrl</c>, the host
/// that answers them. Implementations must be thread-safe and must not call out (they run inside outbox handlers).
/// </remarks>
public interface IReferralLinkBase
{
    /// <summary>The base of <paramref name="tenant"/>'s referral links.</summary>
    /// <param name="tenant">The tenant whose advocate shares the link.</param>
    /// <returns>An absolute http(s) address without query or fragment, or null when no usable base is configured.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tenant"/> is null.</exception>
    Uri? For(Tenant tenant);
}
