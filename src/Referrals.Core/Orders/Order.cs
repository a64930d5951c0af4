namespace Referrals.Core.Orders;

/// <summary>
/// A customer's order as the engine knows it. Rows can appear before the order is paid: a refund or a cancellation
/// that arrives first creates the row, so that the payment arriving later sees it.
/// <c>(TenantId, ExternalId)</c> is unique.
/// </summary>
public sealed class Order
{
    private Order()
    {
        ExternalId = Currency = "";
    }

    /// <summary>Creates an order known only by its id (for example from an early refund).</summary>
    public Order(Guid tenantId, string externalId, string currency, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ExternalId = externalId;
        Currency = currency;
        CreatedAt = now;
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The host's id for the order (a Shopify order id).</summary>
    public string ExternalId { get; private set; }

    /// <summary>The order number customers see, like <c>#1001</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The buyer.</summary>
    public Guid? ContactId { get; set; }

    /// <summary>The order's total at payment.</summary>
    public decimal Total { get; set; }

    /// <summary>The ISO 4217 currency.</summary>
    public string Currency { get; set; }

    /// <summary>When the order was placed.</summary>
    public DateTimeOffset? PlacedAt { get; set; }

    /// <summary>When it was paid; null until then.</summary>
    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>
    /// When it was delivered or the work completed (the first fulfilment reported); null until then. May be set before
    /// <see cref="PaidAt"/> when the events arrive out of order.
    /// </summary>
    public DateTimeOffset? FulfilledAt { get; set; }

    /// <summary>When it was cancelled.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The sum of all refunds recorded.</summary>
    public decimal RefundedAmount { get; set; }

    /// <summary>The referral this order converted, if any.</summary>
    public Guid? ReferralId { get; set; }

    /// <summary>When the row was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Whether nothing of the order's value remains.</summary>
    public bool IsVoid => CancelledAt is not null || (PaidAt is not null && Total > 0 && RefundedAmount >= Total);
}
