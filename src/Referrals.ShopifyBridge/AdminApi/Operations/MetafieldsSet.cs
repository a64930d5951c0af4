using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Creates or updates up to 25 metafields at once, atomically (<c>metafieldsSet</c>; scope: the owner's write scope),
/// for example the advocate's referral link on the customer. Safe to repeat.
/// </summary>
/// <param name="Metafields">The metafields to set; 1 to <see cref="MaxMetafields"/>.</param>
public sealed record MetafieldsSet(IReadOnlyList<MetafieldsSetInput> Metafields) : IShopifyOperation<MetafieldsSetResult>
{
    /// <summary>The most metafields Shopify accepts in one call.</summary>
    public const int MaxMetafields = 25;

    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
          metafieldsSet(metafields: $metafields) {
            metafields { id namespace key type value owner { ... on Node { id } } }
            userErrors { field message code }
          }
        }
        """;

    string IShopifyOperation<MetafieldsSetResult>.OperationName => "MetafieldsSet";

    string IShopifyOperation<MetafieldsSetResult>.Document => Document;

    string? IShopifyOperation<MetafieldsSetResult>.MutationField => "metafieldsSet";

    bool IShopifyOperation<MetafieldsSetResult>.IsIdempotent => true;

    JsonObject IShopifyOperation<MetafieldsSetResult>.BuildVariables(ShopifyOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(Metafields);
        if (Metafields.Count is 0 or > MaxMetafields)
        {
            throw new ArgumentException($"Set 1 to {MaxMetafields} metafields per call, not {Metafields.Count}.", nameof(Metafields));
        }

        var array = new JsonArray();
        foreach (var m in Metafields)
        {
            GraphQLJson.RequireGid(m.OwnerId, nameof(MetafieldsSetInput.OwnerId));
            ArgumentException.ThrowIfNullOrWhiteSpace(m.Key, nameof(MetafieldsSetInput.Key));
            ArgumentException.ThrowIfNullOrWhiteSpace(m.Type, nameof(MetafieldsSetInput.Type));
            ArgumentNullException.ThrowIfNull(m.Value, nameof(MetafieldsSetInput.Value));
            var input = new JsonObject { ["ownerId"] = m.OwnerId, ["key"] = m.Key, ["type"] = m.Type, ["value"] = m.Value };
            if (m.Namespace is not null)
            {
                input["namespace"] = m.Namespace;
            }

            array.Add(input);
        }

        return new JsonObject { ["metafields"] = array };
    }

    MetafieldsSetResult IShopifyOperation<MetafieldsSetResult>.ReadResult(JsonElement data)
    {
        var list = data.Required("metafieldsSet").Get("metafields");
        var metafields = list is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(m => new MetafieldsSetResultItem(
                m.RequiredString("id"),
                m.Get("owner")?.GetString("id"),
                m.RequiredString("namespace"),
                m.RequiredString("key"),
                m.GetString("type"),
                m.RequiredString("value"))).ToArray()
            : [];
        return new MetafieldsSetResult(metafields);
    }
}

/// <summary>One metafield to set.</summary>
/// <param name="OwnerId">The owner's gid (customer, order, shop…).</param>
/// <param name="Namespace">The namespace; null for the app-reserved one.</param>
/// <param name="Key">The key, 2 to 64 characters.</param>
/// <param name="Type">The type, for example <c>single_line_text_field</c>, <c>url</c> or <c>json</c>.</param>
/// <param name="Value">The value, always as a string.</param>
public sealed record MetafieldsSetInput(string OwnerId, string? Namespace, string Key, string Type, string Value);

/// <summary>The metafields as Shopify stored them.</summary>
/// <param name="Metafields">One per input, in order.</param>
public sealed record MetafieldsSetResult(IReadOnlyList<MetafieldsSetResultItem> Metafields);

/// <summary>A metafield as Shopify stored it.</summary>
/// <param name="Id">The metafield's gid.</param>
/// <param name="OwnerId">The owner's gid, when returned.</param>
/// <param name="Namespace">The namespace (the app-reserved one when none was given).</param>
/// <param name="Key">The key.</param>
/// <param name="Type">The type.</param>
/// <param name="Value">The value.</param>
public sealed record MetafieldsSetResultItem(string Id, string? OwnerId, string Namespace, string Key, string? Type, string Value);
