using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Finds a customer segment by its exact name (<c>segments</c>, scope <c>read_customers</c>, implied by
/// <c>write_customers</c>), to pick up the segment an earlier <see cref="SegmentCreate"/> made when its answer was lost.
/// Reads the first 250 segments and compares names here, so the match is exact whatever Shopify's search does.
/// </summary>
/// <param name="Name">The segment's name.</param>
public sealed record SegmentByName(string Name) : IShopifyOperation<SegmentResult?>
{
    /// <summary>How many segments are read: Shopify's page maximum.</summary>
    public const int PageSize = 250;

    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        query SegmentByName($first: Int!) {
          segments(first: $first) {
            nodes { id name query }
          }
        }
        """;

    string IShopifyOperation<SegmentResult?>.OperationName => "SegmentByName";

    string IShopifyOperation<SegmentResult?>.Document => Document;

    string? IShopifyOperation<SegmentResult?>.MutationField => null;

    bool IShopifyOperation<SegmentResult?>.IsIdempotent => true;

    JsonObject IShopifyOperation<SegmentResult?>.BuildVariables(ShopifyOperationContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        return new JsonObject { ["first"] = PageSize };
    }

    SegmentResult? IShopifyOperation<SegmentResult?>.ReadResult(JsonElement data)
    {
        var nodes = data.Required("segments").Required("nodes");
        return nodes.ValueKind != JsonValueKind.Array
            ? null
            : nodes.EnumerateArray().Where(n => string.Equals(n.GetString("name"), Name, StringComparison.Ordinal))
                .Select(SegmentResult.Read).FirstOrDefault();
    }
}
