using System.Globalization;

namespace Referrals.Core.Codes;

/// <summary>
/// The canonical lookup key of a referral code: what uniqueness is enforced on and what lookups compare.
/// <c>anna-7kq2m9</c>, <c>ANNA 7KQ2M9</c> and <c>ANNA7KQ2M9</c> share one key, and so do codes typed with
/// <c>O</c> for <c>0</c> or <c>l</c>/<c>I</c> for <c>1</c>.
/// </summary>
/// <remarks>
/// <para>
/// Rules: trim; drop white space, hyphens (and other dashes) and underscores anywhere; map every remaining
/// character through <see cref="CrockfordBase32.TryCanonicalizeSymbol"/> (upper-case, O → 0, I/L → 1, U → V).
/// A display prefix such as <c>OLIVIA</c> therefore keys as <c>011V1A</c>; generation and lookup both go
/// through this function, so they always agree.
/// </para>
/// <para>
/// Any string of ASCII letters, digits and separators has a key, including Shopify discount codes such as
/// <c>FRIEND-7KQ2M9</c>. Pure and thread-safe.
/// </para>
/// </remarks>
public static class ReferralCodeKey
{
    /// <summary>The most letters and digits a key may have.</summary>
    public const int MaxLength = 32;

    /// <summary>Creates the key for <paramref name="input"/>.</summary>
    /// <param name="input">A code as displayed or typed.</param>
    /// <param name="key">The key, or an empty string when the input is not a valid code.</param>
    /// <returns><see langword="true"/> when a key was created.</returns>
    public static bool TryCreate(string? input, out string key) => TryCreate(input, out key, out _);

    /// <summary>Creates the key for <paramref name="input"/> and says why when it cannot.</summary>
    /// <param name="input">A code as displayed or typed.</param>
    /// <param name="key">The key, or an empty string when the input is not a valid code.</param>
    /// <param name="error">
    /// <see cref="ReferralCodeKeyError.None"/> on success, otherwise the first problem found reading left to right.
    /// </param>
    /// <returns><see langword="true"/> when a key was created.</returns>
    public static bool TryCreate(string? input, out string key, out ReferralCodeKeyError error)
    {
        (key, error, _) = Canonicalize(input);
        return error == ReferralCodeKeyError.None;
    }

    /// <summary>Creates the key for <paramref name="input"/> or throws.</summary>
    /// <param name="input">A code as displayed or typed.</param>
    /// <returns>The key: 1 to <see cref="MaxLength"/> characters from <see cref="CrockfordBase32.Alphabet"/>.</returns>
    /// <exception cref="ArgumentException">
    /// The input is empty, too long, or has an invalid character; the message says which and where.
    /// </exception>
    public static string Create(string? input)
    {
        var (key, error, position) = Canonicalize(input);
        return error switch
        {
            ReferralCodeKeyError.None => key,
            ReferralCodeKeyError.Empty => throw new ArgumentException(
                "A referral code must contain at least one letter or digit.", nameof(input)),
            ReferralCodeKeyError.TooLong => throw new ArgumentException(
                $"A referral code may have at most {MaxLength} letters and digits (spaces, hyphens and underscores do not count).",
                nameof(input)),
            _ => throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"A referral code may contain only letters A-Z, digits, spaces, hyphens and underscores; the character at position {position + 1} (U+{(int)input![position]:X4}) is not allowed."),
                nameof(input)),
        };
    }

    private static (string Key, ReferralCodeKeyError Error, int Position) Canonicalize(string? input)
    {
        if (input is null)
        {
            return (string.Empty, ReferralCodeKeyError.Empty, -1);
        }

        // One slot more than allowed: filling it is how an over-long code is detected without reading it all.
        Span<char> buffer = stackalloc char[MaxLength + 1];
        var length = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (IsSeparator(c))
            {
                continue;
            }

            if (!CrockfordBase32.TryCanonicalizeSymbol(c, out var symbol))
            {
                return (string.Empty, ReferralCodeKeyError.InvalidCharacter, i);
            }

            if (length == MaxLength)
            {
                return (string.Empty, ReferralCodeKeyError.TooLong, i);
            }

            buffer[length++] = symbol;
        }

        return length == 0
            ? (string.Empty, ReferralCodeKeyError.Empty, -1)
            : (new string(buffer[..length]), ReferralCodeKeyError.None, -1);
    }

    // White space covers the trim and pasted non-breaking spaces; phones auto-correct '-' into other dashes.
    private static bool IsSeparator(char c) =>
        c == '_' || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;
}
