using System.Globalization;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// The RFC 7807 answers of the app proxy when a request is refused before any page is rendered. Each says what was
/// wrong in words a developer can act on; none repeats a parameter's value, the signature or a secret.
/// </summary>
internal static class AppProxyProblems
{
    private const string OpenThroughTheShop = "Open the page through the shop's storefront (/apps/…), which signs every request.";

    /// <summary>401 for a request whose proxy signature did not verify.</summary>
    /// <param name="outcome">What the verifier found.</param>
    /// <param name="parameter">The parameter at fault, as the verifier named it (from its fixed list), or null.</param>
    /// <param name="tolerance">The timestamp tolerance, for the stale case.</param>
    public static IResult Refused(AppProxyOutcome outcome, string? parameter, TimeSpan tolerance) => outcome switch
    {
        AppProxyOutcome.Missing => Problem(
            "App-proxy signature missing",
            $"The security parameter '{parameter}' is missing, so the request is not signed by Shopify. {OpenThroughTheShop}"),
        AppProxyOutcome.Duplicated => Problem(
            "Duplicated security parameter",
            $"Duplicated security parameter '{parameter}': Shopify sends each of signature, shop, timestamp, logged_in_customer_id and path_prefix at most once, so this request was altered."),
        AppProxyOutcome.Malformed when parameter == "query" => Problem(
            "Malformed app-proxy request",
            string.Create(CultureInfo.InvariantCulture, $"The query string cannot be decoded or is longer than {AppProxySignatureVerifier.MaxQueryLength} characters.")),
        AppProxyOutcome.Malformed => Problem(
            "Malformed app-proxy request",
            $"The security parameter '{parameter}' is malformed: the signature must be 64 hex digits, the timestamp Unix seconds and the shop a {{handle}}.myshopify.com domain."),
        AppProxyOutcome.Stale => Problem(
            "App-proxy signature expired",
            string.Create(CultureInfo.InvariantCulture,
                $"The signed timestamp is more than {tolerance.TotalSeconds:0} seconds from the bridge's clock: a replayed or delayed request, or a wrong server clock (Referrals:Shopify:AppProxy:TimestampToleranceSeconds).")),
        _ => Problem(
            "App-proxy signature mismatch",
            "The signature does not match the request: it was altered, or signed with another app's secret (Referrals:Shopify:ClientSecret)."),
    };

    /// <summary>404 for a correctly signed request from a shop that is not connected (or not active).</summary>
    public static IResult ShopNotConnected() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Shop not connected",
        detail: "The signed shop is not connected to the referral program. Install the app on the shop first.");

    /// <summary>413 for a form post larger than the limit; nothing of it was read.</summary>
    public static IResult FormTooLarge(int maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Form too large",
        detail: string.Create(CultureInfo.InvariantCulture, $"The form is larger than {maxBytes} bytes (Referrals:Shopify:AppProxy:MaxFormBytes). Nothing was saved."));

    /// <summary>400 for a form with more fields, or longer field names, than the invite form has.</summary>
    public static IResult MalformedForm() => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Malformed form",
        detail: "The form has more fields, or longer field names, than the invite form sends. Open the form again. Nothing was saved.");

    /// <summary>415 for a post that is not a form.</summary>
    public static IResult NotAForm() => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Not a form",
        detail: "Send the form as application/x-www-form-urlencoded or multipart/form-data. Nothing was saved.");

    /// <summary>411 for a post without Content-Length.</summary>
    public static IResult LengthRequired() => Results.Problem(
        statusCode: StatusCodes.Status411LengthRequired,
        title: "Length required",
        detail: "Send the form with a Content-Length header. Nothing was saved.");

    private static IResult Problem(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);
}
