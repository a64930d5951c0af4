using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.Core;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Adds store credit (<c>storeCreditAccountCredit</c>, scope <c>write_store_credit_account_transactions</c>).
/// <b>Not idempotent</b>: each call that reaches Shopify adds credit, so the client never repeats it after an unknown
/// outcome (<see cref="ShopifyOutcomeUnknownException"/>); write the ledger entry first and read back before retrying.
/// </summary>
/// <param name="AccountOrOwnerId">A store-credit account gid, or the owner's gid (a customer): Shopify then opens an account in <paramref name="Amount"/>'s currency when needed.</param>
/// <param name="Amount">The credit; positive.</param>
/// <param name="ExpiresAt">When the credit expires; null for never.</param>
/// <param name="Notify">Whether Shopify e-mails the customer about the credit.</param>
public sealed record StoreCreditAccountCredit(string AccountOrOwnerId, Money Amount, DateTimeOffset? ExpiresAt = null, bool Notify = false)
    : IShopifyOperation<StoreCreditAccountCreditResult>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        mutation StoreCreditAccountCredit($id: ID!, $creditInput: StoreCreditAccountCreditInput!) {
          storeCreditAccountCredit(id: $id, creditInput: $creditInput) {
            storeCreditAccountTransaction {
              id
              amount { amount currencyCode }
              balanceAfterTransaction { amount currencyCode }
              account { id }
              expiresAt
            }
            userErrors { field message code }
          }
        }
        """;

    string IShopifyOperation<StoreCreditAccountCreditResult>.OperationName => "StoreCreditAccountCredit";

    string IShopifyOperation<StoreCreditAccountCreditResult>.Document => Document;

    string? IShopifyOperation<StoreCreditAccountCreditResult>.MutationField => "storeCreditAccountCredit";

    bool IShopifyOperation<StoreCreditAccountCreditResult>.IsIdempotent => false;

    JsonObject IShopifyOperation<StoreCreditAccountCreditResult>.BuildVariables(ShopifyOperationContext context)
    {
        GraphQLJson.RequireGid(AccountOrOwnerId, nameof(AccountOrOwnerId));
        var input = new JsonObject { ["creditAmount"] = GraphQLJson.MoneyInput(Amount), ["notify"] = Notify };
        if (ExpiresAt is { } expiresAt)
        {
            input["expiresAt"] = GraphQLJson.FormatDateTime(expiresAt);
        }

        return new JsonObject { ["id"] = AccountOrOwnerId, ["creditInput"] = input };
    }

    StoreCreditAccountCreditResult IShopifyOperation<StoreCreditAccountCreditResult>.ReadResult(JsonElement data)
    {
        var transaction = data.Required("storeCreditAccountCredit").Required("storeCreditAccountTransaction");
        return new StoreCreditAccountCreditResult(
            transaction.RequiredString("id"),
            transaction.Required("account").RequiredString("id"),
            GraphQLJson.ReadMoney(transaction.Required("amount")),
            GraphQLJson.ReadMoney(transaction.Required("balanceAfterTransaction")),
            transaction.GetDateTime("expiresAt"));
    }
}

/// <summary>The credit transaction Shopify recorded.</summary>
/// <param name="TransactionId">The transaction's gid: keep it as the reward's external reference.</param>
/// <param name="AccountId">The store-credit account's gid.</param>
/// <param name="Amount">The amount credited.</param>
/// <param name="BalanceAfterTransaction">The account's balance afterwards.</param>
/// <param name="ExpiresAt">When the credit expires, if it does.</param>
public sealed record StoreCreditAccountCreditResult(string TransactionId, string AccountId, Money Amount, Money BalanceAfterTransaction, DateTimeOffset? ExpiresAt);
