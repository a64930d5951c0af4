using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Creates a free-shipping code (<c>discountCodeFreeShippingCreate</c>, scope <c>write_discounts</c>) for everyone (or
/// the members of <paramref name="CustomerSegmentId"/>), to every destination, once per customer, from now; no overall
/// limit. Safe to repeat: a second create of the same code is refused with <c>TAKEN</c>.
/// </summary>
/// <param name="Title">The title merchants see in the admin.</param>
/// <param name="Code">The code the buyer enters.</param>
/// <param name="CustomerSegmentId">The segment (gid) whose members may use it; null for everyone.</param>
public sealed record DiscountCodeFreeShippingCreate(string Title, string Code, string? CustomerSegmentId = null) : IShopifyOperation<string>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        mutation DiscountCodeFreeShippingCreate($freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) {
          discountCodeFreeShippingCreate(freeShippingCodeDiscount: $freeShippingCodeDiscount) {
            codeDiscountNode { id }
            userErrors { field message code }
          }
        }
        """;

    string IShopifyOperation<string>.OperationName => "DiscountCodeFreeShippingCreate";

    string IShopifyOperation<string>.Document => Document;

    string? IShopifyOperation<string>.MutationField => "discountCodeFreeShippingCreate";

    bool IShopifyOperation<string>.IsIdempotent => true;

    JsonObject IShopifyOperation<string>.BuildVariables(ShopifyOperationContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Title);
        ArgumentException.ThrowIfNullOrWhiteSpace(Code);
        return new JsonObject
        {
            ["freeShippingCodeDiscount"] = new JsonObject
            {
                ["title"] = Title,
                ["code"] = Code,
                ["startsAt"] = GraphQLJson.FormatDateTime(context.UtcNow),
                ["appliesOncePerCustomer"] = true,
                ["context"] = DiscountContext.For(null, CustomerSegmentId),
                ["destination"] = new JsonObject { ["all"] = true },
            },
        };
    }

    /// <returns>The discount node's gid.</returns>
    string IShopifyOperation<string>.ReadResult(JsonElement data) =>
        data.Required("discountCodeFreeShippingCreate").Required("codeDiscountNode").RequiredString("id");
}
