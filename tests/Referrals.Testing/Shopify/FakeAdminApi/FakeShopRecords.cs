namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>A customer of a fake shop. Tags live in the shop (see <see cref="FakeShop.TagsOf"/>).</summary>
public sealed record FakeCustomer(string Id, string Email, long NumberOfOrders, decimal AmountSpent);

/// <summary>An order of a fake shop; amounts in the shop's currency. Tags live in the shop.</summary>
public sealed record FakeOrder(
    string Id,
    string Name,
    string? Email,
    string? CustomerId,
    DateTimeOffset CreatedAt,
    decimal TotalPrice,
    decimal TotalRefunded,
    string FinancialStatus,
    IReadOnlyList<string> DiscountCodes,
    DateTimeOffset? CancelledAt);

/// <summary>A store-credit account: one per owner and currency.</summary>
public sealed record FakeStoreCreditAccount(string Id, string OwnerId, string Currency, decimal Balance);

/// <summary>Whether a store-credit transaction added or took credit.</summary>
public enum FakeStoreCreditKind
{
    /// <summary><c>storeCreditAccountCredit</c>.</summary>
    Credit,

    /// <summary><c>storeCreditAccountDebit</c>.</summary>
    Debit,
}

/// <summary>One store-credit transaction, in the order applied. Nothing is deduplicated: a repeated credit shows twice.</summary>
public sealed record FakeStoreCreditTransaction(
    string Id,
    string AccountId,
    string OwnerId,
    FakeStoreCreditKind Kind,
    decimal Amount,
    string Currency,
    decimal BalanceAfter,
    DateTimeOffset? ExpiresAt,
    bool Notify,
    DateTimeOffset CreatedAt);

/// <summary>A discount code created through <c>discountCodeBasicCreate</c> or <c>discountCodeFreeShippingCreate</c> (<paramref name="FreeShipping"/>).</summary>
public sealed record FakeDiscountCode(
    string Id,
    string Code,
    string Title,
    decimal? Percentage,
    decimal? Amount,
    IReadOnlyList<string> CustomerIds,
    int? UsageLimit,
    bool AppliesOncePerCustomer,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    bool FreeShipping = false,
    IReadOnlyList<string>? CustomerSegmentIds = null);

/// <summary>A customer segment created through <c>segmentCreate</c>.</summary>
public sealed record FakeSegment(string Id, string Name, string Query);

/// <summary>A metafield set through <c>metafieldsSet</c>.</summary>
public sealed record FakeMetafield(string Id, string OwnerId, string Namespace, string Key, string Type, string Value);

/// <summary>A webhook subscription created through <c>webhookSubscriptionCreate</c>.</summary>
public sealed record FakeWebhookSubscription(string Id, string Topic, string Uri, IReadOnlyList<string> IncludeFields, string? Filter);
