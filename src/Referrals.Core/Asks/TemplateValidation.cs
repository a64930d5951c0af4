using Referrals.Core.Tenants;

namespace Referrals.Core.Asks;

/// <summary>
/// Checks a whole <see cref="AskTemplateSet"/> before it is saved: each template's Liquid (syntax, variables, filters,
/// tags), the variables each message cannot work without, and the wording check (the full 4-step script for the
/// referral ask bodies, phrasing only for everything else). Pure and thread-safe.
/// </summary>
/// <remarks>
/// Template problems are <see cref="TemplateProblemSeverity.Error"/>s; wording findings are
/// <see cref="TemplateProblemSeverity.Warning"/>s. When the locale has no wording rules yet, one warning says the
/// wording check was skipped; the Liquid checks still run.
/// </remarks>
public static class TemplateValidation
{
    /// <summary>The configuration section templates are bound from.</summary>
    public const string Prefix = ProgramSettingsValidator.Prefix + ":Templates";

    private static readonly AskTemplateRenderer _checker = new(new AskTemplateRendererOptions { MaxCachedTemplates = 1 });

    /// <summary>Returns every problem in <paramref name="templates"/>; an empty list means every template is fine.</summary>
    /// <param name="templates">The set to check.</param>
    /// <param name="locale">The program's locale; picks the wording rules (only the language part is used).</param>
    /// <returns>Problems in the order of the set's templates: for each, template problems first, then wording findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="templates"/> is null.</exception>
    public static IReadOnlyList<TemplateValidationProblem> Validate(AskTemplateSet templates, string locale = WordingCheck.DefaultLocale)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var problems = new List<TemplateValidationProblem>();
        var wordingSupported = WordingCheck.Supports(locale);
        if (!wordingSupported)
        {
            problems.Add(new TemplateValidationProblem(
                "",
                TemplateProblemSeverity.Warning,
                $"There are no wording rules for the locale '{locale}' yet, so the wording check was skipped.",
                $"Read the templates against the 4-step script yourself; rules exist for: {string.Join(", ", WordingCheck.SupportedLanguages)}."));
        }

        foreach (var part in AskTemplatePart.All)
        {
            var template = part.Read(templates);
            if (string.IsNullOrWhiteSpace(template))
            {
                problems.Add(new TemplateValidationProblem(
                    part.Name,
                    TemplateProblemSeverity.Error,
                    "The template is empty.",
                    "Write the message, or remove the setting to use the default.",
                    TemplateProblemKind.EmptyTemplate));
                continue;
            }

            var templateProblems = _checker.Check(template);
            problems.AddRange(templateProblems.Select(p => new TemplateValidationProblem(
                part.Name, TemplateProblemSeverity.Error, p.Message, p.Fix, p.Kind, null, p.Line, p.Column, p.Variable)));
            if (templateProblems.Any(p => p.Kind == TemplateProblemKind.ParseError))
            {
                continue;
            }

            var used = _checker.VariablesUsedBy(template);
            foreach (var required in part.RequiredVariables.Where(v => !used.Contains(v)))
            {
                problems.Add(new TemplateValidationProblem(
                    part.Name,
                    TemplateProblemSeverity.Error,
                    $"The template does not use {{{{ {required} }}}}, and this message cannot work without it.",
                    $"Add {{{{ {required} }}}} to the template.",
                    TemplateProblemKind.MissingRequiredVariable,
                    Variable: required));
            }

            if (wordingSupported)
            {
                problems.AddRange(WordingCheck.Check(template, part.Scope, locale).Select(f => new TemplateValidationProblem(
                    part.Name, TemplateProblemSeverity.Warning, f.Message, f.Suggestion, null, f.Rule, Span: f.Span)));
            }
        }

        return problems;
    }
}
