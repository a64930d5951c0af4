using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>Who may use a code discount: the <c>context</c> of the discount inputs (reference §5: all, customers or segments).</summary>
internal static class DiscountContext
{
    /// <exception cref="ArgumentException">Both are given, or one is not a <c>gid://</c>.</exception>
    public static JsonObject For(string? customerId, string? customerSegmentId)
    {
        if (customerId is not null && customerSegmentId is not null)
        {
            throw new ArgumentException("Limit a discount to one customer or to a customer segment, not both.", nameof(customerSegmentId));
        }

        if (customerId is not null)
        {
            GraphQLJson.RequireGid(customerId, nameof(customerId));
            return new JsonObject { ["customers"] = new JsonObject { ["add"] = new JsonArray(customerId) } };
        }

        if (customerSegmentId is not null)
        {
            GraphQLJson.RequireGid(customerSegmentId, nameof(customerSegmentId));
            return new JsonObject { ["customerSegments"] = new JsonObject { ["add"] = new JsonArray(customerSegmentId) } };
        }

        return new JsonObject { ["all"] = "ALL" };
    }
}
