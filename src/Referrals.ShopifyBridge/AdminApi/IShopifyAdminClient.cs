namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// Sends typed operations to a shop's GraphQL Admin API
/// (<c>POST https://{shop}/admin/api/{version}/graphql.json</c>, header <c>X-Shopify-Access-Token</c>), with
/// cost-aware throttling per shop and bounded retries. Register it with
/// <see cref="ShopifyAdminApiServiceCollectionExtensions.AddShopifyAdminApi(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{ShopifyAdminApiOptions}?)"/>.
/// </summary>
/// <remarks>
/// Before each attempt the client waits until the shop's query-cost bucket, as Shopify last reported it in
/// <c>extensions.cost.throttleStatus</c>, holds the operation's last <c>requestedQueryCost</c>; each shop has its own
/// bucket. Retried, up to <see cref="ShopifyAdminApiOptions.MaxAttempts"/> attempts in all: THROTTLED inside HTTP 200 (after the
/// time the shop's cost bucket needs), 429 (after <c>Retry-After</c>), 401 (once, after a token refresh), and for
/// operations that are safe to repeat also 5xx, time-outs and dropped connections (exponential back-off with jitter).
/// Never retried: <c>userErrors</c>, other 4xx, GraphQL errors. Thread-safe; use one instance for all shops.
/// </remarks>
public interface IShopifyAdminClient
{
    /// <summary>Sends <paramref name="operation"/> to <paramref name="shopDomain"/> and returns its typed result.</summary>
    /// <param name="shopDomain">The shop, <c>{shop}.myshopify.com</c>.</param>
    /// <param name="operation">A typed operation, for example <c>new CustomerByEmail("jane@example.com")</c>.</param>
    /// <param name="cancellationToken">Cancels waiting and the request in flight.</param>
    /// <exception cref="ArgumentException">The shop domain is not <c>{shop}.myshopify.com</c>, or the operation's input is unusable.</exception>
    /// <exception cref="ShopifyUserErrorsException">A mutation's <c>userErrors</c> were not empty.</exception>
    /// <exception cref="ShopifyTransientFailureException">Retryable failures persisted through every attempt; try again later.</exception>
    /// <exception cref="ShopifyOutcomeUnknownException">A non-idempotent mutation may or may not have been applied; read state before retrying.</exception>
    /// <exception cref="ShopifyRequestRejectedException">Shopify refused the request (4xx, or 401 after a refresh).</exception>
    /// <exception cref="ShopifyGraphQLErrorsException">Shopify answered with GraphQL errors other than THROTTLED.</exception>
    /// <exception cref="ShopifyAccessTokenUnavailableException">The shop has no usable token.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<TResult> ExecuteAsync<TResult>(string shopDomain, IShopifyOperation<TResult> operation, CancellationToken cancellationToken);
}
