using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Creates a customer segment (<c>segmentCreate</c>, scope <c>write_customers</c>) from a segment-query-language
/// definition, for example <c>number_of_orders = 0</c>. Segment names are unique per shop: a second create with the same
/// name is refused with a user error on <c>name</c> (see <see cref="IsNameTaken"/>), so the name doubles as an
/// idempotency guard and <see cref="SegmentByName"/> finds the earlier one.
/// </summary>
/// <param name="Name">The segment's name, unique in the shop.</param>
/// <param name="Query">The segment's definition.</param>
public sealed record SegmentCreate(string Name, string Query) : IShopifyOperation<SegmentResult>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        mutation SegmentCreate($name: String!, $query: String!) {
          segmentCreate(name: $name, query: $query) {
            segment { id name query }
            userErrors { field message }
          }
        }
        """;

    string IShopifyOperation<SegmentResult>.OperationName => "SegmentCreate";

    string IShopifyOperation<SegmentResult>.Document => Document;

    string? IShopifyOperation<SegmentResult>.MutationField => "segmentCreate";

    // A repeat after an unknown outcome is refused by the unique name, never doubled.
    bool IShopifyOperation<SegmentResult>.IsIdempotent => true;

    /// <summary>Whether <paramref name="error"/> refused the create because the name is taken (Shopify gives no code, only the field).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static bool IsNameTaken(ShopifyUserErrorsException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.UserErrors.Any(e => e.Field.Contains("name", StringComparer.Ordinal)
            && e.Message.Contains("taken", StringComparison.OrdinalIgnoreCase));
    }

    JsonObject IShopifyOperation<SegmentResult>.BuildVariables(ShopifyOperationContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(Query);
        return new JsonObject { ["name"] = Name, ["query"] = Query };
    }

    SegmentResult IShopifyOperation<SegmentResult>.ReadResult(JsonElement data) =>
        SegmentResult.Read(data.Required("segmentCreate").Required("segment"));
}

/// <summary>A customer segment.</summary>
/// <param name="SegmentId">Its gid, <c>gid://shopify/Segment/…</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Query">Its definition.</param>
public sealed record SegmentResult(string SegmentId, string Name, string Query)
{
    internal static SegmentResult Read(JsonElement segment) =>
        new(segment.RequiredString("id"), segment.RequiredString("name"), segment.GetString("query") ?? string.Empty);
}
