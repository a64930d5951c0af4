using System.Globalization;
using Referrals.Core.Rewards;

namespace Referrals.Core.Engine;

/// <summary>Words a program's <see cref="FriendOffer"/> as the <c>friend_offer</c> phrase of the ask templates.</summary>
public static class FriendOfferPhrase
{
    /// <summary>The phrase for a non-monetary offer that has no description.</summary>
    public const string FallbackNonMonetary = "a special welcome from us";

    /// <summary>
    /// "10 EUR off their first order", "15 % off their first order", "free shipping on their first order", or the
    /// description of a non-monetary offer.
    /// </summary>
    /// <param name="offer">The offer.</param>
    /// <param name="currency">The program currency (ISO 4217), for fixed amounts.</param>
    /// <returns>A phrase that reads after "a friend gets".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offer"/> is null.</exception>
    public static string For(FriendOffer offer, string currency)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var value = offer.Value.ToString("0.##", CultureInfo.InvariantCulture);
        return offer.Type switch
        {
            FriendOfferType.FixedAmount => $"{value} {currency} off their first order",
            FriendOfferType.Percentage => $"{value} % off their first order",
            FriendOfferType.FreeShipping => "free shipping on their first order",
            _ => string.IsNullOrWhiteSpace(offer.Description) ? FallbackNonMonetary : offer.Description.Trim(),
        };
    }
}
