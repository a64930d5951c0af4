namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>What one HTTP attempt met, as far as retrying is concerned.</summary>
internal enum AdminApiResponseKind
{
    /// <summary>HTTP 200 with a GraphQL body that is not THROTTLED (it may still carry errors or userErrors).</summary>
    Completed,

    /// <summary>HTTP 200 whose <c>errors</c> carry <c>extensions.code == "THROTTLED"</c>: not run, retry after the bucket refills.</summary>
    Throttled,

    /// <summary>HTTP 429: not run, retry after <c>Retry-After</c>.</summary>
    TooManyRequests,

    /// <summary>HTTP 401: the token was refused, so nothing ran.</summary>
    Unauthorized,

    /// <summary>HTTP 5xx, or a 200 whose body is not GraphQL JSON: it may or may not have run.</summary>
    ServerError,

    /// <summary>Another 4xx: the request itself is wrong; never retried.</summary>
    Rejected,
}
