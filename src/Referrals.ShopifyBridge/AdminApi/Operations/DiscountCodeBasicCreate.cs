using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Creates a discount code (<c>discountCodeBasicCreate</c>, scope <c>write_discounts</c>): by default usable once in all
/// (<c>usageLimit: 1</c>) and once per customer, on all items, from now (or <paramref name="StartsAt"/>) until
/// <paramref name="EndsAt"/>, for one customer when <paramref name="CustomerId"/> is given, for the members of a
/// customer segment when <paramref name="CustomerSegmentId"/> is (for example first-time buyers), else for everyone.
/// Safe to repeat: a second create of the same code is refused with <c>TAKEN</c>, so a deterministic code doubles as an
/// idempotency guard (after an unknown outcome, <c>TAKEN</c> may mean the first attempt succeeded).
/// </summary>
/// <param name="Title">The title merchants see in the admin.</param>
/// <param name="Code">The code the buyer enters.</param>
/// <param name="Value">What the code takes off.</param>
/// <param name="CustomerId">The only customer (gid) who may use it; null for anyone.</param>
/// <param name="StartsAt">When it starts; null for now, by the client's clock.</param>
/// <param name="EndsAt">When it ends; null for never.</param>
/// <param name="UsageLimit">How many times it can be used in all; default 1 (single use), null for no limit (an advocate's
/// shared code: each friend still uses it once, by <c>appliesOncePerCustomer</c>).</param>
/// <param name="CustomerSegmentId">The segment (gid) whose members may use it (<c>context.customerSegments</c>); null for
/// no segment. Not together with <paramref name="CustomerId"/>.</param>
public sealed record DiscountCodeBasicCreate(
    string Title,
    string Code,
    DiscountValue Value,
    string? CustomerId = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    int? UsageLimit = 1,
    string? CustomerSegmentId = null) : IShopifyOperation<DiscountCodeBasicCreateResult>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        mutation DiscountCodeBasicCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
          discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
            codeDiscountNode {
              id
              codeDiscount {
                ... on DiscountCodeBasic {
                  title
                  startsAt
                  endsAt
                  usageLimit
                  appliesOncePerCustomer
                  codes(first: 1) { nodes { code } }
                }
              }
            }
            userErrors { field message code }
          }
        }
        """;

    string IShopifyOperation<DiscountCodeBasicCreateResult>.OperationName => "DiscountCodeBasicCreate";

    string IShopifyOperation<DiscountCodeBasicCreateResult>.Document => Document;

    string? IShopifyOperation<DiscountCodeBasicCreateResult>.MutationField => "discountCodeBasicCreate";

    bool IShopifyOperation<DiscountCodeBasicCreateResult>.IsIdempotent => true;

    JsonObject IShopifyOperation<DiscountCodeBasicCreateResult>.BuildVariables(ShopifyOperationContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Title);
        ArgumentException.ThrowIfNullOrWhiteSpace(Code);
        ArgumentNullException.ThrowIfNull(Value);
        var startsAt = StartsAt ?? context.UtcNow;
        if (EndsAt is { } end && end <= startsAt)
        {
            throw new ArgumentException($"The discount would end ({end:O}) before it starts ({startsAt:O}).", nameof(EndsAt));
        }

        JsonObject value = Value switch
        {
            DiscountValue.Percentage { Fraction: > 0m and <= 1m } p => new JsonObject { ["percentage"] = p.Fraction },
            DiscountValue.FixedAmount { Amount: > 0m } a => new JsonObject
            {
                ["discountAmount"] = new JsonObject { ["amount"] = GraphQLJson.FormatDecimal(a.Amount), ["appliesOnEachItem"] = false },
            },
            _ => throw new ArgumentException($"{Value} is not a usable discount: use a percentage in (0, 1] or a positive amount.", nameof(Value)),
        };

        var discountContext = DiscountContext.For(CustomerId, CustomerSegmentId);

        var input = new JsonObject
        {
            ["title"] = Title,
            ["code"] = Code,
            ["startsAt"] = GraphQLJson.FormatDateTime(startsAt),
            ["appliesOncePerCustomer"] = true,
            ["customerGets"] = new JsonObject { ["value"] = value, ["items"] = new JsonObject { ["all"] = true } },
            ["context"] = discountContext,
        };
        if (UsageLimit is { } limit)
        {
            input["usageLimit"] = limit > 0 ? limit : throw new ArgumentException($"A usage limit must be positive, not {limit}; use null for none.", nameof(UsageLimit));
        }

        if (EndsAt is { } endsAt)
        {
            input["endsAt"] = GraphQLJson.FormatDateTime(endsAt);
        }

        return new JsonObject { ["basicCodeDiscount"] = input };
    }

    DiscountCodeBasicCreateResult IShopifyOperation<DiscountCodeBasicCreateResult>.ReadResult(JsonElement data)
    {
        var node = data.Required("discountCodeBasicCreate").Required("codeDiscountNode");
        var discount = node.Required("codeDiscount");
        var codes = discount.Get("codes")?.Get("nodes");
        var code = codes is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 ? list[0].GetString("code") : null;
        return new DiscountCodeBasicCreateResult(
            node.RequiredString("id"),
            code ?? Code,
            discount.GetString("title") ?? Title,
            discount.GetDateTime("startsAt") ?? throw new JsonException("The Admin API response lacks 'startsAt'."),
            discount.GetDateTime("endsAt"),
            discount.Get("usageLimit")?.GetInt32(),
            discount.Get("appliesOncePerCustomer")?.GetBoolean() ?? false);
    }
}

/// <summary>The discount Shopify created.</summary>
/// <param name="DiscountId">The discount node's gid, <c>gid://shopify/DiscountCodeNode/…</c>.</param>
/// <param name="Code">The code.</param>
/// <param name="Title">The title.</param>
/// <param name="StartsAt">When it starts (UTC).</param>
/// <param name="EndsAt">When it ends, if it does.</param>
/// <param name="UsageLimit">How many times it can be used in all.</param>
/// <param name="AppliesOncePerCustomer">Whether each customer can use it once.</param>
public sealed record DiscountCodeBasicCreateResult(
    string DiscountId,
    string Code,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    int? UsageLimit,
    bool AppliesOncePerCustomer);
