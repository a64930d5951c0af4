using System.Text.RegularExpressions;

namespace Referrals.Core.Asks;

/// <summary>The wording rules of one language: closed-question patterns and the cues of each script step.</summary>
/// <param name="Language">The two-letter language the rules are written for, lower-case.</param>
/// <param name="ClosedQuestions">Patterns of closed questions; overlapping matches are reported once.</param>
/// <param name="ClosedQuestionMessage">The message for a closed question, given the words matched.</param>
/// <param name="ClosedQuestionSuggestion">The open question to use instead.</param>
/// <param name="Steps">The four script steps, in order.</param>
internal sealed record WordingRuleSet(
    string Language,
    IReadOnlyList<Regex> ClosedQuestions,
    Func<string, string> ClosedQuestionMessage,
    string ClosedQuestionSuggestion,
    IReadOnlyList<ScriptStep> Steps);
