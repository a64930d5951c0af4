namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>What a discount code takes off: a percentage or a fixed amount.</summary>
public abstract record DiscountValue
{
    private protected DiscountValue()
    {
    }

    /// <summary>A share of the order, for example 0.15 for 15 % off.</summary>
    /// <param name="Fraction">Between 0 (exclusive) and 1 (inclusive).</param>
    public sealed record Percentage(decimal Fraction) : DiscountValue;

    /// <summary>A fixed amount off the order, once (not per item).</summary>
    /// <param name="Amount">Positive, in the shop's currency: Shopify's discount input carries no currency.</param>
    public sealed record FixedAmount(decimal Amount) : DiscountValue;
}
