using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.Core;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>Looks an order up by its gid (<c>order(id:)</c>, scope <c>read_orders</c>), for example after <c>refunds/create</c>.</summary>
/// <param name="OrderId">The order's gid, <c>gid://shopify/Order/…</c>.</param>
public sealed record OrderById(string OrderId) : IShopifyOperation<OrderByIdResult?>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        query OrderById($id: ID!) {
          order(id: $id) {
            id
            name
            email
            createdAt
            cancelledAt
            displayFinancialStatus
            customer { id }
            discountCodes
            tags
            totalPriceSet { shopMoney { amount currencyCode } }
            currentTotalPriceSet { shopMoney { amount currencyCode } }
            totalRefundedSet { shopMoney { amount currencyCode } }
          }
        }
        """;

    string IShopifyOperation<OrderByIdResult?>.OperationName => "OrderById";

    string IShopifyOperation<OrderByIdResult?>.Document => Document;

    string? IShopifyOperation<OrderByIdResult?>.MutationField => null;

    bool IShopifyOperation<OrderByIdResult?>.IsIdempotent => true;

    JsonObject IShopifyOperation<OrderByIdResult?>.BuildVariables(ShopifyOperationContext context)
    {
        GraphQLJson.RequireGid(OrderId, nameof(OrderId));
        return new JsonObject { ["id"] = OrderId };
    }

    OrderByIdResult? IShopifyOperation<OrderByIdResult?>.ReadResult(JsonElement data)
    {
        if (data.Get("order") is not { } order)
        {
            return null;
        }

        return new OrderByIdResult(
            order.RequiredString("id"),
            order.RequiredString("name"),
            order.GetString("email"),
            order.GetDateTime("createdAt") ?? throw new JsonException("The Admin API response lacks 'createdAt'."),
            order.GetDateTime("cancelledAt"),
            order.GetString("displayFinancialStatus"),
            order.Get("customer")?.GetString("id"),
            order.GetStrings("discountCodes"),
            order.GetStrings("tags"),
            GraphQLJson.ReadShopMoney(order.Required("totalPriceSet")),
            GraphQLJson.ReadShopMoney(order.Required("currentTotalPriceSet")),
            GraphQLJson.ReadShopMoney(order.Required("totalRefundedSet")));
    }
}

/// <summary>The order found by <see cref="OrderById"/>; amounts in the shop's currency.</summary>
/// <param name="Id">The order's gid.</param>
/// <param name="Name">The order's name, for example <c>#1001</c>.</param>
/// <param name="Email">The buyer's e-mail, when given.</param>
/// <param name="CreatedAt">When the order was placed (UTC).</param>
/// <param name="CancelledAt">When it was cancelled, if it was.</param>
/// <param name="FinancialStatus">Shopify's display financial status, for example <c>PAID</c> or <c>PARTIALLY_REFUNDED</c>.</param>
/// <param name="CustomerId">The customer's gid, or null for a guest order.</param>
/// <param name="DiscountCodes">The discount codes applied.</param>
/// <param name="Tags">The order's tags.</param>
/// <param name="TotalPrice">The original total.</param>
/// <param name="CurrentTotalPrice">The total after edits and refunds.</param>
/// <param name="TotalRefunded">What has been refunded so far.</param>
public sealed record OrderByIdResult(
    string Id,
    string Name,
    string? Email,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    string? FinancialStatus,
    string? CustomerId,
    IReadOnlyList<string> DiscountCodes,
    IReadOnlyList<string> Tags,
    Money TotalPrice,
    Money CurrentTotalPrice,
    Money TotalRefunded);
