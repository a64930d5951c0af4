using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Referrals.Core.Privacy;

/// <summary>
/// The strings that identify one or more people in stored text: e-mails (as given and normalized), phones, full
/// names, external ids, referral codes. Used to find the free text, webhook bodies and outbox bodies that concern
/// them. Matching is case-insensitive and also finds the JSON-escaped form of a term (<c>\u002B</c> for <c>+</c>).
/// </summary>
/// <remarks>
/// Terms shorter than <see cref="MinLength"/> characters are ignored: they would match unrelated text. Single first
/// or last names are not terms for the same reason; a full name is.
/// </remarks>
public sealed class PersonalDataTerms
{
    /// <summary>The shortest term searched for.</summary>
    public const int MinLength = 4;

    private static readonly JavaScriptEncoder _strictEncoder = JavaScriptEncoder.Default;

    private readonly string[] _terms;

    private PersonalDataTerms(string[] terms)
    {
        _terms = terms;
    }

    /// <summary>No terms: nothing matches.</summary>
    public static PersonalDataTerms None { get; } = new([]);

    /// <summary>The lower-case terms, raw and JSON-escaped, distinct, in a stable order.</summary>
    public IReadOnlyList<string> Terms => _terms;

    /// <summary>Whether there is nothing to search for.</summary>
    public bool IsEmpty => _terms.Length == 0;

    /// <summary>Builds the terms from the given values; null, blank and short values are skipped.</summary>
    /// <param name="values">E-mails, phones, full names, ids, codes.</param>
    public static PersonalDataTerms From(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var terms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var trimmed = value?.Trim();
            if (trimmed is null || trimmed.Length < MinLength)
            {
                continue;
            }

            var lower = trimmed.ToLowerInvariant();
            terms.Add(lower);

            // Bodies written by System.Text.Json escape '+', '&', quotes and non-ASCII letters.
            var escaped = JsonEncodedText.Encode(trimmed, _strictEncoder).ToString().ToLowerInvariant();
            terms.Add(escaped);
        }

        return new PersonalDataTerms([.. terms]);
    }

    /// <summary>Whether <paramref name="text"/> contains any term, ignoring case.</summary>
    public bool FoundIn(string? text)
    {
        if (string.IsNullOrEmpty(text) || _terms.Length == 0)
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        return _terms.Any(t => lower.Contains(t, StringComparison.Ordinal));
    }

    /// <summary>Whether the UTF-8 <paramref name="utf8"/> contains any term, ignoring case. Invalid bytes are read as replacement characters.</summary>
    public bool FoundIn(ReadOnlySpan<byte> utf8) => !utf8.IsEmpty && _terms.Length != 0 && FoundIn(Encoding.UTF8.GetString(utf8));
}
