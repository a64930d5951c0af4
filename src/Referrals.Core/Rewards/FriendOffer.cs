namespace Referrals.Core.Rewards;

/// <summary>The risk-free, no-obligation offer a referred friend gets (step 4 of the ask script).</summary>
public sealed class FriendOffer
{
    /// <summary>The default offer: 10 off the first order.</summary>
    public const decimal DefaultValue = 10m;

    /// <summary>The kind of offer.</summary>
    public FriendOfferType Type { get; set; } = FriendOfferType.FixedAmount;

    /// <summary>The amount (for <see cref="FriendOfferType.FixedAmount"/>) or percent (for <see cref="FriendOfferType.Percentage"/>).</summary>
    public decimal Value { get; set; } = DefaultValue;

    /// <summary>How the offer is described to the friend; required for <see cref="FriendOfferType.NonMonetary"/>.</summary>
    public string? Description { get; set; }
}
