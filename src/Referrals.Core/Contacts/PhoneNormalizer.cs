using System.Text;

namespace Referrals.Core.Contacts;

/// <summary>
/// Reduces a phone number to an E.164-like form (<c>+4512345678</c>) so two spellings of one number compare equal.
/// </summary>
/// <remarks>
/// A light normalizer, not a numbering-plan validator: it does not know country lengths or trunk rules beyond
/// a single leading 0, so keep the number as given for dialling. Pure and thread-safe.
/// </remarks>
public static class PhoneNormalizer
{
    /// <summary>
    /// The fewest digits a number must be written with (after a <c>00</c> prefix, before a default calling code
    /// is added): fewer is a typo or an extension, not a phone number.
    /// </summary>
    public const int MinDigits = 6;

    /// <summary>The most digits a normalized number may have (country code included), per E.164.</summary>
    public const int MaxDigits = 15;

    /// <summary>
    /// Normalizes a phone number: drops white space, dashes, dots and parentheses (and an international
    /// <c>(0)</c> as in <c>+44 (0)20 7946 0000</c>); reads a leading <c>00</c> as <c>+</c>; and, for a national
    /// number, drops one leading trunk <c>0</c> and prefixes <paramref name="defaultCountryCallingCode"/>
    /// (<c>020 7946 0000</c> with <c>44</c> gives <c>+442079460000</c>; <c>12 34 56 78</c> with <c>45</c> gives
    /// <c>+4512345678</c>).
    /// </summary>
    /// <param name="phone">The number as given; may be null.</param>
    /// <param name="defaultCountryCallingCode">
    /// The calling code for numbers written without one, such as <c>45</c> or <c>+1</c>; null when unknown.
    /// </param>
    /// <returns>
    /// <c>+</c> followed by at most <see cref="MaxDigits"/> digits, or null when the input is blank; contains
    /// letters or other characters; has a <c>+</c> anywhere but first; is written with fewer than
    /// <see cref="MinDigits"/> digits; ends up with more than <see cref="MaxDigits"/> or with 0 after the
    /// <c>+</c>; or is a national number and no default calling code was given.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="defaultCountryCallingCode"/> is not 1 to 3 digits (optionally after a <c>+</c>).
    /// </exception>
    public static string? Normalize(string? phone, string? defaultCountryCallingCode = null)
    {
        var callingCode = ParseCallingCode(defaultCountryCallingCode, nameof(defaultCountryCallingCode));
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var text = phone.Trim();
        var plus = text.StartsWith('+');
        var doubleZero = !plus && text.StartsWith("00", StringComparison.Ordinal);
        if (plus || doubleZero)
        {
            // "+44 (0)20 7946 0000": the (0) is the trunk prefix, dialled only from inside the country.
            text = text.Replace("(0)", string.Empty, StringComparison.Ordinal);
        }

        var digits = new StringBuilder(text.Length);
        for (var i = plus ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (!char.IsWhiteSpace(c) && c is not ('-' or '.' or '(' or ')'))
            {
                return null;
            }
        }

        if (doubleZero)
        {
            digits.Remove(0, 2);
        }

        if (digits.Length < MinDigits)
        {
            return null;
        }

        if (!plus && !doubleZero)
        {
            if (callingCode is null)
            {
                return null;
            }

            // A national number: one leading 0 is the trunk prefix, not part of the number.
            if (digits[0] == '0')
            {
                digits.Remove(0, 1);
            }

            digits.Insert(0, callingCode);
        }

        // No country calling code starts with 0.
        return digits.Length > MaxDigits || digits[0] == '0' ? null : "+" + digits;
    }

    private static string? ParseCallingCode(string? code, string parameterName)
    {
        if (code is null)
        {
            return null;
        }

        var trimmed = code.Trim();
        var digits = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (digits.Length is < 1 or > 3 || !digits.All(char.IsAsciiDigit) || digits[0] == '0')
        {
            throw new ArgumentException(
                $"The default country calling code '{code}' must be 1 to 3 digits, such as 45 or 1.",
                parameterName);
        }

        return digits;
    }
}
