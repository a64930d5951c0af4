namespace Referrals.Core.Engine;

/// <summary>An order was delivered, or the work it paid for was completed.</summary>
/// <param name="OrderId">The host's order id.</param>
/// <param name="At">When it was fulfilled; the fulfilment ask is due a number of days after it.</param>
/// <param name="Currency">The order's currency (ISO 4217), used only for an order not seen yet; empty when unknown.</param>
public sealed record OrderFulfilled(string OrderId, DateTimeOffset At, string Currency = "");
