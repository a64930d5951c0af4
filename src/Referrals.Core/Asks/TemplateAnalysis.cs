using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;

namespace Referrals.Core.Asks;

/// <summary>
/// A parsed template and what it uses: which documented variables it reads, and every problem that can be found
/// without values (syntax, unknown variables and filters, unsupported tags). Immutable; safe to share between threads.
/// </summary>
/// <remarks>
/// Names the template defines itself (<c>assign</c>, <c>capture</c>, <c>for</c>/<c>tablerow</c> loop variables,
/// <c>increment</c>/<c>decrement</c>) and Liquid's own <c>forloop</c>/<c>tablerowloop</c> are allowed anywhere in the
/// template; the renderer's strict-variables mode catches a name used before it is defined.
/// </remarks>
internal sealed partial class TemplateAnalysis
{
    private static readonly HashSet<string> _known = new(AskTemplateVariableNames.All, StringComparer.Ordinal);
    private static readonly HashSet<string> _builtIns = new(["forloop", "tablerowloop"], StringComparer.Ordinal);

    private TemplateAnalysis(IFluidTemplate? template, IReadOnlyList<TemplateProblem> problems, IReadOnlySet<string> usedVariables)
    {
        Template = template;
        Problems = problems;
        UsedVariables = usedVariables;
    }

    /// <summary>The parsed template, or null when it does not parse.</summary>
    public IFluidTemplate? Template { get; }

    /// <summary>Problems found without values; empty when the template can be rendered given its values.</summary>
    public IReadOnlyList<TemplateProblem> Problems { get; }

    /// <summary>The documented variables the template reads.</summary>
    public IReadOnlySet<string> UsedVariables { get; }

    public static TemplateAnalysis Create(string source, FluidParser parser, TemplateOptions options)
    {
        if (!parser.TryParse(source, out var template, out var error))
        {
            return new TemplateAnalysis(null, [ParseProblem(error)], new HashSet<string>());
        }

        var names = new NameCollector();
        names.VisitTemplate(template);
        var problems = new List<TemplateProblem>();
        foreach (var tag in names.UnsupportedTags.Distinct())
        {
            var (line, column) = Locate(source, $@"\{{%-?\s*{tag}\b");
            problems.Add(new TemplateProblem(
                TemplateProblemKind.UnsupportedTag,
                $"The {{% {tag} %}} tag cannot be used in an ask template: templates are self-contained and load no other files.",
                "Paste the content you need into this template instead.",
                line,
                column));
        }

        foreach (var name in names.Roots.Where(n => !_known.Contains(n) && !_builtIns.Contains(n) && !names.Locals.Contains(n)))
        {
            var (line, column) = Locate(source, $@"(?<![\w.\]'""]){Regex.Escape(name)}\b", insideTagsOnly: true);
            problems.Add(new TemplateProblem(
                TemplateProblemKind.UnknownVariable,
                $"The template uses '{name}', which is not an ask variable.",
                UnknownVariableFix(name),
                line,
                column,
                name));
        }

        foreach (var filter in names.Filters.Where(f => !options.Filters.TryGetValue(f, out _)))
        {
            var (line, column) = Locate(source, $@"\|\s*{Regex.Escape(filter)}\b", insideTagsOnly: true);
            problems.Add(new TemplateProblem(
                TemplateProblemKind.UnknownFilter,
                $"The template uses the filter '{filter}', which does not exist.",
                "Check the spelling, or use a standard Liquid filter such as upcase, capitalize, default or escape.",
                line,
                column));
        }

        var used = new HashSet<string>(names.Roots.Where(_known.Contains), StringComparer.Ordinal);
        return new TemplateAnalysis(template, problems, used);
    }

    private static TemplateProblem ParseProblem(string error)
    {
        var firstLine = error.Split('\n', 2)[0].Trim();
        var position = ParsePosition().Match(firstLine);
        if (!position.Success)
        {
            return new TemplateProblem(TemplateProblemKind.ParseError, $"The template is not valid Liquid: {firstLine}", ParseFix);
        }

        var message = firstLine[..position.Index].TrimEnd();
        return new TemplateProblem(
            TemplateProblemKind.ParseError,
            $"The template is not valid Liquid: {message}.",
            ParseFix,
            int.Parse(position.Groups["line"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(position.Groups["column"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture));
    }

    private const string ParseFix =
        "Check the tags near that place: every {{ needs }}, every {% needs %}, and every if/for/capture needs its end tag.";

    private static string UnknownVariableFix(string name)
    {
        var closest = AskTemplateVariableNames.All
            .Select(known => (known, distance: EditDistance(name, known)))
            .OrderBy(x => x.distance)
            .First();
        var list = string.Join(", ", AskTemplateVariableNames.All);
        return closest.distance <= Math.Max(2, name.Length / 3)
            ? $"Did you mean {closest.known}? The variables are: {list}."
            : $"Use one of: {list}; or assign it in the template first.";
    }

    // The 1-based line and column of the first match of `pattern` (inside a Liquid tag when asked), or nulls.
    private static (int? Line, int? Column) Locate(string source, string pattern, bool insideTagsOnly = false)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        var match = insideTagsOnly
            ? LiquidTag().Matches(source).Select(tag => (tag, hit: regex.Match(tag.Value))).Where(x => x.hit.Success)
                .Select(x => (int?)(x.tag.Index + x.hit.Index)).FirstOrDefault()
            : regex.Match(source) is { Success: true } hit ? hit.Index : null;
        if (match is not { } index)
        {
            return (null, null);
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"at \((?<line>\d+):(?<column>\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ParsePosition();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex LiquidTag();

    /// <summary>Walks the syntax tree collecting variable roots, names the template defines, filters and unsupported tags.</summary>
    private sealed class NameCollector : AstVisitor
    {
        public List<string> Roots { get; } = [];

        public HashSet<string> Locals { get; } = new(StringComparer.Ordinal);

        public List<string> Filters { get; } = [];

        public List<string> UnsupportedTags { get; } = [];

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            if (memberExpression.Segments.Count > 0 && memberExpression.Segments[0] is IdentifierSegment root && !Roots.Contains(root.Identifier))
            {
                Roots.Add(root.Identifier);
            }

            return base.VisitMemberExpression(memberExpression);
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            if (!Filters.Contains(filterExpression.Name))
            {
                Filters.Add(filterExpression.Name);
            }

            return base.VisitFilterExpression(filterExpression);
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            Locals.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            Locals.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            Locals.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }

        protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
        {
            Locals.Add(tableRowStatement.Identifier);
            return base.VisitTableRowStatement(tableRowStatement);
        }

        protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement)
        {
            Locals.Add(incrementStatement.Identifier);
            return base.VisitIncrementStatement(incrementStatement);
        }

        protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement)
        {
            Locals.Add(decrementStatement.Identifier);
            return base.VisitDecrementStatement(decrementStatement);
        }

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
        {
            UnsupportedTags.Add("include");
            return base.VisitIncludeStatement(includeStatement);
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            UnsupportedTags.Add("render");
            return base.VisitRenderStatement(renderStatement);
        }

        protected override Statement VisitMacroStatement(MacroStatement macroStatement)
        {
            UnsupportedTags.Add("macro");
            return base.VisitMacroStatement(macroStatement);
        }

        protected override Statement VisitFromStatement(FromStatement fromStatement)
        {
            UnsupportedTags.Add("from");
            return base.VisitFromStatement(fromStatement);
        }
    }
}
