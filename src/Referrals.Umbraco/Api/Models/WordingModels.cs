using Referrals.Core.Asks;

namespace Referrals.Umbraco.Api.Models;

/// <summary>Body of <c>POST /asks/wording-check</c>.</summary>
public sealed class WordingCheckRequest
{
    /// <summary>Largest text checked.</summary>
    public const int MaximumLength = 20_000;

    /// <summary>The ask's text; markup allowed.</summary>
    public string? Text { get; set; }

    /// <summary>Which rules apply; default <see cref="WordingScope.ReferralAsk"/>.</summary>
    public WordingScope Scope { get; set; } = WordingScope.ReferralAsk;

    /// <summary>The text's locale; default the program's.</summary>
    public string? Locale { get; set; }
}

/// <summary>One finding of the wording check.</summary>
public sealed record WordingFindingModel(WordingRule Rule, int Start, int Length, string Excerpt, string Message, string Suggestion);

/// <summary>The wording check's answer.</summary>
public sealed record WordingCheckResponse(string Locale, bool Supported, IReadOnlyList<WordingFindingModel> Findings);
