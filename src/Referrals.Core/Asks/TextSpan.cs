namespace Referrals.Core.Asks;

/// <summary>A run of characters in a checked text, by UTF-16 index.</summary>
/// <param name="Start">The index of the first character.</param>
/// <param name="Length">How many characters; 0 for a finding about the text as a whole.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The empty span at the start of the text, used for findings about something missing.</summary>
    public static TextSpan Empty => default;

    /// <summary>The index just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Whether the span covers no characters.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>The covered characters of <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The span does not lie within <paramref name="text"/>.</exception>
    public string In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }
}
