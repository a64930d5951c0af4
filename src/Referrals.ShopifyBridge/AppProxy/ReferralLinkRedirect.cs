using Microsoft.EntityFrameworkCore;
using Referrals.Core.Codes;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// <c>GET /r/{code}</c> on the bridge itself: links shared before referral links moved to the shop's storefront
/// (<c>{PublicBaseUrl}/r/{code}</c>) are sent on, 302, to the code's storefront link
/// (<c>https://{shop}/apps/referrals/r/{code}</c>), which records the visit and applies the friend's discount. A shop
/// without an app proxy (connected as a custom app) has its links here for good: they go, 302, straight to the shop's
/// <c>https://{shop}/discount/{code}?redirect=%2F</c>, which applies the friend's discount (the order's discount code
/// then attributes it).
/// </summary>
/// <remarks>
/// Public and read-only: it reveals only which shop a valid code belongs to, which the storefront link it redirects to
/// shows anyway. An unknown or inactive code, a code of a shop that is not active, or a code that several connected
/// shops share (the bridge cannot tell which was meant) gets 404 with a short page.
/// </remarks>
public static class ReferralLinkRedirect
{
    /// <summary>Maps <c>GET /r/{code}</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is null.</exception>
    public static IEndpointRouteBuilder MapReferralLinkRedirect(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/" + ReferralLink.PathSegment + "/{code}", RedirectAsync);
        return endpoints;
    }

    private static async Task<IResult> RedirectAsync(string code, HttpContext http, ReferralsDbContext db, IReferralLinkBase referralBase)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!ReferralCodeKey.TryCreate(code, out var key))
        {
            return NotFound();
        }

        var found = await db.ReferralCodes.AsNoTracking()
            .Where(c => c.LookupKey == key && c.IsActive)
            .Join(db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.ShopifyShop && t.State == TenantState.Active),
                c => c.TenantId, t => t.Id, (c, t) => new { c.Display, Tenant = t })
            .Take(2).ToListAsync(http.RequestAborted);
        if (found.Count != 1)
        {
            return NotFound();
        }

        var tenant = found[0].Tenant;
        if (!tenant.HasStorefrontProxy)
        {
            // This bridge is the shop's link base: sending the friend to the link base again would loop.
            return Results.Redirect(StorefrontLinks.Discount(tenant.Key, found[0].Display).AbsoluteUri);
        }

        if (referralBase.For(tenant) is not { } linkBase)
        {
            return NotFound();
        }

        return Results.Redirect(ReferralLink.Create(linkBase, found[0].Display).AbsoluteUri);
    }

    private static IResult NotFound() => Results.Text(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Link not found</title>"
        + "<p>This referral link is not (or no longer) valid. Ask the person who shared it for a new one.</p></html>",
        "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status404NotFound);
}
