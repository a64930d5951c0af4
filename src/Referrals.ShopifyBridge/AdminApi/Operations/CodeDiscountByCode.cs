using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Finds the code discount that owns a code (<c>codeDiscountNodeByCode</c>, scope <c>read_discounts</c>, implied by
/// <c>write_discounts</c>), to tell our own earlier create from someone else's code after a <c>TAKEN</c>.
/// </summary>
/// <param name="Code">The code, in any case (Shopify matches codes case-insensitively).</param>
public sealed record CodeDiscountByCode(string Code) : IShopifyOperation<CodeDiscountByCodeResult?>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        query CodeDiscountByCode($code: String!) {
          codeDiscountNodeByCode(code: $code) {
            id
            codeDiscount {
              ... on DiscountCodeBasic { title }
              ... on DiscountCodeFreeShipping { title }
              ... on DiscountCodeBxgy { title }
            }
          }
        }
        """;

    string IShopifyOperation<CodeDiscountByCodeResult?>.OperationName => "CodeDiscountByCode";

    string IShopifyOperation<CodeDiscountByCodeResult?>.Document => Document;

    string? IShopifyOperation<CodeDiscountByCodeResult?>.MutationField => null;

    bool IShopifyOperation<CodeDiscountByCodeResult?>.IsIdempotent => true;

    JsonObject IShopifyOperation<CodeDiscountByCodeResult?>.BuildVariables(ShopifyOperationContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Code);
        return new JsonObject { ["code"] = Code.Trim() };
    }

    CodeDiscountByCodeResult? IShopifyOperation<CodeDiscountByCodeResult?>.ReadResult(JsonElement data)
    {
        var node = data.Get("codeDiscountNodeByCode");
        if (node is not { ValueKind: JsonValueKind.Object } found)
        {
            return null;
        }

        return new CodeDiscountByCodeResult(found.RequiredString("id"), found.Get("codeDiscount")?.GetString("title"));
    }
}

/// <summary>The code discount found by <see cref="CodeDiscountByCode"/>.</summary>
/// <param name="DiscountId">The discount node's gid.</param>
/// <param name="Title">Its title, when it is a kind the query reads.</param>
public sealed record CodeDiscountByCodeResult(string DiscountId, string? Title);
