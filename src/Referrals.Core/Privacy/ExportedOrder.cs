namespace Referrals.Core.Privacy;

/// <summary>An order the contact placed, with its refunds.</summary>
public sealed record ExportedOrder
{
    /// <summary>The shop's order id.</summary>
    public required string OrderId { get; init; }

    /// <summary>The order's name, like <c>#1001</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The total.</summary>
    public required ExportedMoney Total { get; init; }

    /// <summary>The amount refunded so far.</summary>
    public required ExportedMoney Refunded { get; init; }

    /// <summary>Placed.</summary>
    public DateTimeOffset? PlacedAt { get; init; }

    /// <summary>Paid.</summary>
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>Cancelled.</summary>
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>The referral the order converted, if any.</summary>
    public Guid? ReferralId { get; init; }

    /// <summary>The order's refunds.</summary>
    public required IReadOnlyList<ExportedRefund> Refunds { get; init; }
}
