using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>
/// The fake's <c>storeCreditAccountCredit</c> and <c>storeCreditAccountDebit</c>, with Shopify's error codes. Nothing
/// is deduplicated: every accepted call moves the balance and adds a transaction.
/// </summary>
internal static class FakeStoreCreditHandlers
{
    private const string Transaction = "storeCreditAccountTransaction";

    public static JsonObject Credit(FakeShop shop, JsonElement variables, DateTimeOffset now)
    {
        var input = variables.Prop("creditInput") ?? default;
        var money = input.Prop("creditAmount") ?? default;
        var amount = money.Dec("amount") ?? 0m;
        var currency = money.Str("currencyCode") ?? string.Empty;
        var expiresAt = input.Date("expiresAt");
        var notify = input.Prop("notify") is { ValueKind: JsonValueKind.True };
        if (amount <= 0)
        {
            return Payload("storeCreditAccountCredit", Refused("A positive amount must be used to credit a store credit account.", "NEGATIVE_OR_ZERO_AMOUNT", "creditInput", "creditAmount", "amount"));
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            return Payload("storeCreditAccountCredit", Refused("The expiry date must be in the future.", "EXPIRES_AT_IN_PAST", "creditInput", "expiresAt"));
        }

        var (account, error) = FindAccount(shop, variables.Str("id") ?? string.Empty, currency, createForOwner: true);
        if (account is null)
        {
            return Payload("storeCreditAccountCredit", error!);
        }

        return Apply(shop, account, FakeStoreCreditKind.Credit, amount, expiresAt, notify, now);
    }

    public static JsonObject Debit(FakeShop shop, JsonElement variables, DateTimeOffset now)
    {
        var money = (variables.Prop("debitInput") ?? default).Prop("debitAmount") ?? default;
        var amount = money.Dec("amount") ?? 0m;
        var currency = money.Str("currencyCode") ?? string.Empty;
        if (amount <= 0)
        {
            return Payload("storeCreditAccountDebit", Refused("A positive amount must be used to debit a store credit account.", "NEGATIVE_OR_ZERO_AMOUNT", "debitInput", "debitAmount", "amount"));
        }

        var (account, error) = FindAccount(shop, variables.Str("id") ?? string.Empty, currency, createForOwner: false);
        if (account is null)
        {
            return Payload("storeCreditAccountDebit", error!);
        }

        if (account.Balance < amount)
        {
            return Payload("storeCreditAccountDebit", Refused("The store credit account does not have sufficient funds.", "INSUFFICIENT_FUNDS", "debitInput", "debitAmount", "amount"));
        }

        return Apply(shop, account, FakeStoreCreditKind.Debit, amount, null, false, now);
    }

    private static (FakeStoreCreditAccount? Account, JsonObject? Error) FindAccount(FakeShop shop, string id, string currency, bool createForOwner)
    {
        if (id.StartsWith("gid://shopify/StoreCreditAccount/", StringComparison.Ordinal))
        {
            var byId = shop.Accounts.FirstOrDefault(a => a.Id == id);
            if (byId is null)
            {
                return (null, Refused("Store credit account does not exist.", "ACCOUNT_NOT_FOUND", "id"));
            }

            return byId.Currency == currency ? (byId, null) : (null, Refused("The currency does not match the account's currency.", "MISMATCHING_CURRENCY", "id"));
        }

        if (shop.Customer(id) is null)
        {
            return (null, Refused("Owner does not exist.", "OWNER_NOT_FOUND", "id"));
        }

        var account = shop.Accounts.FirstOrDefault(a => a.OwnerId == id && a.Currency == currency);
        if (account is null && createForOwner)
        {
            account = new FakeStoreCreditAccount(shop.NewId("StoreCreditAccount"), id, currency, 0m);
            shop.Accounts.Add(account);
        }

        return account is null ? (null, Refused("Store credit account does not exist.", "ACCOUNT_NOT_FOUND", "id")) : (account, null);
    }

    private static JsonObject Apply(FakeShop shop, FakeStoreCreditAccount account, FakeStoreCreditKind kind, decimal amount, DateTimeOffset? expiresAt, bool notify, DateTimeOffset now)
    {
        var balance = kind == FakeStoreCreditKind.Credit ? account.Balance + amount : account.Balance - amount;
        shop.Accounts[shop.Accounts.IndexOf(account)] = account with { Balance = balance };
        var type = kind == FakeStoreCreditKind.Credit ? "StoreCreditAccountCreditTransaction" : "StoreCreditAccountDebitTransaction";
        var transaction = new FakeStoreCreditTransaction(shop.NewId(type), account.Id, account.OwnerId, kind, amount, account.Currency, balance, expiresAt, notify, now);
        shop.Transactions.Add(transaction);
        var node = new JsonObject
        {
            ["id"] = transaction.Id,
            ["amount"] = FakeJson.Money(amount, account.Currency),
            ["balanceAfterTransaction"] = FakeJson.Money(balance, account.Currency),
            ["account"] = new JsonObject { ["id"] = account.Id, ["balance"] = FakeJson.Money(balance, account.Currency) },
            ["createdAt"] = FakeJson.Time(now),
        };
        if (kind == FakeStoreCreditKind.Credit)
        {
            node["expiresAt"] = FakeJson.Time(expiresAt);
        }

        var field = kind == FakeStoreCreditKind.Credit ? "storeCreditAccountCredit" : "storeCreditAccountDebit";
        return Payload(field, new JsonObject { [Transaction] = node, ["userErrors"] = new JsonArray() });
    }

    private static JsonObject Refused(string message, string code, params string[] field) => FakeJson.Refused(Transaction, FakeJson.UserError(message, code, field));

    private static JsonObject Payload(string field, JsonObject payload) => new() { [field] = payload };
}
