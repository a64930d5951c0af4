using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.Core;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>Finds the customer with an e-mail address (<c>customers(query: "email:…")</c>, scope <c>read_customers</c>).</summary>
/// <param name="Email">The address as the shopper gave it; quoted in the search, because Shopify tokenises the <c>email</c> field.</param>
public sealed record CustomerByEmail(string Email) : IShopifyOperation<CustomerByEmailResult?>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        query CustomerByEmail($query: String!) {
          customers(first: 1, query: $query) {
            nodes {
              id
              defaultEmailAddress { emailAddress }
              tags
              numberOfOrders
              amountSpent { amount currencyCode }
            }
          }
        }
        """;

    string IShopifyOperation<CustomerByEmailResult?>.OperationName => "CustomerByEmail";

    string IShopifyOperation<CustomerByEmailResult?>.Document => Document;

    string? IShopifyOperation<CustomerByEmailResult?>.MutationField => null;

    bool IShopifyOperation<CustomerByEmailResult?>.IsIdempotent => true;

    /// <summary>The search string sent: <c>email:"jane@example.com"</c>, with quotes and backslashes escaped.</summary>
    public string SearchQuery => "email:\"" + Email.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    JsonObject IShopifyOperation<CustomerByEmailResult?>.BuildVariables(ShopifyOperationContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Email);
        return new JsonObject { ["query"] = SearchQuery };
    }

    CustomerByEmailResult? IShopifyOperation<CustomerByEmailResult?>.ReadResult(JsonElement data)
    {
        var nodes = data.Required("customers").Required("nodes");
        if (nodes.GetArrayLength() == 0)
        {
            return null;
        }

        var customer = nodes[0];
        return new CustomerByEmailResult(
            customer.RequiredString("id"),
            customer.Get("defaultEmailAddress")?.GetString("emailAddress"),
            customer.GetStrings("tags"),
            customer.Get("numberOfOrders") is { } count ? GraphQLJson.ReadInt64(count) : 0,
            customer.Get("amountSpent") is { } spent ? GraphQLJson.ReadMoney(spent) : null);
    }
}

/// <summary>The customer found by <see cref="CustomerByEmail"/>.</summary>
/// <param name="Id">The customer's gid, <c>gid://shopify/Customer/…</c>.</param>
/// <param name="Email">The default e-mail address, when Shopify shows it (protected customer data level 2).</param>
/// <param name="Tags">The customer's tags.</param>
/// <param name="NumberOfOrders">Orders the customer has placed.</param>
/// <param name="AmountSpent">What the customer has spent, in the shop's currency; null when not given.</param>
public sealed record CustomerByEmailResult(string Id, string? Email, IReadOnlyList<string> Tags, long NumberOfOrders, Money? AmountSpent);
