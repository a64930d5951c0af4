using System.Globalization;

namespace Referrals.ShopifyBridge.Webhooks;

/// <summary>The RFC 7807 answers of the webhook endpoint. None repeats a header value, a secret or the body.</summary>
internal static class WebhookProblems
{
    public static IResult NotConfigured() => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Shopify webhooks are not configured",
        detail: "The bridge has no client secret to verify webhooks with. Set Referrals:Shopify:ClientSecret and restart.");

    public static IResult TooLarge(int maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Webhook body too large",
        detail: string.Create(CultureInfo.InvariantCulture, $"The body is longer than {maxBytes} bytes (Referrals:Shopify:MaxWebhookBytes)."));

    public static IResult Unauthorized(WebhookSignatureOutcome outcome) => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Invalid webhook signature",
        detail: outcome switch
        {
            WebhookSignatureOutcome.MissingHeader => $"The {ShopifyWebhookHeaders.Hmac} header is missing.",
            WebhookSignatureOutcome.MalformedHeader => $"The {ShopifyWebhookHeaders.Hmac} header is not one base64 HMAC-SHA256 value.",
            _ => $"The {ShopifyWebhookHeaders.Hmac} header does not match the body. Webhooks must be signed with the app's client secret.",
        });

    public static IResult MissingHeaders(IEnumerable<string> names) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Missing webhook headers",
        detail: $"Required headers are missing, empty, repeated or too long: {string.Join(", ", names)}.");

    public static IResult InvalidShopDomain() => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid shop domain",
        detail: $"{ShopifyWebhookHeaders.ShopDomain} must be a shop's permanent domain, {{handle}}.myshopify.com.");

    public static IResult UnknownTopic() => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Unknown webhook topic",
        detail: $"The bridge does not subscribe to this {ShopifyWebhookHeaders.Topic}. It accepts: {string.Join(", ", Shopify.ShopifyTopics.All.Order(StringComparer.Ordinal))}.");

    public static IResult ShopNotConnected() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Shop not connected",
        detail: "No connected shop has this domain. Install the app on the shop (or connect it with a custom-app token) first.");
}
