using System.Security.Cryptography;
using System.Text;

namespace Referrals.Core.Contacts;

/// <summary>
/// A one-way fingerprint of a postal address, so fraud checks can see that an advocate and a friend share an
/// address without the engine comparing (or logging) the address itself.
/// </summary>
/// <remarks>
/// <para>
/// The address is normalized, then hashed: lower-case hex SHA-256 of
/// <c>v1|{street}|{postal code}|{city}|{country}</c>, where each part is case-folded, stripped of diacritics
/// (ø → o, ß → ss, é → e), cut into words at punctuation, white space and letter/digit boundaries
/// (<c>12B</c> = <c>12 b</c>), and rejoined with single spaces. Line 1 and line 2 form one street part, so it
/// does not matter on which line the apartment was written. Common words are unified: street/str/strasse →
/// st, avenue/av → ave, road → rd, boulevard → blvd, drive → dr, lane → ln, apartment/apt/# → apt, and a
/// German compound ending in -strasse ends in -str; Danish vej and gade are kept as written. The city is used
/// only when there is no postal code, because the postal code already pins it down and city names vary
/// (København / Copenhagen).
/// </para>
/// <para>
/// Changing these rules changes fingerprints; the <c>v1</c> marker is there so stored values can be recomputed.
/// Pure and thread-safe.
/// </para>
/// </remarks>
public static class AddressFingerprint
{
    private const string Version = "v1";

    /// <summary>Computes the fingerprint of <paramref name="address"/>.</summary>
    /// <param name="address">The address; may be null.</param>
    /// <returns>
    /// 64 lower-case hex characters, or null when the address is null or has no street (line 1 and line 2
    /// empty after normalization): a postal code or city alone matches too many people to mean anything.
    /// </returns>
    public static string? Compute(PostalAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var street = NormalizeWords($"{address.Line1} {address.Line2}");
        if (street.Length == 0)
        {
            return null;
        }

        var postalCode = NormalizeCompact(address.PostalCode);
        var city = postalCode.Length == 0 ? NormalizeWords(address.City) : string.Empty;
        var country = NormalizeCompact(address.CountryCode);

        var canonical = string.Join('|', Version, street, postalCode, city, country);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The normalized text that is hashed; internal so tests can show what two spellings share.</summary>
    internal static string NormalizeWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // '#' means "apartment" before punctuation is dropped: "Main St #4" = "Main St Apt 4".
        var folded = LatinFolding.Fold(text.Replace("#", " apt ", StringComparison.Ordinal)).ToLowerInvariant();
        return string.Join(' ', SplitWords(folded).Select(Unify));
    }

    // Postal and country codes: letters and digits only, so "SW1A 1AA" = "sw1a1aa" and "DK-2100" keeps its prefix.
    private static string NormalizeCompact(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? string.Empty
            : string.Concat(LatinFolding.Fold(text).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit));

    private static IEnumerable<string> SplitWords(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            var boundary = !char.IsLetterOrDigit(c)
                || (word.Length > 0 && char.IsDigit(word[^1]) != char.IsDigit(c));
            if (boundary && word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static string Unify(string word) => word switch
    {
        "street" or "str" or "strasse" => "st",
        "avenue" or "av" => "ave",
        "road" => "rd",
        "boulevard" => "blvd",
        "drive" => "dr",
        "lane" => "ln",
        "apartment" or "apt" => "apt",
        _ when word.Length > "strasse".Length && word.EndsWith("strasse", StringComparison.Ordinal) => word[..^"strasse".Length] + "str",
        _ => word,
    };
}
