namespace Referrals.Core.Attribution;

/// <summary>
/// Lists every place on an order where a referral code might be, so the caller can look each one up.
/// Pure: no IO, no clock.
/// </summary>
public static class CodeSightingExtractor
{
    /// <summary>
    /// The note attribute names that carry a referral code, compared case-insensitively after trimming.
    /// These are the names our storefront snippets and common referral apps write into the cart.
    /// </summary>
    public static IReadOnlyList<string> ReferralNoteAttributeNames { get; } =
        ["referral_code", "ref", "referral", "referralCode"];

    /// <summary>
    /// The sightings on <paramref name="order"/>, ordered by rule priority and, within a rule, by their
    /// order on the order:
    /// <list type="number">
    /// <item>every non-blank discount code (<see cref="AttributionRule.DiscountCode"/>);</item>
    /// <item>every non-blank value of a note attribute named in <see cref="ReferralNoteAttributeNames"/>
    /// (<see cref="AttributionRule.NoteAttribute"/>);</item>
    /// <item>every <c>ref</c> query parameter of <see cref="OrderAttributionFacts.LandingSite"/> (name
    /// matched case-insensitively, so <c>?REF=x</c> counts; values URL-decoded, <c>+</c> read as a space;
    /// the fragment ignored; a parameter that is not valid percent-encoded UTF-8 is skipped), then
    /// <see cref="OrderAttributionFacts.LandingSiteRef"/> unless it equals (ignoring case, as codes do) a value
    /// already read from the landing site (<see cref="AttributionRule.LandingSiteRef"/>).</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// Values are trimmed but otherwise raw: the caller makes code keys. Sightings are not de-duplicated across
    /// rules, so the same code in the discount codes and in a note attribute is two sightings. The invited
    /// e-mail rule has no code and yields no sighting; the caller matches
    /// <see cref="OrderAttributionFacts.CustomerNormalizedEmail"/> itself. Malformed input yields fewer
    /// sightings, never an exception.
    /// </remarks>
    /// <param name="order">The order facts.</param>
    /// <returns>A new list; empty when nothing looks like a referral code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="order"/> is null.</exception>
    public static IReadOnlyList<CodeSighting> Extract(OrderAttributionFacts order)
    {
        ArgumentNullException.ThrowIfNull(order);

        var sightings = new List<CodeSighting>();

        // Null lists can still arrive from deserializers that bypass the initializers.
        foreach (var code in order.DiscountCodes ?? [])
        {
            AddIfPresent(sightings, AttributionRule.DiscountCode, code);
        }

        foreach (var attribute in order.NoteAttributes ?? [])
        {
            if (IsReferralAttributeName(attribute.Key))
            {
                AddIfPresent(sightings, AttributionRule.NoteAttribute, attribute.Value);
            }
        }

        var fromLandingSite = QueryParameterReader.ValuesOf(order.LandingSite, "ref");
        foreach (var value in fromLandingSite)
        {
            sightings.Add(new CodeSighting(AttributionRule.LandingSiteRef, value));
        }

        // Shopify's landing_site_ref is its own reading of the same parameter; only add it when it says more.
        var shopReading = order.LandingSiteRef?.Trim();
        if (!string.IsNullOrEmpty(shopReading)
            && !fromLandingSite.Contains(shopReading, StringComparer.OrdinalIgnoreCase))
        {
            sightings.Add(new CodeSighting(AttributionRule.LandingSiteRef, shopReading));
        }

        return sightings;
    }

    private static bool IsReferralAttributeName(string? name)
    {
        var trimmed = name?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && ReferralNoteAttributeNames.Contains(trimmed, StringComparer.OrdinalIgnoreCase);
    }

    private static void AddIfPresent(List<CodeSighting> sightings, AttributionRule rule, string? value)
    {
        var trimmed = value?.Trim();
        if (!string.IsNullOrEmpty(trimmed))
        {
            sightings.Add(new CodeSighting(rule, trimmed));
        }
    }
}
