using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// One typed GraphQL Admin API call: its document, its variables and how to read its answer. The records in
/// <c>Referrals.ShopifyBridge.AdminApi.Operations</c> implement it; send them with <see cref="IShopifyAdminClient.ExecuteAsync{TResult}"/>.
/// </summary>
/// <typeparam name="TResult">What the call returns once Shopify accepted it.</typeparam>
public interface IShopifyOperation<out TResult>
{
    /// <summary>The GraphQL operation name in <see cref="Document"/>; also the key of the client's per-operation cost estimate.</summary>
    string OperationName { get; }

    /// <summary>The GraphQL document sent as <c>query</c>.</summary>
    string Document { get; }

    /// <summary>
    /// For a mutation, the root field whose payload carries <c>userErrors</c> (non-empty = refused, raised as
    /// <see cref="ShopifyUserErrorsException"/>); null for a query.
    /// </summary>
    string? MutationField { get; }

    /// <summary>
    /// Whether repeating the call after an unknown outcome (time-out, 5xx) is harmless. When false, the client retries
    /// only failures Shopify guarantees it did not apply (THROTTLED, 429, 401) and raises
    /// <see cref="ShopifyOutcomeUnknownException"/> for the rest.
    /// </summary>
    bool IsIdempotent { get; }

    /// <summary>The <c>variables</c> object; checks the input first.</summary>
    /// <exception cref="ArgumentException">The input cannot be sent (an empty id, an id that is not a <c>gid://</c>).</exception>
    JsonObject BuildVariables(ShopifyOperationContext context);

    /// <summary>Reads the result from the response's <c>data</c>, after <c>userErrors</c> were checked.</summary>
    TResult ReadResult(JsonElement data);
}
