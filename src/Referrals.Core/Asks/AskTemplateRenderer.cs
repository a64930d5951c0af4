using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace Referrals.Core.Asks;

/// <summary>
/// Renders ask templates (Liquid, via Fluid) with the documented variables of <see cref="AskTemplateVariables"/>.
/// Nothing fails silently: a broken template, an unknown variable or filter, or a missing value throws
/// <see cref="AskTemplateException"/> with every problem, its place and its fix — never an empty string in its place.
/// </summary>
/// <remarks>
/// Thread-safe: create one and share it. Parsed templates are cached by their text (up to
/// <see cref="AskTemplateRendererOptions.MaxCachedTemplates"/>). Pure: no file system (no <c>include</c>/<c>render</c>),
/// no clock (Liquid's <c>now</c>/<c>today</c> is a render error; pass dates as values), invariant culture, UTC.
/// </remarks>
public sealed class AskTemplateRenderer
{
    /// <summary>How many rating links <c>rating_links</c> must hold: one per score 0-10.</summary>
    public const int RatingLinkCount = 11;

    private static readonly HtmlEncoder _htmlEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _templateOptions;
    private readonly ConcurrentDictionary<string, TemplateAnalysis> _cache = new(StringComparer.Ordinal);
    private readonly int _maxCachedTemplates;

    /// <summary>Creates a renderer with the default limits.</summary>
    public AskTemplateRenderer()
        : this(new AskTemplateRendererOptions())
    {
    }

    /// <summary>Creates a renderer.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1.</exception>
    public AskTemplateRenderer(AskTemplateRendererOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxCachedTemplates, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSteps, 1, nameof(options));
        _maxCachedTemplates = options.MaxCachedTemplates;
        _templateOptions = new TemplateOptions
        {
            StrictVariables = true,
            StrictFilters = true,
            MaxSteps = options.MaxSteps,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            Now = static () => throw new InvalidOperationException(
                "Ask templates cannot use the current date or time ('now' or 'today'); remove it, or pass the date as text."),
        };
    }

    /// <summary>The number of parsed templates in the cache.</summary>
    internal int CachedTemplateCount => _cache.Count;

    /// <summary>
    /// Finds every problem <paramref name="template"/> has regardless of values: Liquid syntax (with line and column),
    /// unknown variables (with the closest known name), unknown filters and unsupported tags.
    /// </summary>
    /// <returns>The problems; empty when the template can be rendered given values for the variables it uses.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is null.</exception>
    public IReadOnlyList<TemplateProblem> Check(string template) => Analyze(template, cache: false).Problems;

    /// <summary>The documented variables <paramref name="template"/> reads (empty when it does not parse).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is null.</exception>
    public IReadOnlySet<string> VariablesUsedBy(string template) => Analyze(template, cache: false).UsedVariables;

    /// <summary>Renders <paramref name="template"/> with <paramref name="variables"/>.</summary>
    /// <param name="template">The Liquid source.</param>
    /// <param name="variables">The values; every variable the template uses must have one.</param>
    /// <param name="format">
    /// <see cref="TemplateFormat.Html"/> HTML-encodes every printed value; <see cref="TemplateFormat.Text"/> prints values as they are.
    /// </param>
    /// <returns>The rendered text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> or <paramref name="variables"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    /// <exception cref="AskTemplateException">
    /// The template has problems (see <see cref="Check"/>), a value it uses is missing or unusable, or rendering failed;
    /// <see cref="AskTemplateException.Problems"/> lists them with their fixes.
    /// </exception>
    public string Render(string template, AskTemplateVariables variables, TemplateFormat format)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Use TemplateFormat.Html or TemplateFormat.Text.");
        }

        var analysis = Analyze(template, cache: true);
        if (analysis.Problems.Count > 0)
        {
            throw new AskTemplateException(analysis.Problems);
        }

        var context = new TemplateContext(_templateOptions);
        var valueProblems = new List<TemplateProblem>();
        foreach (var name in AskTemplateVariableNames.All)
        {
            var value = ValueOf(variables, name, valueProblems, analysis.UsedVariables.Contains(name));
            if (value is not null)
            {
                context.SetValue(name, value);
            }
        }

        if (valueProblems.Count > 0)
        {
            throw new AskTemplateException(valueProblems);
        }

        try
        {
            return analysis.Template!.Render(context, format == TemplateFormat.Html ? _htmlEncoder : NullEncoder.Default);
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException)
        {
            throw new AskTemplateException(
                [new TemplateProblem(TemplateProblemKind.RenderError, $"The template failed while rendering: {e.Message}", "Fix the template where it does this; the message says what went wrong.")],
                e);
        }
    }

    private TemplateAnalysis Analyze(string template, bool cache)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (_cache.TryGetValue(template, out var cached))
        {
            return cached;
        }

        var analysis = TemplateAnalysis.Create(template, _parser, _templateOptions);
        if (cache)
        {
            if (_cache.Count >= _maxCachedTemplates)
            {
                _cache.Clear();
            }

            _cache.TryAdd(template, analysis);
        }

        return analysis;
    }

    private static FluidValue Profile(Tenants.IdealClientProfile profile) =>
        new DictionaryValue(new FluidValueDictionaryFluidIndexable(new Dictionary<string, FluidValue>(StringComparer.Ordinal)
        {
            ["name"] = new StringValue(profile.Name?.Trim() ?? ""),
            ["who"] = new StringValue(profile.Who?.Trim() ?? ""),
            ["situation"] = new StringValue(profile.Situation?.Trim() ?? ""),
            ["benefit"] = new StringValue(profile.Benefit?.Trim() ?? ""),
        }));

    // The Fluid value for `name`, or null when none was given; problems are added only for variables the template uses.
    private static FluidValue? ValueOf(AskTemplateVariables variables, string name, List<TemplateProblem> problems, bool used)
    {
        void Problem(TemplateProblemKind kind, string message, string fix)
        {
            if (used)
            {
                problems.Add(new TemplateProblem(kind, message, fix, Variable: name));
            }
        }

        FluidValue? Text(string? value, string property)
        {
            if (value is null)
            {
                Problem(TemplateProblemKind.MissingValue, $"The template uses {{{{ {name} }}}} but no value was given for {name}.", $"Set AskTemplateVariables.{property}, or remove {name} from the template.");
                return null;
            }

            return new StringValue(value);
        }

        FluidValue? Link(Uri? value, string property)
        {
            if (value is null)
            {
                Problem(TemplateProblemKind.MissingValue, $"The template uses {{{{ {name} }}}} but no value was given for {name}.", $"Set AskTemplateVariables.{property}, or remove {name} from the template.");
                return null;
            }

            if (!value.IsAbsoluteUri)
            {
                Problem(TemplateProblemKind.InvalidValue, $"The value of {name} ('{value.OriginalString}') is a relative link; an e-mail needs a full address.", $"Set AskTemplateVariables.{property} to an absolute https:// link.");
                return null;
            }

            return new StringValue(value.AbsoluteUri);
        }

        switch (name)
        {
            case AskTemplateVariableNames.FirstName: return Text(variables.FirstName, nameof(variables.FirstName));
            case AskTemplateVariableNames.BusinessName: return Text(variables.BusinessName, nameof(variables.BusinessName));
            case AskTemplateVariableNames.FriendOffer: return Text(variables.FriendOffer, nameof(variables.FriendOffer));
            case AskTemplateVariableNames.IdealReferral: return Text(variables.IdealReferral, nameof(variables.IdealReferral));
            case AskTemplateVariableNames.Reward: return Text(variables.Reward, nameof(variables.Reward));
            case AskTemplateVariableNames.ReferralSummary: return Text(variables.ReferralSummary, nameof(variables.ReferralSummary));
            case AskTemplateVariableNames.AdvocateName: return Text(variables.AdvocateName, nameof(variables.AdvocateName));
            case AskTemplateVariableNames.PersonalNote: return Text(variables.PersonalNote, nameof(variables.PersonalNote));
            case AskTemplateVariableNames.ReferralLink: return Link(variables.ReferralLink, nameof(variables.ReferralLink));
            case AskTemplateVariableNames.QrCodeUrl: return Link(variables.QrCodeUrl, nameof(variables.QrCodeUrl));
            case AskTemplateVariableNames.UnsubscribeLink: return Link(variables.UnsubscribeLink, nameof(variables.UnsubscribeLink));
            case AskTemplateVariableNames.IdealClient:
                // Optional by design: an ask about no profile gives false (nil would be "undefined" under strict variables), so `{% if ideal_client %}` skips it.
                return variables.IdealClient is null ? BooleanValue.False : Profile(variables.IdealClient);
            case AskTemplateVariableNames.IdealClients:
                if (variables.IdealClients is null)
                {
                    Problem(TemplateProblemKind.MissingValue, $"The template uses {name} but no profiles were given.", "Set AskTemplateVariables.IdealClients (an empty list when the program has none), or remove ideal_clients from the template.");
                    return null;
                }

                return new ArrayValue(variables.IdealClients.Where(p => p is not null).Select(Profile).ToArray());
            case AskTemplateVariableNames.RatingLinks:
                var links = variables.RatingLinks;
                if (links is null)
                {
                    Problem(TemplateProblemKind.MissingValue, $"The template uses {name} but no rating links were given.", "Set AskTemplateVariables.RatingLinks to RatingLinks.ForAllScores(...), or remove rating_links from the template.");
                    return null;
                }

                if (links.Count != RatingLinkCount || links.Any(l => l is null || !l.IsAbsoluteUri))
                {
                    Problem(TemplateProblemKind.InvalidValue, $"{name} must hold exactly {RatingLinkCount} absolute links (index = score 0-10); {links.Count} were given, or one is empty or relative.", "Build them with RatingLinks.ForAllScores(...).");
                    return null;
                }

                return new ArrayValue(links.Select(l => (FluidValue)new StringValue(l.AbsoluteUri)).ToArray());
            default:
                throw new InvalidOperationException($"No value mapping for the ask variable '{name}'.");
        }
    }
}
