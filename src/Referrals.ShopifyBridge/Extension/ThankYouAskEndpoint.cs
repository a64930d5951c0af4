using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referrals.Core.Asks;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.AppProxy;
using Referrals.ShopifyBridge.Configuration;

namespace Referrals.ShopifyBridge.Extension;

/// <summary>
/// <c>GET /shopify/extension/ask?order=…</c> for the thank-you page extension (<c>ShopifyApp/extensions/thank-you-ask</c>):
/// authenticated by the session token (<see cref="SessionTokenVerifier"/>), answered with CORS <c>*</c> (the extension
/// runs in a web worker on Shopify's origin and sends no cookies) and <see cref="ThankYouAskResponse"/> as JSON.
/// </summary>
/// <remarks>
/// A session token proves the shop, not the order: when it names the buyer (<c>sub</c>), the order must be theirs;
/// when it does not (guest checkout), only orders placed within <see cref="GuestWindow"/> are answered, the time a
/// thank-you page is shown, so other buyers' links cannot be collected by trying order ids.
/// Rating links are given only for an ask already sent for the order (answers are accepted only for sent asks).
/// </remarks>
public static class ThankYouAskEndpoint
{
    /// <summary>The path.</summary>
    public const string Path = "/shopify/extension/ask";

    /// <summary>How long after an order a guest's thank-you page is answered: 2 hours.</summary>
    public static readonly TimeSpan GuestWindow = TimeSpan.FromHours(2);

    /// <summary>How long the rating links given to the extension work: 14 days, as in e-mails.</summary>
    public static readonly TimeSpan RatingLinkLifetime = AskEmailHandler.RatingLinkLifetime;

    /// <summary>Maps the endpoint and its CORS preflight.</summary>
    public static IEndpointRouteBuilder MapShopifyExtension(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(Path, [HttpMethods.Options], (HttpContext http) =>
        {
            Cors(http.Response);
            http.Response.Headers.AccessControlAllowMethods = "GET, OPTIONS";
            http.Response.Headers.AccessControlAllowHeaders = "Authorization, Content-Type";
            http.Response.Headers.AccessControlMaxAge = "600";
            return Results.NoContent();
        });
        endpoints.MapGet(Path, AskAsync);
        return endpoints;
    }

    private static void Cors(HttpResponse response)
    {
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.Vary = "Origin";
    }

    private static async Task<IResult> AskAsync(string? order, HttpContext http, IOptions<ShopifyOptions> options, ReferralsDbContext db,
        AdvocateCodes codes, IReferralLinkBase referralBase, LinkSigningKey key, TimeProvider clock, ILoggerFactory logs)
    {
        Cors(http.Response);
        http.Response.Headers.CacheControl = "no-store";
        var shopify = options.Value;
        if (string.IsNullOrWhiteSpace(shopify.ClientId) || string.IsNullOrWhiteSpace(shopify.ClientSecret))
        {
            return Results.Problem("The extension endpoint is not configured: set Referrals:Shopify:ClientId and ClientSecret.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var header = http.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var now = clock.GetUtcNow();
        if (string.IsNullOrEmpty(bearer))
        {
            logs.CreateLogger(typeof(ThankYouAskEndpoint)).LogWarning("Extension request refused: no session token");
            return SessionTokenProblems.Missing();
        }

        var outcome = new SessionTokenVerifier(shopify.ClientId, shopify.ClientSecret, shopify.PreviousClientSecret).Verify(bearer, now, out var token);
        if (outcome != SessionTokenOutcome.Valid)
        {
            logs.CreateLogger(typeof(ThankYouAskEndpoint)).LogWarning("Extension request refused: {Outcome}", outcome);
            return SessionTokenProblems.Refused(outcome);
        }

        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Key == token!.Shop && t.State == TenantState.Active, http.RequestAborted);
        if (tenant is null)
        {
            logs.CreateLogger(typeof(ThankYouAskEndpoint)).LogWarning("Extension request refused: shop {Shop} is not connected", token!.Shop);
            return SessionTokenProblems.ShopNotConnected();
        }

        if (!TryOrderId(order, out var orderId))
        {
            return Results.BadRequest(new { error = "Give the order id: ?order=123 or ?order=gid://shopify/Order/123." });
        }

        var known = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.TenantId == tenant.Id && o.ExternalId == orderId, http.RequestAborted);
        if (known?.ContactId is not { } buyerId)
        {
            return Results.Json(new ThankYouAskResponse(orderId, null, null)); // not received yet: the extension may ask again
        }

        var buyerCustomer = await db.ContactExternalIds.AsNoTracking()
            .Where(x => x.TenantId == tenant.Id && x.ContactId == buyerId && x.System == ContactExternalId.Shopify)
            .Select(x => x.Value).FirstOrDefaultAsync(http.RequestAborted);
        var allowed = token!.CustomerId is { } customer
            ? customer == buyerCustomer
            : (known.PlacedAt ?? known.CreatedAt) >= now - GuestWindow;
        if (!allowed)
        {
            return Results.Json(new { error = "This order is not yours to ask about." }, statusCode: StatusCodes.Status403Forbidden);
        }

        var buyer = await db.Contacts.FirstOrDefaultAsync(c => c.Id == buyerId, http.RequestAborted);
        if (buyer is null || buyer.RedactedAt is not null)
        {
            return Results.Json(new ThankYouAskResponse(orderId, null, null));
        }

        var ask = await db.Asks.AsNoTracking()
            .Where(a => a.TenantId == tenant.Id && a.ContactId == buyerId && a.Trigger == AskTrigger.Purchase && a.SourceKey == orderId && a.State == AskState.Sent)
            .FirstOrDefaultAsync(http.RequestAborted);
        var rating = ask is null ? null : new ThankYouRating(
            $"How likely are you to recommend {tenant.DisplayName} to a friend?",
            [.. StorefrontLinks.Ratings(key.CreateRatingSigner(), tenant.Key, tenant.Id, ask.Id, buyerId, now + RatingLinkLifetime).Select(u => u.AbsoluteUri)]);

        var code = await codes.GetOrCreateAsync(db, buyer, http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted); // a new code and its publishing effect, together
        var referral = new ThankYouReferral(code.Display, ReferralLink.Create(referralBase.For(tenant) ?? StorefrontLinks.ProxyBase(tenant.Key), code.Display).AbsoluteUri,
            FriendOfferPhrase.For(tenant.Settings.FriendOffer ?? new FriendOffer(), tenant.Settings.Currency));
        return Results.Json(new ThankYouAskResponse(orderId, rating, referral));
    }

    private static bool TryOrderId(string? value, out string orderId)
    {
        orderId = string.Empty;
        var text = value?.Trim() ?? string.Empty;
        const string Gid = "gid://shopify/Order/";
        if (text.StartsWith(Gid, StringComparison.Ordinal))
        {
            text = text[Gid.Length..];
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        orderId = id.ToString(CultureInfo.InvariantCulture);
        return true;
    }
}
