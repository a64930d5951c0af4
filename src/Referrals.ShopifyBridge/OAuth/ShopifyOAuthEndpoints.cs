using System.Globalization;
using Microsoft.Extensions.Options;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Configuration;
using Referrals.ShopifyBridge.Connections;
using Referrals.ShopifyBridge.Merchants;
using Referrals.ShopifyBridge.Shopify;
using static Referrals.ShopifyBridge.Pages.BridgePage;

namespace Referrals.ShopifyBridge.OAuth;

/// <summary>
/// The authorization-code install: <c>GET /shopify/install?shop=…</c> sends the merchant to Shopify's consent page;
/// <c>GET /shopify/callback</c> checks what Shopify sends back (shop domain, query HMAC with the current or previous
/// secret, timestamp within <see cref="TimestampTolerance"/>, state equal to the cookie's nonce), exchanges the code
/// for an expiring offline token, checks the granted scopes, stores the token encrypted, creates or resumes the tenant,
/// subscribes the webhooks and signs the merchant in. Every refusal is a page that says what to do; nothing is stored
/// before every check has passed.
/// </summary>
internal static class ShopifyOAuthEndpoints
{
    /// <summary>The install path.</summary>
    public const string InstallPath = "/shopify/install";

    /// <summary>The callback path (the redirect URI registered with Shopify is the app URL plus this).</summary>
    public const string CallbackPath = "/shopify/callback";

    /// <summary>How far a signed <c>timestamp</c> may be from now.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromSeconds(90);

    public static IEndpointRouteBuilder MapShopifyOAuth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(InstallPath, Install);
        endpoints.MapGet(CallbackPath, CallbackAsync);
        return endpoints;
    }

    private static IResult Install(HttpContext context, IOptions<ShopifyOptions> options, OAuthState state, TimeProvider clock)
    {
        var shopify = options.Value;
        if (string.IsNullOrEmpty(shopify.ClientId) || string.IsNullOrEmpty(shopify.AppUrl) || !shopify.WebhooksEnabled)
        {
            return Error("Install", $"This bridge is not set up for installs from Shopify: set {ShopifyOptions.Path}:ClientId, ClientSecret and AppUrl.", StatusCodes.Status503ServiceUnavailable);
        }

        var pairs = ShopifyQueryHmac.Parse(context.Request.QueryString.Value);
        if (!ShopDomain.TryNormalize(Single(pairs, "shop"), out var shop))
        {
            return Error("Install", "That is not a Shopify shop domain. Use your-shop.myshopify.com.", StatusCodes.Status400BadRequest);
        }

        // Shopify's own install hit is signed; one started from our page is not, and needs no signature.
        if (pairs.Any(p => p.Key == "hmac") && !IsSignedAndFresh(pairs, shopify, clock, out var problem))
        {
            return Error("Install", problem, StatusCodes.Status401Unauthorized);
        }

        var nonce = state.Issue(context, shop);
        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(shopify.ClientId),
            "scope=" + Uri.EscapeDataString(string.Join(',', ShopifyScopes.Parse(shopify.Scopes))),
            "redirect_uri=" + Uri.EscapeDataString(CallbackUri(shopify).AbsoluteUri),
            "state=" + Uri.EscapeDataString(nonce));
        return Results.Redirect($"https://{shop}/admin/oauth/authorize?{query}");
    }

    private static async Task<IResult> CallbackAsync(HttpContext context, IOptions<ShopifyOptions> options, OAuthState state, TimeProvider clock,
        ShopifyTokenClient tokens, ShopConnector connector, ShopWebhookSubscriber subscriber, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(ShopifyOAuthEndpoints));
        var shopify = options.Value;
        if (string.IsNullOrEmpty(shopify.ClientId) || string.IsNullOrEmpty(shopify.AppUrl) || !shopify.WebhooksEnabled)
        {
            return Error("Install", $"This bridge is not set up for installs from Shopify: set {ShopifyOptions.Path}:ClientId, ClientSecret and AppUrl.", StatusCodes.Status503ServiceUnavailable);
        }

        var pairs = ShopifyQueryHmac.Parse(context.Request.QueryString.Value);
        if (!ShopDomain.TryNormalize(Single(pairs, "shop"), out var shop))
        {
            logger.LogWarning("Refused an OAuth callback: the shop domain is not a *.myshopify.com domain");
            return Error("Install", "Shopify's answer does not name a valid shop. Start the install again from your Shopify admin.", StatusCodes.Status400BadRequest);
        }

        if (!IsSignedAndFresh(pairs, shopify, clock, out var problem))
        {
            logger.LogWarning("Refused an OAuth callback for {Shop}: {Problem}", shop, problem);
            return Error("Install", problem, StatusCodes.Status401Unauthorized);
        }

        if (!state.Consume(context, Single(pairs, "state"), shop))
        {
            logger.LogWarning("Refused an OAuth callback for {Shop}: the state does not match this browser's install", shop);
            return Error("Install", "This answer from Shopify does not belong to an install started in this browser, or it took too long. Start the install again.", StatusCodes.Status403Forbidden);
        }

        if (Single(pairs, "code") is not { Length: > 0 } code)
        {
            return Error("Install", "Shopify's answer has no authorization code. Start the install again.", StatusCodes.Status400BadRequest);
        }

        ShopifyTokenResponse token;
        try
        {
            token = await tokens.ExchangeCodeAsync(shop, code, context.RequestAborted);
        }
        catch (ShopifyInvalidGrantException)
        {
            return Error("Install", "Shopify refused the authorization code (it was used already or expired). Start the install again.", StatusCodes.Status400BadRequest);
        }
        catch (ShopifyTokenEndpointException ex)
        {
            logger.LogWarning("The token exchange for {Shop} failed: {Failure}", shop, ex.Message);
            return Error("Install", "Shopify could not be reached to finish the install. Try again in a minute.", StatusCodes.Status502BadGateway);
        }

        var granted = ShopifyScopes.Parse(token.Scope);
        var missing = ShopifyScopes.Missing(ShopifyScopes.Parse(shopify.Scopes), granted);
        if (missing.Count > 0)
        {
            logger.LogWarning("Did not connect {Shop}: scopes {Missing} were not granted", shop, missing);
            return Error("Install", $"The app needs these permissions, which were not granted: {string.Join(", ", missing)}. The store is not connected. Install again and approve every permission.", StatusCodes.Status403Forbidden);
        }

        var credentials = new ShopCredentials(token.AccessToken, token.ExpiresAt, token.RefreshToken, token.RefreshTokenExpiresAt, granted, null);
        await connector.ConnectAsync(shop, DisplayName(shop), ConnectionMode.OAuth, credentials, context.RequestAborted);
        var failed = await subscriber.SubscribeAsync(shop, new Uri(shopify.AppUrl), context.RequestAborted);
        await MerchantEndpoints.SignInMerchantAsync(context, shop);
        return failed.Count == 0
            ? Results.Redirect("/")
            : Render("Connected", $"<p>{E(shop)} is connected, but these webhooks could not be subscribed yet: {E(string.Join(", ", failed))}. "
                + "Reconnect later to try again.</p><p><a href=\"/\">Continue</a></p>");
    }

    private static bool IsSignedAndFresh(IReadOnlyList<KeyValuePair<string, string>> pairs, ShopifyOptions shopify, TimeProvider clock, out string problem)
    {
        if (!ShopifyQueryHmac.IsValid(pairs, [shopify.ClientSecret!, shopify.PreviousClientSecret ?? string.Empty]))
        {
            problem = "Shopify's signature on this address is missing or wrong. Start the install again from your Shopify admin.";
            return false;
        }

        if (!long.TryParse(Single(pairs, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > TimestampTolerance)
        {
            problem = "This address from Shopify is too old (or the server clock is wrong). Start the install again.";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    private static string? Single(IReadOnlyList<KeyValuePair<string, string>> pairs, string key)
    {
        var values = pairs.Where(p => p.Key == key).Select(p => p.Value).ToList();
        return values.Count == 1 ? values[0] : null;
    }

    private static Uri CallbackUri(ShopifyOptions options) => new(options.AppUrl!.TrimEnd('/') + CallbackPath);

    private static string DisplayName(string shop) => shop[..shop.IndexOf('.', StringComparison.Ordinal)];
}
