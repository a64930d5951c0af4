namespace Referrals.Core.Asks;

/// <summary>
/// Checks the words of an ask against the referral playbook (DESIGN.md §2.3): open questions, not closed ones, and all
/// four steps of the script. Pure and thread-safe; it is a heuristic that helps an editor, not a grammar.
/// </summary>
/// <remarks>
/// <para>
/// The text may be plain text, HTML or a Liquid template: tags and comments are ignored, entities decoded, curly
/// apostrophes read as straight ones, and spans point into the original string. Matching is case-insensitive and
/// tolerates extra white space (including line breaks and tags) between words.
/// </para>
/// <para>
/// Rules are kept per language. English (<c>en</c>) is the only rule set today; Danish (<c>da</c>) is planned. A locale
/// such as <c>en-GB</c> uses its language's rules. English cues:
/// </para>
/// <list type="bullet">
/// <item><description><see cref="WordingRule.ClosedQuestion"/>: "do/did/would/could/might you know (of) anyone/anybody/
/// someone/somebody/any friends…", "don't you know anyone", "you wouldn't happen to know anyone", "if you (happen to)
/// know anyone", "anyone/anybody (else) who/that might/may/could/would", "can/could you think of anyone", "if you can
/// think of anyone", a sentence starting "Know anyone/someone …?" or "Anyone you know …?" / "Anyone come to mind?",
/// "is/are there anyone/any friends", "do you have any friends/family/colleagues/people", "does anyone come to mind".
/// Overlapping matches are one finding. Suggestion: "Who do you know who…?".</description></item>
/// <item><description>Step 1, <see cref="WordingRule.MissingAppreciation"/>: thank/thanks/thank you/thankful,
/// appreciate(d)/appreciation, grateful, gratitude, valued, "value you / your business…", "means a lot / so much / the
/// world", "glad/lucky/proud to have you".</description></item>
/// <item><description>Step 2, <see cref="WordingRule.MissingInvitation"/>: an open question ("who do you know", "who
/// comes to mind", "who could use / would love …", "who is the first person"), or an explicit invitation: refer,
/// introduce, recommend, forward this, pass/send this/your link on, share this/your link/code/offer, tell/invite a
/// friend/friends/them/someone, put us in touch, connect us. A closed question also counts as the step, so it is
/// reported once (as a closed question) rather than twice.</description></item>
/// <item><description>Step 3, <see cref="WordingRule.MissingIdealReferral"/>: "someone/friends/people/families/
/// customers… who/that/whose", "who is/has (just) planning/moving/looking/starting…", "like you" (not "would like you
/// to"), "ideal/perfect/right fit/client/customer", "in the same situation/boat", or printing
/// <c>{{ ideal_referral }}</c>, or any reference to an ideal-client profile (<c>ideal_client</c>, <c>ideal_clients</c>).</description></item>
/// <item><description>Step 4, <see cref="WordingRule.MissingRiskFreeOffer"/>: free (not "feel free"), no obligation /
/// obligation-free / without obligation, risk-free / no risk, "is/'s on us / on the house", "off their/your/the first",
/// "N% off", trial, consultation, money back, complimentary, no strings attached, or printing
/// <c>{{ friend_offer }}</c>.</description></item>
/// </list>
/// </remarks>
public static class WordingCheck
{
    /// <summary>The language the one-argument <see cref="Check(string)"/> uses.</summary>
    public const string DefaultLocale = "en";

    private static readonly Dictionary<string, WordingRuleSet> _ruleSets = new(StringComparer.OrdinalIgnoreCase)
    {
        [EnglishWordingRules.Rules.Language] = EnglishWordingRules.Rules,
    };

    /// <summary>The languages with a rule set, for example <c>en</c>.</summary>
    public static IReadOnlyCollection<string> SupportedLanguages => _ruleSets.Keys;

    /// <summary>Whether <paramref name="locale"/> (a language tag such as <c>en</c> or <c>en-GB</c>) has rules.</summary>
    public static bool Supports(string? locale) => locale is not null && _ruleSets.ContainsKey(Language(locale));

    /// <summary>Checks a referral ask in English with every rule (<see cref="WordingScope.ReferralAsk"/>).</summary>
    /// <param name="text">The ask's text, template or HTML.</param>
    /// <returns>Closed questions in text order, then each missing step in script order; empty when the ask is fine.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static IReadOnlyList<WordingFinding> Check(string text) => Check(text, WordingScope.ReferralAsk, DefaultLocale);

    /// <summary>Checks <paramref name="text"/> with the rules of <paramref name="scope"/> in <paramref name="locale"/>.</summary>
    /// <param name="text">The text, template or HTML.</param>
    /// <param name="scope">Whether the script steps apply (the referral ask) or only the phrasing rules (any other message).</param>
    /// <param name="locale">A language tag; only the language part is used (<c>en-GB</c> → <c>en</c>).</param>
    /// <returns>Closed questions in text order, then each missing step in script order; empty when the text is fine.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="locale"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no rules for the locale's language yet (see <see cref="Supports"/>).</exception>
    public static IReadOnlyList<WordingFinding> Check(string text, WordingScope scope, string locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(locale);
        if (!_ruleSets.TryGetValue(Language(locale), out var rules))
        {
            throw new ArgumentException(
                $"There are no wording rules for the locale '{locale}' yet; supported: {string.Join(", ", SupportedLanguages)}.",
                nameof(locale));
        }

        var view = WordingText.Create(text);
        var findings = new List<WordingFinding>();
        foreach (var (start, length) in ClosedQuestionSpans(view.Text, rules))
        {
            var span = view.ToOriginal(start, length);
            findings.Add(new WordingFinding(
                WordingRule.ClosedQuestion,
                span,
                rules.ClosedQuestionMessage(Collapse(view.Text.Substring(start, length))),
                rules.ClosedQuestionSuggestion));
        }

        if (scope == WordingScope.ReferralAsk)
        {
            var hasClosedQuestion = findings.Count > 0;
            foreach (var step in rules.Steps)
            {
                var present = (step.SatisfiedByClosedQuestion && hasClosedQuestion)
                    || step.VariableCues.Any(view.PrintedVariables.Contains)
                    || (step.ReferenceCues ?? []).Any(v => view.PrintedVariables.Contains(v) || view.TagVariables.Contains(v))
                    || step.Cues.Any(cue => cue.IsMatch(view.Text));
                if (!present)
                {
                    findings.Add(new WordingFinding(step.MissingRule, TextSpan.Empty, step.Message, step.Suggestion));
                }
            }
        }

        return findings;
    }

    private static string Language(string locale)
    {
        var cut = locale.AsSpan().Trim();
        var dash = cut.IndexOfAny('-', '_');
        return (dash < 0 ? cut : cut[..dash]).ToString();
    }

    // Every closed-question match, overlapping ones merged, in text order.
    private static List<(int Start, int Length)> ClosedQuestionSpans(string text, WordingRuleSet rules)
    {
        var matches = rules.ClosedQuestions
            .SelectMany(pattern => pattern.Matches(text))
            .Where(m => m.Length > 0)
            .Select(m => (Start: m.Index, End: m.Index + m.Length))
            .OrderBy(m => m.Start)
            .ToList();

        var merged = new List<(int Start, int Length)>();
        var current = (Start: -1, End: -1);
        foreach (var m in matches)
        {
            if (current.Start >= 0 && m.Start < current.End)
            {
                current.End = Math.Max(current.End, m.End);
                continue;
            }

            if (current.Start >= 0)
            {
                merged.Add((current.Start, current.End - current.Start));
            }

            current = m;
        }

        if (current.Start >= 0)
        {
            merged.Add((current.Start, current.End - current.Start));
        }

        return merged;
    }

    private static string Collapse(string phrase) => string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
