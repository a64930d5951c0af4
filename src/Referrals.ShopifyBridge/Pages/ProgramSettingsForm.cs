using System.Globalization;
using System.Text.Json;
using Referrals.Core.Asks;
using Referrals.Core.Fraud;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// The fields of the settings page. Each field's name is its key under <see cref="ProgramSettingsValidator.Prefix"/>
/// (for example <c>AdvocateReward:FixedAmount</c>), so a validator problem lands next to the field it is about.
/// </summary>
internal static class ProgramSettingsForm
{
    public enum Input
    {
        Text,
        Number,
        Decimal,
        Check,
        Choice,
        Lines,
        Template,

        /// <summary>One of the settings' ideal-client profiles by name, or none; the options come from the profiles shown.</summary>
        IdealClient,
    }

    /// <summary>One field: how it reads its text from settings and writes parsed text back (null, or why it cannot).</summary>
    public sealed record Field(string Key, string Label, Input Input, Func<ProgramSettings, string> Read, Func<ProgramSettings, string, string?> Write, string[]? Choices = null, string? Hint = null);

    /// <summary>A titled group of fields; <paramref name="Key"/> catches problems about the group as a whole.</summary>
    public sealed record Group(string Key, string Title, IReadOnlyList<Field> Fields);

    public const string FriendRewardEnabled = "FriendReward:Enabled";

    public const string AdvocateNewsEnabled = "Timeline:AdvocateNews:Enabled";

    private const string IdealClientsKey = nameof(ProgramSettings.IdealClients);

    /// <summary>
    /// The ask steps a merchant can point at one ideal-client profile, in the order the Umbraco timeline shows them; the
    /// advocate news last, as it comes after the timeline there (its e-mail gets the profile as <c>ideal_client</c>).
    /// </summary>
    public static IReadOnlyList<AskTrigger> AskSteps { get; } =
        [AskTrigger.Purchase, AskTrigger.Fulfilment, AskTrigger.ProblemSolved, AskTrigger.BeforeStart, AskTrigger.Cadence, AskTrigger.Manual, AskTrigger.AdvocateNews];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Group> Groups { get; } =
    [
        new("", "Program", [
            Text("Currency", "Currency (ISO 4217)", s => s.Currency, (s, v) => s.Currency = v.Trim().ToUpperInvariant()),
            Text("Locale", "Locale of the messages", s => s.Locale, (s, v) => s.Locale = v.Trim()),
            Whole("MonthlyGoal", "Monthly goal (referrals, 0 for none)", s => s.MonthlyGoal, (s, v) => s.MonthlyGoal = v),
        ]),
        new("AdvocateReward", "Advocate's reward", RewardFields("AdvocateReward", s => s.AdvocateReward)),
        new("FriendReward", "Friend's reward (double-sided)", [
            new(FriendRewardEnabled, "Give the friend a reward too", Input.Check, s => Flag(s.FriendReward is not null), (s, v) => { s.FriendReward = v == "true" ? s.FriendReward ?? new RewardRule() : null; return null; }),
            .. RewardFields("FriendReward", s => s.FriendReward ??= new RewardRule()),
        ]),
        new("FriendOffer", "Friend's offer on the personal link", [
            Choice("FriendOffer:Type", "Offer", Enum.GetNames<FriendOfferType>(), s => s.FriendOffer.Type.ToString(), (s, v) => s.FriendOffer.Type = Enum.Parse<FriendOfferType>(v)),
            Money("FriendOffer:Value", "Value (amount or percent)", s => s.FriendOffer.Value, (s, v) => s.FriendOffer.Value = v ?? 0),
            Text("FriendOffer:Description", "Description (non-monetary offers)", s => s.FriendOffer.Description ?? "", (s, v) => s.FriendOffer.Description = v.Trim().Length == 0 ? null : v.Trim()),
        ]),
        new("", "Attribution and holding", [
            Whole("HoldDays", "Hold rewards for (days)", s => s.HoldDays, (s, v) => s.HoldDays = v, "Longer than your refund window."),
            Whole("AttributionWindowDays", "Attribution window (days)", s => s.AttributionWindowDays, (s, v) => s.AttributionWindowDays = v),
            Money("MinimumOrderAmount", "Minimum order (0 for any)", s => s.MinimumOrderAmount, (s, v) => s.MinimumOrderAmount = v ?? 0),
            new("FirstOrderOnly", "Only the friend's first order counts", Input.Check, s => Flag(s.FirstOrderOnly), (s, v) => { s.FirstOrderOnly = v == "true"; return null; }),
        ]),
        new("Gate", "Satisfaction gate and asking", [
            Whole("Gate:PromoterMinimum", "Promoters score at least (0-10)", s => s.Gate.PromoterMinimum, (s, v) => s.Gate.PromoterMinimum = v),
            Whole("Gate:DetractorMaximum", "Detractors score at most (0-10)", s => s.Gate.DetractorMaximum, (s, v) => s.Gate.DetractorMaximum = v),
            Whole("Timeline:FrequencyCapDays", "Ask one contact at most every (days)", s => s.Timeline.FrequencyCapDays, (s, v) => s.Timeline.FrequencyCapDays = v, "The frequency cap."),
        ]),
        .. IdealClientGroups(),
        new("", "Ask about one ideal client", [.. AskSteps.Select(StepIdealClient)]),
        new("Timeline:AdvocateNews", "Advocate news", [
            new(AdvocateNewsEnabled, "Send advocates and referral partners the advocate news", Input.Check, s => Flag(s.Timeline.AdvocateNews.Enabled),
                (s, v) => { s.Timeline.AdvocateNews.Enabled = v == "true"; return null; }, Hint: "Off until you opt in. Only contacts with marketing consent receive it; the frequency cap applies."),
            Whole("Timeline:AdvocateNewsIntervalDays", "Send it every (days)", s => s.Timeline.AdvocateNewsIntervalDays, (s, v) => s.Timeline.AdvocateNewsIntervalDays = v, "30 is about monthly."),
            Template(nameof(AskTemplateSet.AdvocateNewsSubject), s => s.AdvocateNewsSubject, (s, v) => s.AdvocateNewsSubject = v),
            Template(nameof(AskTemplateSet.AdvocateNewsHtml), s => s.AdvocateNewsHtml, (s, v) => s.AdvocateNewsHtml = v),
            Template(nameof(AskTemplateSet.AdvocateNewsText), s => s.AdvocateNewsText, (s, v) => s.AdvocateNewsText = v),
        ]),
        new("", "Introductions", [
            Whole("IntroductionCooldownDays", "Introduce the same friend at most every (days)", s => s.IntroductionCooldownDays, (s, v) => s.IntroductionCooldownDays = v,
                "By any advocate. A friend who opted out is never introduced again."),
            Template(nameof(AskTemplateSet.IntroductionSubject), s => s.IntroductionSubject, (s, v) => s.IntroductionSubject = v),
            Template(nameof(AskTemplateSet.IntroductionHtml), s => s.IntroductionHtml, (s, v) => s.IntroductionHtml = v),
            Template(nameof(AskTemplateSet.IntroductionText), s => s.IntroductionText, (s, v) => s.IntroductionText = v),
        ]),
        new("", "Review of flagged referrals", [
            Whole("ReviewWindowHours", "Time to decide (hours)", s => s.ReviewWindowHours, (s, v) => s.ReviewWindowHours = v),
            Choice("ReviewLapsePolicy", "When nobody decides in time", Enum.GetNames<ReviewLapsePolicy>(), s => s.ReviewLapsePolicy.ToString(), (s, v) => s.ReviewLapsePolicy = Enum.Parse<ReviewLapsePolicy>(v)),
        ]),
        new("", "Charity share", [
            Money("CharitySharePercent", "Share of the advocate's reward given to a cause (%)", s => s.CharitySharePercent, (s, v) => s.CharitySharePercent = v ?? 0),
            new("Causes", "Causes, one a line: id | name", Input.Lines, s => string.Join('\n', s.Causes.Select(c => $"{c.Id} | {c.Name}")), ParseCauses, Hint: "For example: red-cross | Red Cross"),
        ]),
        new("Templates", "Ask templates (Liquid)", [
            Template(nameof(AskTemplateSet.SatisfactionSubject), s => s.SatisfactionSubject, (s, v) => s.SatisfactionSubject = v),
            Template(nameof(AskTemplateSet.SatisfactionHtml), s => s.SatisfactionHtml, (s, v) => s.SatisfactionHtml = v),
            Template(nameof(AskTemplateSet.SatisfactionText), s => s.SatisfactionText, (s, v) => s.SatisfactionText = v),
            Template(nameof(AskTemplateSet.ReferralAskSubject), s => s.ReferralAskSubject, (s, v) => s.ReferralAskSubject = v),
            Template(nameof(AskTemplateSet.ReferralAskHtml), s => s.ReferralAskHtml, (s, v) => s.ReferralAskHtml = v),
            Template(nameof(AskTemplateSet.ReferralAskText), s => s.ReferralAskText, (s, v) => s.ReferralAskText = v),
            Template(nameof(AskTemplateSet.ThankYouSubject), s => s.ThankYouSubject, (s, v) => s.ThankYouSubject = v),
            Template(nameof(AskTemplateSet.ThankYouHtml), s => s.ThankYouHtml, (s, v) => s.ThankYouHtml = v),
            Template(nameof(AskTemplateSet.ThankYouText), s => s.ThankYouText, (s, v) => s.ThankYouText = v),
            Template(nameof(AskTemplateSet.ServiceRecoveryTask), s => s.ServiceRecoveryTask, (s, v) => s.ServiceRecoveryTask = v),
        ]),
    ];

    /// <summary>Every field, in page order.</summary>
    public static IEnumerable<Field> Fields => Groups.SelectMany(g => g.Fields);

    /// <summary>
    /// Applies <paramref name="form"/> to a copy of <paramref name="current"/>. Text that does not parse becomes a
    /// problem under the field's key; the copy is only meaningful when there are none. Ideal-client rows left wholly
    /// empty are dropped; <c>IdealClientRows</c> gives the form row of each profile kept.
    /// </summary>
    public static (ProgramSettings Settings, List<SettingsProblem> Problems, IReadOnlyList<int> IdealClientRows) Bind(ProgramSettings current, IFormCollection form)
    {
        var settings = JsonSerializer.Deserialize<ProgramSettings>(JsonSerializer.Serialize(current, Json), Json)!;
        var problems = new List<SettingsProblem>();
        // The form always shows every profile row; what it posts replaces the stored profiles.
        settings.IdealClients = [];
        var friendReward = form[FriendRewardEnabled] == "true";
        foreach (var field in Fields)
        {
            if (field.Key.StartsWith("FriendReward:", StringComparison.Ordinal) && field.Key != FriendRewardEnabled && !friendReward)
            {
                continue;
            }

            var value = field.Input == Input.Check ? Flag(form[field.Key] == "true") : form[field.Key].ToString();
            if (field.Write(settings, value) is { } problem)
            {
                problems.Add(new SettingsProblem($"{ProgramSettingsValidator.Prefix}:{field.Key}", problem));
            }
        }

        var kept = new List<int>();
        for (var i = 0; i < settings.IdealClients.Count; i++)
        {
            var p = settings.IdealClients[i];
            if (p.Name.Length + p.Who.Length + p.Situation.Length + p.Benefit.Length > 0)
            {
                kept.Add(i);
            }
        }

        var rows = settings.IdealClients;
        settings.IdealClients = kept.Select(i => rows[i]).ToList();
        FollowRenamedProfiles(current, settings, rows);
        return (settings, problems, kept);
    }

    /// <summary>The key of the ideal-client picker of the step for <paramref name="trigger"/>; the validator's key for the same value.</summary>
    public static string StepIdealClientKey(AskTrigger trigger) => $"Timeline:{trigger}:{nameof(AskTimelineStep.IdealClientName)}";

    // A step's picker posts the profile name it was shown with. When the merchant renamed that profile's row in the same
    // post, the step follows the row (it is the same profile). A profile whose row was cleared is not followed: the
    // validator then reports the step next to its picker, so the merchant chooses what the step asks about instead.
    private static void FollowRenamedProfiles(ProgramSettings current, ProgramSettings settings, IList<IdealClientProfile> postedRows)
    {
        var stored = current.IdealClients ?? [];
        foreach (var trigger in AskSteps)
        {
            var step = settings.Timeline.StepFor(trigger);
            if (step.IdealClientName is not { } name || settings.FindIdealClient(name) is not null)
            {
                continue;
            }

            for (var row = 0; row < stored.Count && row < postedRows.Count; row++)
            {
                if (stored[row] is { } before && string.Equals(before.Name?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase) && postedRows[row].Name.Length > 0)
                {
                    step.IdealClientName = postedRows[row].Name;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// A validator key about the profile at <c>IdealClients:{i}</c> of the saved (compacted) list, turned back into the
    /// form row it came from, so the problem sits next to the field the merchant typed in.
    /// </summary>
    public static SettingsProblem ToFormRow(SettingsProblem problem, IReadOnlyList<int> rows)
    {
        var prefix = $"{ProgramSettingsValidator.Prefix}:{IdealClientsKey}:";
        if (!problem.Key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return problem;
        }

        var rest = problem.Key[prefix.Length..];
        var end = rest.IndexOf(':', StringComparison.Ordinal);
        var index = end < 0 ? rest : rest[..end];
        return int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < rows.Count
            ? problem with { Key = prefix + rows[i].ToString(CultureInfo.InvariantCulture) + (end < 0 ? "" : rest[end..]) }
            : problem;
    }

    // One fieldset per possible profile; an empty row is no profile.
    private static IEnumerable<Group> IdealClientGroups() => Enumerable.Range(0, ProgramSettings.MaxIdealClients).Select(i => new Group($"{IdealClientsKey}:{i}", $"Ideal client {i + 1}", [
        IdealClientText(i, nameof(IdealClientProfile.Name), "Name", Input.Text, p => p.Name, (p, v) => p.Name = v,
            i == 0 ? $"Up to {ProgramSettings.MaxIdealClients} kinds of client you want more of, e.g. New home owners. Leave a row empty to remove it." : null),
        IdealClientText(i, nameof(IdealClientProfile.Who), "Who they are (after \"for\")", Input.Text, p => p.Who, (p, v) => p.Who = v,
            i == 0 ? "e.g. families who have just moved in" : null),
        IdealClientText(i, nameof(IdealClientProfile.Situation), "Their situation (after \"who\")", Input.Text, p => p.Situation, (p, v) => p.Situation = v,
            i == 0 ? "e.g. has just bought a house" : null),
        IdealClientText(i, nameof(IdealClientProfile.Benefit), "Why they benefit", Input.Lines, p => p.Benefit, (p, v) => p.Benefit = v,
            i == 0 ? "e.g. We get the garden ready before the first summer." : null),
    ]));

    private static Field StepIdealClient(AskTrigger trigger, int index) =>
        new(StepIdealClientKey(trigger), StepLabel(trigger), Input.IdealClient,
            s => s.Timeline.StepFor(trigger).IdealClientName ?? "",
            (s, v) => { s.Timeline.StepFor(trigger).IdealClientName = v.Trim().Length == 0 ? null : v.Trim(); return null; },
            Hint: index == 0 ? "Asks about one profile at a time (\"Who do you know who has just bought a house?\"). None asks about your ideal referral in general." : null);

    private static string StepLabel(AskTrigger trigger) => trigger switch
    {
        AskTrigger.Purchase => "After a purchase",
        AskTrigger.Fulfilment => "After delivery",
        AskTrigger.ProblemSolved => "After a problem is solved",
        AskTrigger.BeforeStart => "Before work starts",
        AskTrigger.Cadence => "On the regular cadence",
        AskTrigger.AdvocateNews => "In the advocate news",
        _ => "On a manual invitation",
    };

    private static Field IdealClientText(int row, string name, string label, Input input, Func<IdealClientProfile, string> read, Action<IdealClientProfile, string> write, string? hint) =>
        new($"{IdealClientsKey}:{row}:{name}", label, input,
            s => s.IdealClients.Count > row && s.IdealClients[row] is { } p ? read(p) ?? "" : "",
            (s, v) =>
            {
                while (s.IdealClients.Count <= row)
                {
                    s.IdealClients.Add(new IdealClientProfile());
                }

                write(s.IdealClients[row], v.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
                return null;
            }, Hint: hint);

    private static Field[] RewardFields(string prefix, Func<ProgramSettings, RewardRule> rule) =>
    [
        Choice($"{prefix}:Kind", "Kind", Enum.GetNames<RewardKind>(), s => ReadRule(s, prefix, rule).Kind.ToString(), (s, v) => rule(s).Kind = Enum.Parse<RewardKind>(v)),
        Money($"{prefix}:FixedAmount", "Fixed amount", s => ReadRule(s, prefix, rule).FixedAmount, (s, v) => rule(s).FixedAmount = v ?? 0),
        Money($"{prefix}:PercentOfOrder", "Percent of the order", s => ReadRule(s, prefix, rule).PercentOfOrder, (s, v) => rule(s).PercentOfOrder = v ?? 0),
        Money($"{prefix}:MaximumAmount", "Cap (empty for none)", s => ReadRule(s, prefix, rule).MaximumAmount, (s, v) => rule(s).MaximumAmount = v, optional: true),
    ];

    // Reading must not create the friend's reward; only saving with the box ticked does.
    private static RewardRule ReadRule(ProgramSettings s, string prefix, Func<ProgramSettings, RewardRule> rule) =>
        prefix == "FriendReward" && s.FriendReward is null ? new RewardRule() : rule(s);

    private static Field Text(string key, string label, Func<ProgramSettings, string> read, Action<ProgramSettings, string> write) =>
        new(key, label, Input.Text, read, (s, v) => { write(s, v); return null; });

    private static Field Template(string name, Func<AskTemplateSet, string> read, Action<AskTemplateSet, string> write) =>
        new($"Templates:{name}", name, name.EndsWith("Subject", StringComparison.Ordinal) ? Input.Text : Input.Template,
            s => read(s.Templates), (s, v) => { write(s.Templates, v.Replace("\r\n", "\n", StringComparison.Ordinal)); return null; });

    private static Field Choice(string key, string label, string[] choices, Func<ProgramSettings, string> read, Action<ProgramSettings, string> write) =>
        new(key, label, Input.Choice, read, (s, v) =>
        {
            if (!choices.Contains(v, StringComparer.Ordinal))
            {
                return $"Pick one of: {string.Join(", ", choices)}.";
            }

            write(s, v);
            return null;
        }, choices);

    private static Field Whole(string key, string label, Func<ProgramSettings, int> read, Action<ProgramSettings, int> write, string? hint = null) =>
        new(key, label, Input.Number, s => read(s).ToString(CultureInfo.InvariantCulture), (s, v) =>
        {
            if (!int.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return $"'{v}' is not a whole number.";
            }

            write(s, n);
            return null;
        }, Hint: hint);

    private static Field Money(string key, string label, Func<ProgramSettings, decimal?> read, Action<ProgramSettings, decimal?> write, bool optional = false) =>
        new(key, label, Input.Decimal, s => read(s)?.ToString(CultureInfo.InvariantCulture) ?? "", (s, v) =>
        {
            if (optional && string.IsNullOrWhiteSpace(v))
            {
                write(s, null);
                return null;
            }

            if (!decimal.TryParse(v.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
            {
                return $"'{v}' is not a number. Use a point for decimals, for example 12.50.";
            }

            write(s, d);
            return null;
        });

    private static string? ParseCauses(ProgramSettings settings, string text)
    {
        var causes = new List<Cause>();
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                return $"'{line}' has no '|'. Write each cause as: id | name.";
            }

            causes.Add(new Cause { Id = parts[0], Name = parts[1] });
        }

        settings.Causes = causes;
        return null;
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
