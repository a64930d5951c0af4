using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.Core;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Reads a customer's store-credit accounts and their latest transactions, newest first
/// (<c>customer(id) { storeCreditAccounts { transactions(reverse: true) } }</c>, scope
/// <c>read_store_credit_account_transactions</c>). Used to read back after a credit or debit whose outcome is unknown.
/// </summary>
/// <param name="CustomerId">The customer's gid.</param>
/// <param name="First">How many transactions to read per account, newest first (1 to 250).</param>
public sealed record CustomerStoreCreditTransactions(string CustomerId, int First = 100) : IShopifyOperation<IReadOnlyList<StoreCreditTransactionInfo>?>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        query CustomerStoreCreditTransactions($id: ID!, $first: Int!) {
          customer(id: $id) {
            id
            storeCreditAccounts(first: 10) {
              nodes {
                id
                balance { amount currencyCode }
                transactions(first: $first, reverse: true) {
                  nodes {
                    __typename
                    amount { amount currencyCode }
                    createdAt
                    ... on StoreCreditAccountCreditTransaction { id }
                    ... on StoreCreditAccountDebitTransaction { id }
                  }
                }
              }
            }
          }
        }
        """;

    string IShopifyOperation<IReadOnlyList<StoreCreditTransactionInfo>?>.OperationName => "CustomerStoreCreditTransactions";

    string IShopifyOperation<IReadOnlyList<StoreCreditTransactionInfo>?>.Document => Document;

    string? IShopifyOperation<IReadOnlyList<StoreCreditTransactionInfo>?>.MutationField => null;

    bool IShopifyOperation<IReadOnlyList<StoreCreditTransactionInfo>?>.IsIdempotent => true;

    JsonObject IShopifyOperation<IReadOnlyList<StoreCreditTransactionInfo>?>.BuildVariables(ShopifyOperationContext context)
    {
        GraphQLJson.RequireGid(CustomerId, nameof(CustomerId));
        ArgumentOutOfRangeException.ThrowIfLessThan(First, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(First, 250);
        return new JsonObject { ["id"] = CustomerId, ["first"] = First };
    }

    IReadOnlyList<StoreCreditTransactionInfo>? IShopifyOperation<IReadOnlyList<StoreCreditTransactionInfo>?>.ReadResult(JsonElement data)
    {
        if (data.Get("customer") is not { ValueKind: JsonValueKind.Object } customer)
        {
            return null;
        }

        var result = new List<StoreCreditTransactionInfo>();
        foreach (var account in customer.Required("storeCreditAccounts").Required("nodes").EnumerateArray())
        {
            var accountId = account.RequiredString("id");
            foreach (var transaction in account.Required("transactions").Required("nodes").EnumerateArray())
            {
                var type = transaction.GetString("__typename") ?? string.Empty;
                var kind = type.Contains("Debit", StringComparison.Ordinal) ? StoreCreditTransactionKind.Debit
                    : type.Contains("Credit", StringComparison.Ordinal) ? StoreCreditTransactionKind.Credit
                    : StoreCreditTransactionKind.Other;
                var amount = GraphQLJson.ReadMoney(transaction.Required("amount"));
                result.Add(new StoreCreditTransactionInfo(
                    transaction.GetString("id"),
                    accountId,
                    kind,
                    new Money(Math.Abs(amount.Amount), amount.Currency),
                    transaction.GetDateTime("createdAt")));
            }
        }

        return result;
    }
}

/// <summary>Whether a store-credit transaction added or took credit.</summary>
public enum StoreCreditTransactionKind
{
    /// <summary>Another kind (an expiry, a spend at checkout).</summary>
    Other,

    /// <summary>A <c>StoreCreditAccountCreditTransaction</c>.</summary>
    Credit,

    /// <summary>A <c>StoreCreditAccountDebitTransaction</c>.</summary>
    Debit,
}

/// <summary>One store-credit transaction read by <see cref="CustomerStoreCreditTransactions"/>.</summary>
/// <param name="Id">The transaction's gid, when Shopify exposes one for its type.</param>
/// <param name="AccountId">The account's gid.</param>
/// <param name="Kind">Credit, debit or other.</param>
/// <param name="Amount">The amount moved, always positive.</param>
/// <param name="CreatedAt">When it was recorded.</param>
public sealed record StoreCreditTransactionInfo(string? Id, string AccountId, StoreCreditTransactionKind Kind, Money Amount, DateTimeOffset? CreatedAt);
