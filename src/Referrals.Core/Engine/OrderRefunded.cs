namespace Referrals.Core.Engine;

/// <summary>A refund of (part of) an order.</summary>
/// <param name="OrderId">The host's order id.</param>
/// <param name="RefundId">The host's refund id; a repeated refund id is ignored.</param>
/// <param name="Amount">The amount returned to the customer.</param>
/// <param name="At">When.</param>
public sealed record OrderRefunded(string OrderId, string RefundId, Money Amount, DateTimeOffset At);
