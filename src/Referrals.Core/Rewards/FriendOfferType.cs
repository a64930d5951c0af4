namespace Referrals.Core.Rewards;

/// <summary>What the referred friend is offered to try the business without risk.</summary>
public enum FriendOfferType
{
    /// <summary>A fixed amount off the first order.</summary>
    FixedAmount = 0,

    /// <summary>A percentage off the first order.</summary>
    Percentage = 1,

    /// <summary>Free shipping on the first order.</summary>
    FreeShipping = 2,

    /// <summary>Something other than money: a free consultation, a trial session, a sample.</summary>
    NonMonetary = 3,
}
