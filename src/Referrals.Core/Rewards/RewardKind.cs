namespace Referrals.Core.Rewards;

/// <summary>How a reward reaches its beneficiary.</summary>
public enum RewardKind
{
    /// <summary>Credit on the customer's store-credit account (Shopify <c>storeCreditAccountCredit</c>).</summary>
    StoreCredit = 0,

    /// <summary>A single-use discount code for the amount.</summary>
    DiscountCode = 1,

    /// <summary>A gift card.</summary>
    GiftCard = 2,

    /// <summary>Loyalty points in another system.</summary>
    Points = 3,

    /// <summary>A donation to a cause the customer picked.</summary>
    Donation = 4,

    /// <summary>Paid out by hand (a cheque, a bottle of wine, a dinner); the editor records it.</summary>
    Manual = 5,
}
