using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.Core;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Takes store credit back (<c>storeCreditAccountDebit</c>), the claw-back tool. <c>INSUFFICIENT_FUNDS</c> (as a
/// <see cref="ShopifyUserErrorsException"/>) means the credit was already spent. <b>Not idempotent</b>, like the credit.
/// </summary>
/// <param name="AccountOrOwnerId">A store-credit account gid, or the owner's gid (the account in <paramref name="Amount"/>'s currency is used).</param>
/// <param name="Amount">The amount to take back; positive.</param>
public sealed record StoreCreditAccountDebit(string AccountOrOwnerId, Money Amount) : IShopifyOperation<StoreCreditAccountDebitResult>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        mutation StoreCreditAccountDebit($id: ID!, $debitInput: StoreCreditAccountDebitInput!) {
          storeCreditAccountDebit(id: $id, debitInput: $debitInput) {
            storeCreditAccountTransaction {
              id
              amount { amount currencyCode }
              balanceAfterTransaction { amount currencyCode }
              account { id }
            }
            userErrors { field message code }
          }
        }
        """;

    string IShopifyOperation<StoreCreditAccountDebitResult>.OperationName => "StoreCreditAccountDebit";

    string IShopifyOperation<StoreCreditAccountDebitResult>.Document => Document;

    string? IShopifyOperation<StoreCreditAccountDebitResult>.MutationField => "storeCreditAccountDebit";

    bool IShopifyOperation<StoreCreditAccountDebitResult>.IsIdempotent => false;

    JsonObject IShopifyOperation<StoreCreditAccountDebitResult>.BuildVariables(ShopifyOperationContext context)
    {
        GraphQLJson.RequireGid(AccountOrOwnerId, nameof(AccountOrOwnerId));
        return new JsonObject { ["id"] = AccountOrOwnerId, ["debitInput"] = new JsonObject { ["debitAmount"] = GraphQLJson.MoneyInput(Amount) } };
    }

    StoreCreditAccountDebitResult IShopifyOperation<StoreCreditAccountDebitResult>.ReadResult(JsonElement data)
    {
        var transaction = data.Required("storeCreditAccountDebit").Required("storeCreditAccountTransaction");
        return new StoreCreditAccountDebitResult(
            transaction.RequiredString("id"),
            transaction.Required("account").RequiredString("id"),
            GraphQLJson.ReadMoney(transaction.Required("amount")),
            GraphQLJson.ReadMoney(transaction.Required("balanceAfterTransaction")));
    }
}

/// <summary>The debit transaction Shopify recorded.</summary>
/// <param name="TransactionId">The transaction's gid.</param>
/// <param name="AccountId">The store-credit account's gid.</param>
/// <param name="Amount">The amount taken, as Shopify reports it (debits may be reported negative).</param>
/// <param name="BalanceAfterTransaction">The account's balance afterwards.</param>
public sealed record StoreCreditAccountDebitResult(string TransactionId, string AccountId, Money Amount, Money BalanceAfterTransaction);
