using System.Text;
using Referrals.Core.Contacts;

namespace Referrals.Core.Codes;

/// <summary>
/// Turns an advocate's first name into the optional prefix of a referral code (<c>ANNA</c> in <c>ANNA-7KQ2M9</c>),
/// so the friend recognises whose code it is.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class NamePrefix
{
    /// <summary>
    /// Folds a name to upper-case ASCII letters: diacritics removed (é → E, ü → U), special letters spelled
    /// out (æ → AE, ø → O, å → A, ß → SS, þ → TH, ð → D, ł → L, œ → OE), everything that is not then A-Z
    /// dropped (spaces, hyphens, digits, other scripts), and the result cut to
    /// <see cref="ReferralCodeOptions.DefaultMaxPrefixLength"/> letters.
    /// </summary>
    /// <param name="name">The first name as given; may be null.</param>
    /// <returns>The prefix, or an empty string when nothing usable is left (null, blank, or a name such as "李").</returns>
    public static string Fold(string? name) => Fold(name, ReferralCodeOptions.DefaultMaxPrefixLength);

    /// <summary>Folds a name as <see cref="Fold(string?)"/> does, cut to <paramref name="maxLength"/> letters.</summary>
    /// <param name="name">The first name as given; may be null.</param>
    /// <param name="maxLength">The most letters to keep; 0 always gives an empty prefix.</param>
    /// <returns>At most <paramref name="maxLength"/> letters A-Z, possibly empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is negative.</exception>
    public static string Fold(string? name, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (string.IsNullOrWhiteSpace(name) || maxLength == 0)
        {
            return string.Empty;
        }

        var prefix = new StringBuilder(maxLength);
        foreach (var c in LatinFolding.Fold(name))
        {
            if (char.IsAsciiLetter(c))
            {
                prefix.Append(char.ToUpperInvariant(c));
                if (prefix.Length == maxLength)
                {
                    break;
                }
            }
        }

        return prefix.ToString();
    }
}
