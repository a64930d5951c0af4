namespace Referrals.Core.Asks;

/// <summary>One thing wrong with a template or its values, with where it is (when known) and how to fix it.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Message">What is wrong, for an editor.</param>
/// <param name="Fix">How to fix it.</param>
/// <param name="Line">The 1-based line in the template, when known.</param>
/// <param name="Column">The 1-based column in the template, when known.</param>
/// <param name="Variable">The variable concerned, when there is one.</param>
public sealed record TemplateProblem(
    TemplateProblemKind Kind, string Message, string Fix, int? Line = null, int? Column = null, string? Variable = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line is { } line ? $"line {line}, column {Column}: {Message} {Fix}" : $"{Message} {Fix}";
}
