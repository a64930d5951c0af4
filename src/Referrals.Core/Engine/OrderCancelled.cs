namespace Referrals.Core.Engine;

/// <summary>An order was cancelled.</summary>
/// <param name="OrderId">The host's order id.</param>
/// <param name="Currency">The order's currency, for an order not seen yet.</param>
/// <param name="At">When.</param>
public sealed record OrderCancelled(string OrderId, string Currency, DateTimeOffset At);
