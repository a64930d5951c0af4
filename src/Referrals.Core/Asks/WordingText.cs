using System.Net;
using System.Text;

namespace Referrals.Core.Asks;

/// <summary>
/// The words of a template or message as a reader sees them, for the wording rules to match against, with a map back to
/// the original characters so findings point into the text the editor wrote.
/// </summary>
/// <remarks>
/// Liquid tags (<c>{{ … }}</c>, <c>{% … %}</c>) and HTML tags become one space, or a line break for block-level HTML
/// tags; Liquid and HTML comments disappear; HTML entities are decoded; curly apostrophes and quotes become straight
/// ones and no-break spaces plain ones. The names of the variables a template prints (<c>{{ friend_offer }}</c>) are
/// kept in <see cref="PrintedVariables"/>, since some script steps can be satisfied by a variable.
/// </remarks>
internal sealed class WordingText
{
    private static readonly HashSet<string> _blockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "tbody",
        "thead", "blockquote", "hr", "section", "article", "header", "footer", "body", "html", "head", "title", "center",
    };

    private readonly int[] _starts;
    private readonly int[] _lengths;

    private WordingText(string text, int[] starts, int[] lengths, IReadOnlySet<string> printedVariables, IReadOnlySet<string> tagVariables)
    {
        Text = text;
        _starts = starts;
        _lengths = lengths;
        PrintedVariables = printedVariables;
        TagVariables = tagVariables;
    }

    /// <summary>The normalized text.</summary>
    public string Text { get; }

    /// <summary>The root names of the variables printed with <c>{{ … }}</c>, lower-case.</summary>
    public IReadOnlySet<string> PrintedVariables { get; }

    /// <summary>Every name-like word inside <c>{% … %}</c> tags, lower-case (tag names and keywords included; callers look up the names they care about).</summary>
    public IReadOnlySet<string> TagVariables { get; }

    /// <summary>Reads <paramref name="raw"/>.</summary>
    public static WordingText Create(string raw)
    {
        var text = new StringBuilder(raw.Length);
        var starts = new List<int>(raw.Length);
        var lengths = new List<int>(raw.Length);
        var printed = new HashSet<string>(StringComparer.Ordinal);
        var tagged = new HashSet<string>(StringComparer.Ordinal);

        void Emit(char c, int start, int length)
        {
            text.Append(c);
            starts.Add(start);
            lengths.Add(length);
        }

        var i = 0;
        while (i < raw.Length)
        {
            var skipped = SkipMarkup(raw, i, printed, tagged, out var replacement);
            if (skipped > 0)
            {
                if (replacement is { } r)
                {
                    Emit(r, i, skipped);
                }

                i += skipped;
                continue;
            }

            if (raw[i] == '&' && TryDecodeEntity(raw, i, out var decoded, out var entityLength))
            {
                Emit(Fold(decoded), i, entityLength);
                i += entityLength;
                continue;
            }

            Emit(Fold(raw[i]), i, 1);
            i++;
        }

        return new WordingText(text.ToString(), [.. starts], [.. lengths], printed, tagged);
    }

    /// <summary>Maps a span of <see cref="Text"/> back to the original string.</summary>
    public TextSpan ToOriginal(int start, int length)
    {
        if (length == 0)
        {
            return new TextSpan(start < _starts.Length ? _starts[start] : 0, 0);
        }

        var last = start + length - 1;
        var originalStart = _starts[start];
        return new TextSpan(originalStart, _starts[last] + _lengths[last] - originalStart);
    }

    private static char Fold(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' or '\u2032' or '\u00B4' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u00A0' or '\u2007' or '\u202F' or '\u2009' => ' ',
        _ => c,
    };

    // Returns how many characters of markup start at `i` (0 for none) and what stands in for them (null for nothing).
    private static int SkipMarkup(string raw, int i, HashSet<string> printed, HashSet<string> tagged, out char? replacement)
    {
        replacement = ' ';
        if (StartsWith(raw, i, "{%"))
        {
            var end = raw.IndexOf("%}", i + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                return 0;
            }

            var inner = raw.AsSpan(i + 2, end - i - 2).Trim(" -\t\r\n");
            foreach (var word in inner.ToString().Split([' ', '\t', '\r', '\n', '.', '[', ']', '|', ',', ':', '=', '!', '<', '>'], StringSplitOptions.RemoveEmptyEntries))
            {
                tagged.Add(word.ToLowerInvariant());
            }
            if (inner.Equals("comment", StringComparison.Ordinal))
            {
                var close = IndexOfTag(raw, end + 2, "endcomment");
                replacement = null;
                return (close < 0 ? raw.Length : close) - i;
            }

            return end + 2 - i;
        }

        if (StartsWith(raw, i, "{{"))
        {
            var end = raw.IndexOf("}}", i + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                return 0;
            }

            var expression = raw.AsSpan(i + 2, end - i - 2).TrimStart(" -\t\r\n");
            var nameLength = 0;
            while (nameLength < expression.Length && (char.IsAsciiLetterOrDigit(expression[nameLength]) || expression[nameLength] == '_'))
            {
                nameLength++;
            }

            if (nameLength > 0)
            {
                printed.Add(expression[..nameLength].ToString().ToLowerInvariant());
            }

            return end + 2 - i;
        }

        if (StartsWith(raw, i, "<!--"))
        {
            var end = raw.IndexOf("-->", i + 4, StringComparison.Ordinal);
            replacement = null;
            return (end < 0 ? raw.Length : end + 3) - i;
        }

        if (raw[i] == '<' && i + 1 < raw.Length && (char.IsAsciiLetter(raw[i + 1]) || raw[i + 1] == '/' || raw[i + 1] == '!'))
        {
            var end = raw.IndexOf('>', i + 1);
            if (end < 0)
            {
                return 0;
            }

            var nameStart = raw[i + 1] == '/' ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < end && char.IsAsciiLetterOrDigit(raw[nameEnd]))
            {
                nameEnd++;
            }

            replacement = _blockTags.Contains(raw[nameStart..nameEnd]) ? '\n' : ' ';
            return end + 1 - i;
        }

        return 0;
    }

    // The index just past the Liquid tag `{% name %}` found at or after `from`, or -1.
    private static int IndexOfTag(string raw, int from, string name)
    {
        var at = from;
        while ((at = raw.IndexOf("{%", at, StringComparison.Ordinal)) >= 0)
        {
            var end = raw.IndexOf("%}", at + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                return -1;
            }

            if (raw.AsSpan(at + 2, end - at - 2).Trim(" -\t\r\n").Equals(name, StringComparison.Ordinal))
            {
                return end + 2;
            }

            at = end + 2;
        }

        return -1;
    }

    private static bool TryDecodeEntity(string raw, int i, out char decoded, out int length)
    {
        decoded = '\0';
        length = 0;
        var end = raw.IndexOf(';', i + 1);
        if (end < 0 || end - i > 12)
        {
            return false;
        }

        var entity = raw[i..(end + 1)];
        var value = WebUtility.HtmlDecode(entity);
        if (value.Length != 1 || value == entity)
        {
            return false;
        }

        decoded = value[0];
        length = entity.Length;
        return true;
    }

    private static bool StartsWith(string raw, int i, string value) =>
        string.CompareOrdinal(raw, i, value, 0, value.Length) == 0;
}
