namespace Referrals.Core.Attribution;

/// <summary>
/// Where on an order a referral was found. The numeric order of the members is the attribution priority
/// (lower wins), so do not reorder them: a friend code used at checkout is the strongest evidence, an
/// invited e-mail that happens to match the buyer is the weakest.
/// </summary>
public enum AttributionRule
{
    /// <summary>A referral (friend) code among the order's discount codes.</summary>
    DiscountCode = 0,

    /// <summary>A referral code the storefront stored in the order's note (cart) attributes.</summary>
    NoteAttribute = 1,

    /// <summary>A <c>ref</c> query parameter of the page the buyer first landed on.</summary>
    LandingSiteRef = 2,

    /// <summary>The buyer's normalized e-mail equals the e-mail of a friend an advocate invited.</summary>
    InvitedEmail = 3,
}
