namespace Referrals.Core.Analytics;

/// <summary>
/// Referred customers against all other customers for one currency over one bucket of time (a month, or the whole
/// period). A referred customer is the friend of a referral that stands (Converted or Rewarded) — with the attribution
/// policy's first-orders-only rule on, that is exactly "the customer's first order came through a referral". The class is
/// read when the figures are computed, so a conversion rejected later moves its friend back to the others.
/// </summary>
/// <param name="Start">The first instant of the bucket (UTC).</param>
/// <param name="End">The first instant after the bucket (UTC).</param>
/// <param name="Currency">The ISO 4217 currency of the orders counted.</param>
/// <param name="Referred">The referred customers' figures.</param>
/// <param name="Other">Every other customer's figures.</param>
public sealed record CustomerValueComparison(DateTimeOffset Start, DateTimeOffset End, string Currency, CustomerValueFigures Referred, CustomerValueFigures Other);
