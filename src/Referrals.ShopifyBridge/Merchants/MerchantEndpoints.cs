using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Referrals.ShopifyBridge.Configuration;
using Referrals.ShopifyBridge.Pages;
using static Referrals.ShopifyBridge.Pages.BridgePage;

namespace Referrals.ShopifyBridge.Merchants;

/// <summary>The operator's login and the sign-out, plus the sign-in of a merchant after an install.</summary>
internal static class MerchantEndpoints
{
    public static IEndpointRouteBuilder MapMerchantEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MerchantAuthorization.LoginPath, (HttpContext context, IAntiforgery antiforgery, IOptions<ShopifyOptions> options) =>
            LoginForm(context, antiforgery, options.Value, error: null, StatusCodes.Status200OK));
        endpoints.MapPost(MerchantAuthorization.LoginPath, LoginAsync).DisableAntiforgery().WithFormSizeLimit(FormSizeLimit.LoginMaxBytes);
        endpoints.MapPost(MerchantAuthorization.LogoutPath, LogoutAsync).DisableAntiforgery().WithFormSizeLimit(FormSizeLimit.LoginMaxBytes);
        return endpoints;
    }

    /// <summary>Signs the merchant of <paramref name="shop"/> in (after the OAuth callback proved they administer it).</summary>
    public static Task SignInMerchantAsync(HttpContext context, string shop)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, shop), new Claim(MerchantAuthorization.ShopClaim, shop)],
            MerchantAuthorization.Scheme);
        return context.SignInAsync(MerchantAuthorization.Scheme, new ClaimsPrincipal(identity));
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IAntiforgery antiforgery, IOptions<ShopifyOptions> options, OperatorLoginThrottle throttle,
        ILoggerFactory loggers)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Error("Sign in", "The form expired. Open the sign-in page again.", StatusCodes.Status400BadRequest);
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsBlocked(address))
        {
            return LoginForm(context, antiforgery, options.Value, "Too many failed attempts. Wait a few minutes and try again.", StatusCodes.Status429TooManyRequests);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var hash = options.Value.OperatorPasswordHash;
        if (string.IsNullOrEmpty(hash) || !OperatorPasswordHash.Verify(hash, form["password"]))
        {
            throttle.Failed(address);
            loggers.CreateLogger(typeof(MerchantEndpoints)).LogWarning("A failed operator sign-in from {RemoteIp}", address);
            return LoginForm(context, antiforgery, options.Value, "That password is not right.", StatusCodes.Status401Unauthorized);
        }

        throttle.Succeeded(address);

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "operator"), new Claim(ClaimTypes.Role, MerchantAuthorization.OperatorRole)],
            MerchantAuthorization.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        await context.SignInAsync(MerchantAuthorization.Scheme, new ClaimsPrincipal(identity));
        var returnUrl = form["returnUrl"].ToString();
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Error("Sign out", "The form expired. Open the page again.", StatusCodes.Status400BadRequest);
        }

        await context.SignOutAsync(MerchantAuthorization.Scheme);
        return Results.LocalRedirect(MerchantAuthorization.LoginPath);
    }

    private static IResult LoginForm(HttpContext context, IAntiforgery antiforgery, ShopifyOptions options, string? error, int status)
    {
        var returnUrl = context.Request.Query["ReturnUrl"].ToString();
        if (context.Request.HasFormContentType)
        {
            returnUrl = context.Request.Form["returnUrl"].ToString();
        }

        var install = "<p>Shopify merchants: open the app from your Shopify admin, or start an install:</p>"
            + "<form method=\"get\" action=\"/shopify/install\"><label for=\"shop\">Shop domain</label>"
            + "<input id=\"shop\" name=\"shop\" placeholder=\"your-shop.myshopify.com\" autocomplete=\"off\" required><button>Install or reconnect</button></form>";
        if (string.IsNullOrEmpty(options.OperatorPasswordHash))
        {
            return Render("Sign in", install + $"<p>Operator sign-in is off: set <code>{E(ShopifyOptions.Path)}:OperatorPasswordHash</code> to enable it.</p>", status);
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        var body = (error is null ? string.Empty : $"<p class=\"error\">{E(error)}</p>")
            + "<h2>Operator</h2><form method=\"post\" action=\"/login\">"
            + $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">"
            + $"<input type=\"hidden\" name=\"returnUrl\" value=\"{E(IsLocal(returnUrl) ? returnUrl : "/")}\">"
            + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
            + "<button>Sign in</button></form><h2>Merchant</h2>" + install;
        return Render("Sign in", body, status);
    }

    // Only paths on this site: "/x" but neither "//host" nor "/\host".
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
