using System.Globalization;
using System.Text;

namespace Referrals.Core.Contacts;

/// <summary>
/// Folds Latin text towards ASCII: strips diacritics (é → e, ü → u, å → a) and spells out letters that
/// have no decomposition (æ → ae, ø → o, ß → ss, þ → th, ð → d, ł → l, œ → oe). Other characters, including
/// non-Latin scripts, pass through unchanged so the caller decides what to keep.
/// </summary>
/// <remarks>Shared by name prefixes (codes) and address fingerprints (contacts).</remarks>
internal static class LatinFolding
{
    public static string Fold(string text)
    {
        // Compatibility decomposition also turns full-width letters and ligatures (ﬁ) into plain ones.
        var decomposed = ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(SpellOut(c) ?? c.ToString());
        }

        return folded.ToString();
    }

    private static string? SpellOut(char c) => c switch
    {
        'æ' => "ae",
        'Æ' => "AE",
        'ø' => "o",
        'Ø' => "O",
        'ß' => "ss",
        'ẞ' => "SS",
        'þ' => "th",
        'Þ' => "TH",
        'ð' => "d",
        'Ð' => "D",
        'đ' => "d",
        'Đ' => "D",
        'ł' => "l",
        'Ł' => "L",
        'œ' => "oe",
        'Œ' => "OE",
        'ħ' => "h",
        'Ħ' => "H",
        'ı' => "i",
        _ => null,
    };

    // string.Normalize throws on an unpaired surrogate; user input can contain one (a truncated emoji).
    private static string ReplaceLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
