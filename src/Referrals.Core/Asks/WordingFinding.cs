namespace Referrals.Core.Asks;

/// <summary>One thing the wording check found in an ask's text.</summary>
/// <param name="Rule">Which rule found it.</param>
/// <param name="Span">
/// Where in the checked text (the original string, markup included); <see cref="TextSpan.Empty"/> for a missing step,
/// which has no place.
/// </param>
/// <param name="Message">What is wrong and why it matters, for an editor.</param>
/// <param name="Suggestion">Words to use instead, or to add.</param>
public sealed record WordingFinding(WordingRule Rule, TextSpan Span, string Message, string Suggestion);
