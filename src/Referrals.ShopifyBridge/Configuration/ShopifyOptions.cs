namespace Referrals.ShopifyBridge.Configuration;

/// <summary>
/// The Shopify app the bridge acts as, bound from <c>Referrals:Shopify</c> and validated at start-up. Every setting is
/// optional while no store is connected: with none of them the bridge starts and shows its status page, and
/// <c>POST /shopify/webhooks</c> answers 503 until <see cref="ClientSecret"/> is set. Keep the secrets out of
/// <c>appsettings.json</c>: use environment variables (<c>Referrals__Shopify__ClientSecret</c>) or user secrets.
/// </summary>
public sealed class ShopifyOptions
{
    /// <summary>The configuration section, below <c>Referrals</c>.</summary>
    public const string SectionName = "Shopify";

    /// <summary>The full configuration path of this section, for messages.</summary>
    public const string Path = "Referrals:" + SectionName;

    /// <summary>
    /// The Admin API version the bridge is written against and asks Shopify to serialise webhooks in. Pinned, not
    /// "latest": a new version is adopted by changing this constant after reading its changelog.
    /// </summary>
    public const string DefaultApiVersion = "2026-10";

    /// <summary>The largest webhook body accepted: 1 MiB. Shopify's order payloads are a few kilobytes.</summary>
    public const int DefaultMaxWebhookBytes = 1024 * 1024;

    /// <summary>
    /// The access scopes the bridge asks for when a shop installs it (reference §5.4, without the optional ones), the same
    /// as <c>ShopifyApp/shopify.app.toml</c> requests: <c>write_app_proxy</c> because the app configures the storefront
    /// proxy its referral links go through.
    /// </summary>
    public const string DefaultScopes = "read_orders,write_customers,write_discounts,write_store_credit_account_transactions,write_app_proxy";

    /// <summary>The smallest <see cref="MaxWebhookBytes"/> allowed.</summary>
    public const int MaxWebhookBytesLowerBound = 1024;

    /// <summary>The largest <see cref="MaxWebhookBytes"/> allowed.</summary>
    public const int MaxWebhookBytesUpperBound = 16 * 1024 * 1024;

    /// <summary>The app's client id (Dev Dashboard → app → Settings). Needed for installs; not for webhooks.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The app's client secret. Webhooks are signed with it (HMAC-SHA256 of the body); without it every webhook is
    /// refused with 503. Required once <see cref="ClientId"/> or <see cref="AppUrl"/> is set.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The secret before the last rotation. Shopify may keep signing with it for up to an hour after a rotation, so
    /// webhooks signed with either secret are accepted; remove it once the rotation is done.
    /// </summary>
    public string? PreviousClientSecret { get; set; }

    /// <summary>Comma-separated access scopes requested at install. Default <see cref="DefaultScopes"/>.</summary>
    public string Scopes { get; set; } = DefaultScopes;

    /// <summary>The Admin API version, <c>YYYY-MM</c> (a quarter: 01, 04, 07 or 10). Default <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>The bridge's public https address, as registered with Shopify (install and callback URLs are under it).</summary>
    public string? AppUrl { get; set; }

    /// <summary>
    /// The hash of the operator's password for <c>/login</c> on a self-hosted bridge (who may connect custom apps and see
    /// every shop), in the form <c>PBKDF2-SHA256$iterations$salt$hash</c>. Make one with
    /// <c>dotnet Referrals.ShopifyBridge.dll hash-password</c>. Empty: no operator login.
    /// </summary>
    public string? OperatorPasswordHash { get; set; }

    /// <summary>
    /// The largest webhook body accepted, in bytes; larger ones get 413 without being read whole.
    /// Default <see cref="DefaultMaxWebhookBytes"/>; allowed <see cref="MaxWebhookBytesLowerBound"/> to <see cref="MaxWebhookBytesUpperBound"/>.
    /// </summary>
    public int MaxWebhookBytes { get; set; } = DefaultMaxWebhookBytes;

    /// <summary>Whether <see cref="AppUrl"/> is an https address: then every cookie the bridge sets is marked Secure.</summary>
    public bool UsesHttps => AppUrl is { } url && url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether webhooks can be verified, that is whether <see cref="ClientSecret"/> is set.</summary>
    public bool WebhooksEnabled => !string.IsNullOrWhiteSpace(ClientSecret);
}
