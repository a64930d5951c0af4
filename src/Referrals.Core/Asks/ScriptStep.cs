using System.Text.RegularExpressions;

namespace Referrals.Core.Asks;

/// <summary>One step of the 4-step ask script, as a locale's rule set detects it.</summary>
/// <param name="MissingRule">The finding's rule when the step is missing.</param>
/// <param name="Cues">Any match in the reader's text means the step is present.</param>
/// <param name="VariableCues">Printing any of these template variables means the step is present.</param>
/// <param name="SatisfiedByClosedQuestion">
/// Whether a closed question counts as the step (it is then reported once, as a closed question, not twice).
/// </param>
/// <param name="Message">What is missing and why it matters.</param>
/// <param name="Suggestion">Words to add.</param>
/// <param name="ReferenceCues">Referring to any of these variables anywhere, printed or in a tag (<c>{% if ideal_client %}</c>, <c>{% for c in ideal_clients %}</c>), means the step is present.</param>
internal sealed record ScriptStep(
    WordingRule MissingRule,
    IReadOnlyList<Regex> Cues,
    IReadOnlyList<string> VariableCues,
    bool SatisfiedByClosedQuestion,
    string Message,
    string Suggestion,
    IReadOnlyList<string>? ReferenceCues = null);
