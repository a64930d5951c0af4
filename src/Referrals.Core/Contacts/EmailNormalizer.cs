namespace Referrals.Core.Contacts;

/// <summary>
/// Reduces an e-mail address to the mailbox it delivers to, so that <c>A.n.n.a+promo@GoogleMail.com</c> and
/// <c>anna@gmail.com</c> compare equal. Used for self-referral checks and for matching invited friends.
/// </summary>
/// <remarks>
/// Not a validator: it rejects only what cannot be an address. The normalized form is for comparison and
/// storage next to the address as given; always send mail to the original. Pure and thread-safe.
/// </remarks>
public static class EmailNormalizer
{
    private const string Gmail = "gmail.com";
    private const string GoogleMail = "googlemail.com";

    /// <summary>
    /// Normalizes an address: trims it, lower-cases it (invariant culture), drops a <c>+tag</c> from the local
    /// part for every domain, and for <c>gmail.com</c> and <c>googlemail.com</c> also drops dots from the local
    /// part and writes the domain as <c>gmail.com</c>. Dots are kept for every other domain.
    /// </summary>
    /// <param name="email">The address as given; may be null.</param>
    /// <returns>
    /// The normalized address, or null when it is not a plausible address: null or blank, not exactly one
    /// <c>@</c>, white space inside, an empty local part (also after removing the tag), or a domain without an
    /// inner dot (empty, <c>localhost</c>, <c>.com</c>, <c>example.</c>, <c>a..b</c>).
    /// </returns>
    public static string? Normalize(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at != trimmed.LastIndexOf('@') || trimmed.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var local = trimmed[..at].ToLowerInvariant();
        var domain = trimmed[(at + 1)..].ToLowerInvariant();
        if (!IsPlausibleDomain(domain))
        {
            return null;
        }

        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            local = local[..plus];
        }

        if (domain is Gmail or GoogleMail)
        {
            // Gmail ignores dots in the local part and serves googlemail.com from the same mailbox.
            local = local.Replace(".", string.Empty, StringComparison.Ordinal);
            domain = Gmail;
        }

        return local.Length == 0 ? null : $"{local}@{domain}";
    }

    /// <summary>Whether two addresses deliver to the same mailbox by the rules of <see cref="Normalize"/>.</summary>
    /// <param name="a">One address; may be null.</param>
    /// <param name="b">The other address; may be null.</param>
    /// <returns>
    /// <see langword="true"/> only when both normalize to the same address; an address that does not normalize
    /// matches nothing, not even itself.
    /// </returns>
    public static bool IsSameMailbox(string? a, string? b)
    {
        var normalizedA = Normalize(a);
        return normalizedA is not null && string.Equals(normalizedA, Normalize(b), StringComparison.Ordinal);
    }

    private static bool IsPlausibleDomain(string domain) =>
        domain.Length > 0
        && domain[0] != '.'
        && domain[^1] != '.'
        && domain.Contains('.', StringComparison.Ordinal)
        && !domain.Contains("..", StringComparison.Ordinal);
}
