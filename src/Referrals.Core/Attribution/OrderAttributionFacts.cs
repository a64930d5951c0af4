namespace Referrals.Core.Attribution;

/// <summary>
/// What attribution needs to know about one order, already taken out of the shop's payload by the caller
/// (for Shopify: <c>discount_codes[].code</c>, <c>note_attributes</c>, <c>landing_site</c>,
/// <c>landing_site_ref</c>). Values are passed as received except the e-mail, which the caller normalizes.
/// </summary>
/// <remarks>
/// The lists are compared by reference in record equality; treat instances as immutable snapshots.
/// </remarks>
public sealed record OrderAttributionFacts
{
    /// <summary>The order's id in the shop, for example a Shopify order GID.</summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public required string OrderId
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(OrderId));
            field = value;
        }
    }

    /// <summary>When the order was placed; attribution windows are measured back from this instant.</summary>
    public required DateTimeOffset PlacedAt { get; init; }

    /// <summary>
    /// The buyer's e-mail, normalized by the caller with the same rules as the contact store
    /// (<c>Referrals.Core.Contacts.EmailNormalizer</c>), or null when the order has none.
    /// </summary>
    public string? CustomerNormalizedEmail { get; init; }

    /// <summary>The buyer's customer id in the shop (for example a Shopify customer GID), or null for guests.</summary>
    public string? CustomerId { get; init; }

    /// <summary>
    /// How many orders the buyer placed before this one; 0 means this is the first order. Required so that a
    /// forgotten value can never make a repeat order look like a first order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public required int PreviousOrderCount
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(PreviousOrderCount));
            field = value;
        }
    }

    /// <summary>The discount codes applied to the order, as typed by the buyer. Never null; empty by default.</summary>
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];

    /// <summary>The order's note (cart) attributes as name/value pairs. Never null; empty by default.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> NoteAttributes { get; init; } = [];

    /// <summary>
    /// The first page the buyer landed on: a relative URL such as <c>/?ref=ALICE123&amp;utm_source=x</c> or an
    /// absolute one, or null.
    /// </summary>
    public string? LandingSite { get; init; }

    /// <summary>The shop's own reading of the landing page's <c>ref</c> parameter (Shopify <c>landing_site_ref</c>), or null.</summary>
    public string? LandingSiteRef { get; init; }
}
