namespace Referrals.Core.Orders;

/// <summary>One refund of an order. <c>(TenantId, OrderExternalId, RefundId)</c> is unique, so a repeated refund event is a no-op.</summary>
public sealed class OrderRefund
{
    private OrderRefund()
    {
        OrderExternalId = RefundId = Currency = "";
    }

    /// <summary>Records a refund.</summary>
    public OrderRefund(Guid tenantId, string orderExternalId, string refundId, decimal amount, string currency, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderExternalId);
        ArgumentException.ThrowIfNullOrWhiteSpace(refundId);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        TenantId = tenantId;
        OrderExternalId = orderExternalId;
        RefundId = refundId;
        Amount = amount;
        Currency = currency;
        At = at;
    }

    /// <summary>Row id.</summary>
    public long Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The order's external id.</summary>
    public string OrderExternalId { get; private set; }

    /// <summary>The host's refund id.</summary>
    public string RefundId { get; private set; }

    /// <summary>The amount returned to the customer.</summary>
    public decimal Amount { get; private set; }

    /// <summary>The ISO 4217 currency.</summary>
    public string Currency { get; private set; }

    /// <summary>When the refund was made.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Whether its claw-backs have been written (false while the order is not paid yet).</summary>
    public bool Applied { get; set; }
}
