using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Merchants;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// Which shop a page may show: a merchant only their own (the shop claim of their sign-in), the operator any. The
/// check runs on the route's <c>{shop}</c> before any query, so a merchant never reads another shop's rows.
/// </summary>
internal static class ShopAccess
{
    /// <summary>Whether <paramref name="user"/> may see <paramref name="shop"/>.</summary>
    public static bool MaySee(ClaimsPrincipal user, string shop) =>
        user.IsInRole(MerchantAuthorization.OperatorRole)
        || string.Equals(user.FindFirstValue(MerchantAuthorization.ShopClaim), shop, StringComparison.OrdinalIgnoreCase);

    /// <summary>The shop's tenant when <paramref name="context"/>'s user may see it; otherwise a null tenant and the page that says why.</summary>
    public static async Task<(Tenant? Tenant, IResult? Refusal)> FindAsync(HttpContext context, ReferralsDbContext db, string shop, CancellationToken cancellationToken)
    {
        if (!MaySee(context.User, shop))
        {
            // The same answer whether or not the shop exists: a merchant learns nothing about other shops.
            return (null, BridgePage.Error("Not your shop", "You are signed in for another shop. Open the app from this shop's Shopify admin.", StatusCodes.Status403Forbidden));
        }

        var key = shop.ToLowerInvariant();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
        return tenant is null
            ? (null, BridgePage.Error("Unknown shop", $"No shop {shop} is connected.", StatusCodes.Status404NotFound))
            : (tenant, null);
    }

    /// <summary>Checks the antiforgery token of a POST; null when valid, otherwise the page to answer with.</summary>
    public static async Task<IResult?> CheckFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        return await antiforgery.IsRequestValidAsync(context)
            ? null
            : BridgePage.Error("Form expired", "The form expired or did not come from this site. Open the page again and repeat.", StatusCodes.Status400BadRequest);
    }

    /// <summary>The hidden antiforgery field for a POST form on this response.</summary>
    public static string TokenField(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{BridgePage.E(tokens.FormFieldName)}\" value=\"{BridgePage.E(tokens.RequestToken)}\">";
    }

    /// <summary>The links between a shop's pages, with <paramref name="current"/> marked.</summary>
    public static string Navigation(string shop, string current)
    {
        var links = new (string Path, string Label)[]
        {
            ("/", "Home"),
            (ShopPages.PathFor(shop, ShopPages.Status), "Status"),
            (ShopPages.PathFor(shop, ShopPages.Settings), "Settings"),
            (ShopPages.PathFor(shop, ShopPages.Review), "Review"),
            (ShopPages.PathFor(shop, ShopPages.Rewards), "Rewards"),
            (ShopPages.PathFor(shop, ShopPages.Introductions), "Introductions"),
            (ShopPages.PathFor(shop, ShopPages.Insights), "Insights"),
        };
        return "<nav>" + string.Concat(links.Select(l => l.Label == current
            ? $"<a href=\"{BridgePage.E(l.Path)}\" aria-current=\"page\">{BridgePage.E(l.Label)}</a>"
            : $"<a href=\"{BridgePage.E(l.Path)}\">{BridgePage.E(l.Label)}</a>")) + $"</nav><p class=\"shop\">{BridgePage.E(shop)}</p>";
    }
}
