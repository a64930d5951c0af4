using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Adds tags to a customer, order or other taggable resource without replacing the ones it has (<c>tagsAdd</c>;
/// scope: the resource's write scope). Safe to repeat.
/// </summary>
/// <param name="Id">The resource's gid.</param>
/// <param name="Tags">The tags to add; at least one.</param>
public sealed record TagsAdd(string Id, IReadOnlyList<string> Tags) : IShopifyOperation<TagsAddResult>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        mutation TagsAdd($id: ID!, $tags: [String!]!) {
          tagsAdd(id: $id, tags: $tags) {
            node { id }
            userErrors { field message }
          }
        }
        """;

    string IShopifyOperation<TagsAddResult>.OperationName => "TagsAdd";

    string IShopifyOperation<TagsAddResult>.Document => Document;

    string? IShopifyOperation<TagsAddResult>.MutationField => "tagsAdd";

    bool IShopifyOperation<TagsAddResult>.IsIdempotent => true;

    JsonObject IShopifyOperation<TagsAddResult>.BuildVariables(ShopifyOperationContext context)
    {
        GraphQLJson.RequireGid(Id, nameof(Id));
        ArgumentNullException.ThrowIfNull(Tags);
        if (Tags.Count == 0 || Tags.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one tag, none of them blank.", nameof(Tags));
        }

        return new JsonObject { ["id"] = Id, ["tags"] = new JsonArray(Tags.Select(t => (JsonNode?)JsonValue.Create(t.Trim())).ToArray()) };
    }

    TagsAddResult IShopifyOperation<TagsAddResult>.ReadResult(JsonElement data) =>
        new(data.Required("tagsAdd").Required("node").RequiredString("id"));
}

/// <summary>The tagged resource.</summary>
/// <param name="NodeId">The resource's gid.</param>
public sealed record TagsAddResult(string NodeId);
