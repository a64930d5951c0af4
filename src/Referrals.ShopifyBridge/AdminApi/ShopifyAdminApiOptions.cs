namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// How the bridge talks to Shopify's GraphQL Admin API, bound from <c>Referrals:Shopify:AdminApi</c> and validated at
/// start-up by <see cref="ShopifyAdminApiOptionsValidator"/>. Every default is a public constant below.
/// </summary>
public sealed class ShopifyAdminApiOptions
{
    /// <summary>The full configuration path this section is usually bound from, for messages.</summary>
    public const string Path = "Referrals:Shopify:AdminApi";

    /// <summary>
    /// The Admin API version the typed operations are written against. Pinned, never "latest": adopt a new quarter by
    /// changing this constant after reading Shopify's changelog. 2026-01 or later is required (webhook <c>uri</c>,
    /// discount <c>context</c>).
    /// </summary>
    public const string DefaultApiVersion = "2026-10";

    /// <summary>Default for <see cref="MaxAttempts"/>: the first try plus four retries.</summary>
    public const int DefaultMaxAttempts = 5;

    /// <summary>Default for <see cref="AttemptTimeout"/>: 30 seconds per HTTP attempt.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Default for <see cref="BaseRetryDelay"/>: one second before the first back-off retry.</summary>
    public static readonly TimeSpan DefaultBaseRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Default for <see cref="MaxRetryDelay"/>: back-off never waits longer than 30 seconds.</summary>
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Default for <see cref="InitialCostEstimate"/>: 50 points, until a response reports an operation's real cost.</summary>
    public const int DefaultInitialCostEstimate = 50;

    /// <summary>The smallest allowed <see cref="MaxAttempts"/>.</summary>
    public const int MaxAttemptsLowerBound = 1;

    /// <summary>The largest allowed <see cref="MaxAttempts"/>.</summary>
    public const int MaxAttemptsUpperBound = 10;

    /// <summary>The Admin API version, <c>YYYY-MM</c> with a quarter month (01, 04, 07, 10). Default <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>
    /// Where requests go instead of <c>https://{shop}</c>, for a local stand-in such as the test fake
    /// (<c>http://127.0.0.1:5123</c>). The path stays <c>/admin/api/{version}/graphql.json</c> and the <c>Host</c>
    /// header still names the shop. The token endpoint (<c>/admin/oauth/access_token</c>) is reached the same way.
    /// Leave unset in production.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Attempts per call, the first included, shared by every retryable failure (THROTTLED, 429, 5xx, time-outs, one
    /// token refresh). Default <see cref="DefaultMaxAttempts"/>; allowed <see cref="MaxAttemptsLowerBound"/> to
    /// <see cref="MaxAttemptsUpperBound"/>.
    /// </summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>How long one HTTP attempt may take before it is abandoned. Default <see cref="DefaultAttemptTimeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>
    /// The first delay of the exponential back-off (with jitter) used for 5xx, time-outs and a 429 without
    /// <c>Retry-After</c>. Default <see cref="DefaultBaseRetryDelay"/>.
    /// </summary>
    public TimeSpan BaseRetryDelay { get; set; } = DefaultBaseRetryDelay;

    /// <summary>The longest back-off delay. <c>Retry-After</c> and throttle waits are honoured as given. Default <see cref="DefaultMaxRetryDelay"/>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>
    /// The cost in points assumed for an operation the client has not sent yet; afterwards the
    /// <c>requestedQueryCost</c> Shopify reported for it is used. Default <see cref="DefaultInitialCostEstimate"/>.
    /// </summary>
    public int InitialCostEstimate { get; set; } = DefaultInitialCostEstimate;
}
