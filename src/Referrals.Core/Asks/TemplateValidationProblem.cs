namespace Referrals.Core.Asks;

/// <summary>
/// One problem <see cref="TemplateValidation"/> found in a template set: a template problem (<see cref="Kind"/> set)
/// or a wording finding (<see cref="Rule"/> set), with the template it is in.
/// </summary>
/// <param name="Template">The <see cref="AskTemplateSet"/> property, e.g. <c>ReferralAskHtml</c>; empty for the set as a whole.</param>
/// <param name="Severity">Errors block sending; warnings are advice.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it (a wording finding's suggestion).</param>
/// <param name="Kind">The template problem's kind; null for a wording finding.</param>
/// <param name="Rule">The wording rule; null for a template problem.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="Variable">The variable concerned, when there is one.</param>
/// <param name="Span">Where a wording finding is in the template's text; empty for a missing script step.</param>
public sealed record TemplateValidationProblem(
    string Template,
    TemplateProblemSeverity Severity,
    string Message,
    string Fix,
    TemplateProblemKind? Kind = null,
    WordingRule? Rule = null,
    int? Line = null,
    int? Column = null,
    string? Variable = null,
    TextSpan? Span = null)
{
    /// <summary>The configuration key of the template, under <see cref="TemplateValidation.Prefix"/>.</summary>
    public string Key => Template.Length == 0 ? TemplateValidation.Prefix : $"{TemplateValidation.Prefix}:{Template}";

    /// <inheritdoc />
    public override string ToString() =>
        Line is { } line ? $"{Key} (line {line}, column {Column}): {Message} {Fix}" : $"{Key}: {Message} {Fix}";
}
