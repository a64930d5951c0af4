using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>The fake's <c>customer(id)</c> query: the customer's store-credit accounts and their transactions, newest first.</summary>
internal static class FakeCustomerQueryHandlers
{
    public static JsonObject Customer(FakeShop shop, JsonElement variables)
    {
        var id = variables.Str("id") ?? string.Empty;
        if (shop.Customer(id) is null)
        {
            return new JsonObject { ["customer"] = null };
        }

        var first = (int)(variables.Dec("first") ?? 100m);
        var accounts = new JsonArray();
        foreach (var account in shop.Accounts.Where(a => a.OwnerId == id))
        {
            var transactions = new JsonArray();
            foreach (var t in shop.Transactions.Where(t => t.AccountId == account.Id).Reverse().Take(first))
            {
                var debit = t.Kind == FakeStoreCreditKind.Debit;
                transactions.Add(new JsonObject
                {
                    ["__typename"] = debit ? "StoreCreditAccountDebitTransaction" : "StoreCreditAccountCreditTransaction",
                    ["id"] = t.Id,
                    ["amount"] = FakeJson.Money(debit ? -t.Amount : t.Amount, t.Currency),
                    ["createdAt"] = FakeJson.Time(t.CreatedAt),
                });
            }

            accounts.Add(new JsonObject
            {
                ["id"] = account.Id,
                ["balance"] = FakeJson.Money(account.Balance, account.Currency),
                ["transactions"] = new JsonObject { ["nodes"] = transactions },
            });
        }

        return new JsonObject { ["customer"] = new JsonObject { ["id"] = id, ["storeCreditAccounts"] = new JsonObject { ["nodes"] = accounts } } };
    }
}
