using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>The fake's queries: <c>customers(query: "email:…")</c>, <c>order(id:)</c> and <c>codeDiscountNodeByCode(code:)</c>.</summary>
internal static partial class FakeQueryHandlers
{
    public static JsonObject Customers(FakeShop shop, JsonElement variables)
    {
        var query = variables.Str("query") ?? string.Empty;
        var match = EmailTerm().Match(query);
        var email = match.Success
            ? (match.Groups["quoted"].Success ? Regex.Unescape(match.Groups["quoted"].Value) : match.Groups["bare"].Value)
            : null;
        var nodes = new JsonArray();
        var found = email is null ? null : shop.Customers.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            nodes.Add(new JsonObject
            {
                ["id"] = found.Id,
                ["defaultEmailAddress"] = new JsonObject { ["emailAddress"] = found.Email },
                ["tags"] = FakeJson.Array(shop.MutableTags(found.Id) ?? []),
                ["numberOfOrders"] = found.NumberOfOrders.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["amountSpent"] = FakeJson.Money(found.AmountSpent, shop.Currency),
            });
        }

        return new JsonObject { ["customers"] = new JsonObject { ["nodes"] = nodes } };
    }

    public static JsonObject ShopAccess(FakeShop shop) => new()
    {
        ["shop"] = new JsonObject { ["name"] = shop.Name, ["myshopifyDomain"] = shop.Domain },
        ["currentAppInstallation"] = new JsonObject
        {
            ["accessScopes"] = new JsonArray(shop.AccessScopes.Select(s => (JsonNode)new JsonObject { ["handle"] = s }).ToArray()),
        },
    };

    public static JsonObject Order(FakeShop shop, JsonElement variables)
    {
        var order = variables.Str("id") is { } id ? shop.Order(id) : null;
        if (order is null)
        {
            return new JsonObject { ["order"] = null };
        }

        var current = order.TotalPrice - order.TotalRefunded;
        return new JsonObject
        {
            ["order"] = new JsonObject
            {
                ["id"] = order.Id,
                ["name"] = order.Name,
                ["email"] = order.Email,
                ["createdAt"] = FakeJson.Time(order.CreatedAt),
                ["cancelledAt"] = FakeJson.Time(order.CancelledAt),
                ["displayFinancialStatus"] = order.FinancialStatus,
                ["customer"] = order.CustomerId is null ? null : new JsonObject { ["id"] = order.CustomerId },
                ["discountCodes"] = FakeJson.Array(order.DiscountCodes),
                ["tags"] = FakeJson.Array(shop.MutableTags(order.Id) ?? []),
                ["totalPriceSet"] = FakeJson.MoneyBag(order.TotalPrice, shop.Currency),
                ["currentTotalPriceSet"] = FakeJson.MoneyBag(current, shop.Currency),
                ["totalRefundedSet"] = FakeJson.MoneyBag(order.TotalRefunded, shop.Currency),
            },
        };
    }

    public static JsonObject CodeDiscountNodeByCode(FakeShop shop, JsonElement variables)
    {
        var code = variables.Str("code");
        var found = code is null ? null : shop.Discounts.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
        return new JsonObject
        {
            ["codeDiscountNodeByCode"] = found is null ? null : new JsonObject
            {
                ["id"] = found.Id,
                ["codeDiscount"] = new JsonObject { ["__typename"] = "DiscountCodeBasic", ["title"] = found.Title },
            },
        };
    }

    [GeneratedRegex("""email:\s*(?:"(?<quoted>(?:[^"\\]|\\.)*)"|(?<bare>[^\s"]+))""", RegexOptions.CultureInvariant)]
    private static partial Regex EmailTerm();
}
