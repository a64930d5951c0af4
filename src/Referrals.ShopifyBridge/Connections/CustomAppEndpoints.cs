using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.AdminApi.Operations;
using Referrals.ShopifyBridge.Configuration;
using Referrals.ShopifyBridge.Merchants;
using Referrals.ShopifyBridge.OAuth;
using Referrals.ShopifyBridge.Pages;
using Referrals.ShopifyBridge.Shopify;
using static Referrals.ShopifyBridge.Pages.BridgePage;

namespace Referrals.ShopifyBridge.Connections;

/// <summary>
/// <c>/shopify/connect</c> (operator only): connects a shop through a custom app made in its admin. The token is tried
/// against the Admin API (which shop it belongs to, which scopes it carries) before anything is stored; then it is stored
/// encrypted with the app's API secret (which signs that shop's webhooks), and the webhooks are subscribed.
/// </summary>
internal static class CustomAppEndpoints
{
    /// <summary>The form's path.</summary>
    public const string Path = "/shopify/connect";

    public static IEndpointRouteBuilder MapCustomAppConnect(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context, IAntiforgery antiforgery) => Form(context, antiforgery, null, null, StatusCodes.Status200OK))
            .RequireAuthorization(MerchantAuthorization.OperatorPolicyName);
        endpoints.MapPost(Path, ConnectAsync).RequireAuthorization(MerchantAuthorization.OperatorPolicyName).DisableAntiforgery()
            .WithFormSizeLimit(Pages.FormSizeLimit.PageMaxBytes);
        return endpoints;
    }

    private static async Task<IResult> ConnectAsync(HttpContext context, IAntiforgery antiforgery, IOptions<ShopifyOptions> options, IServiceProvider services,
        ShopConnector connector, ShopWebhookSubscriber subscriber, ILoggerFactory loggers)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Error("Connect a custom app", "The form expired. Open it again.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var shopInput = form["shop"].ToString().Trim();
        var token = form["accessToken"].ToString().Trim();
        var secret = form["apiSecret"].ToString().Trim();
        if (!ShopDomain.TryNormalize(shopInput, out var shop))
        {
            return Form(context, antiforgery, shopInput, "That is not a Shopify shop domain. Use your-shop.myshopify.com.", StatusCodes.Status400BadRequest);
        }

        if (token.Length == 0 || secret.Length == 0)
        {
            return Form(context, antiforgery, shop, "Enter both the Admin API access token and the API secret key of the custom app.", StatusCodes.Status400BadRequest);
        }

        ShopAccessResult access;
        try
        {
            var probe = ActivatorUtilities.CreateInstance<ShopifyAdminClient>(services, new FixedAccessToken(shop, token));
            access = await probe.ExecuteAsync(shop, new AdminApi.Operations.ShopAccess(), context.RequestAborted);
        }
        catch (ShopifyAdminApiException ex) when (ex is ShopifyAccessTokenUnavailableException or ShopifyRequestRejectedException)
        {
            return Form(context, antiforgery, shop, "Shopify did not accept that access token for this shop. Copy the Admin API access token of the custom app again.", StatusCodes.Status400BadRequest);
        }
        catch (ShopifyAdminApiException ex)
        {
            loggers.CreateLogger(typeof(CustomAppEndpoints)).LogWarning("Checking the custom-app token of {Shop} failed: {Failure}", shop, ex.Message);
            return Form(context, antiforgery, shop, "Shopify could not be asked about that token right now. Try again in a minute.", StatusCodes.Status502BadGateway);
        }

        if (!ShopDomain.TryNormalize(access.MyshopifyDomain, out var owner) || owner != shop)
        {
            return Form(context, antiforgery, shop, "That access token belongs to another shop.", StatusCodes.Status400BadRequest);
        }

        var missing = ShopifyScopes.Missing(ShopifyScopes.ForCustomApp(options.Value.Scopes), access.AccessScopes);
        if (missing.Count > 0)
        {
            return Form(context, antiforgery, shop, $"The custom app lacks these Admin API scopes: {string.Join(", ", missing)}. Add them in the app's configuration, reinstall it, and enter the new token.", StatusCodes.Status400BadRequest);
        }

        await connector.ConnectAsync(shop, access.Name, ConnectionMode.CustomApp, new ShopCredentials(token, null, null, null, access.AccessScopes, secret), context.RequestAborted);
        var appUrl = string.IsNullOrEmpty(options.Value.AppUrl) ? new Uri($"{context.Request.Scheme}://{context.Request.Host}") : new Uri(options.Value.AppUrl);
        var failed = await subscriber.SubscribeAsync(shop, appUrl, context.RequestAborted);
        var note = failed.Count == 0 ? "Its webhooks are subscribed." : $"These webhooks could not be subscribed yet: {string.Join(", ", failed)}. Connect again later to retry.";
        return Render("Connected", $"<p>{E(access.Name)} ({E(shop)}) is connected as a custom app. {E(note)}</p><p><a href=\"/\">Back to the bridge</a></p>");
    }

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, string? shop, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var body = (error is null ? string.Empty : $"<p class=\"error\">{E(error)}</p>")
            + "<p>In the shop's admin, create a custom app with the Admin API scopes the bridge needs, install it, and copy its credentials here. They are stored encrypted.</p>"
            + $"<form method=\"post\" action=\"{Path}\"><input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">"
            + $"<label for=\"shop\">Shop domain</label><input id=\"shop\" name=\"shop\" value=\"{E(shop)}\" placeholder=\"your-shop.myshopify.com\" autocomplete=\"off\" required>"
            + "<label for=\"accessToken\">Admin API access token</label><input id=\"accessToken\" name=\"accessToken\" type=\"password\" autocomplete=\"off\" required>"
            + "<label for=\"apiSecret\">API secret key</label><input id=\"apiSecret\" name=\"apiSecret\" type=\"password\" autocomplete=\"off\" required>"
            + "<button>Connect</button></form>";
        return Render("Connect a custom app", body, status);
    }

    /// <summary>The one token being tried; a 401 is final (a custom-app token cannot be refreshed).</summary>
    private sealed class FixedAccessToken(string shop, string token) : IShopifyAccessTokenSource
    {
        public ValueTask<string> GetAccessTokenAsync(string shopDomain, CancellationToken cancellationToken) => ValueTask.FromResult(token);

        public ValueTask<string> RefreshAsync(string shopDomain, string rejectedToken, CancellationToken cancellationToken) =>
            throw new ShopifyAccessTokenUnavailableException(shop, $"Shopify refused the access token entered for {shop}.");
    }
}
