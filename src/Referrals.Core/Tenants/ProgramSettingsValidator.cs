using System.Text.RegularExpressions;
using Referrals.Core.Asks;
using Referrals.Core.Rewards;
using Referrals.Core.Satisfaction;

namespace Referrals.Core.Tenants;

/// <summary>
/// Checks a <see cref="ProgramSettings"/> as a whole, including the rules that span several fields.
/// Every problem names the key (under <see cref="Prefix"/>) and says how to fix it.
/// </summary>
public static partial class ProgramSettingsValidator
{
    /// <summary>The configuration section program settings are bound from.</summary>
    public const string Prefix = "Referrals:Program";

    /// <summary>Returns every problem with <paramref name="settings"/>; an empty list means valid.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static IReadOnlyList<SettingsProblem> Validate(ProgramSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<SettingsProblem>();
        void Add(string key, string message) => problems.Add(new SettingsProblem($"{Prefix}:{key}", message));

        if (settings.Currency is null || !CurrencyCode().IsMatch(settings.Currency))
        {
            Add(nameof(settings.Currency), $"'{settings.Currency}' is not an ISO 4217 currency code. Use three capital letters, for example EUR, USD or DKK.");
        }

        if (string.IsNullOrWhiteSpace(settings.Locale))
        {
            Add(nameof(settings.Locale), "The locale is empty. Set it to a language tag such as en or da.");
        }

        ValidateRewardRule(settings.AdvocateReward, nameof(settings.AdvocateReward), Add, required: true);
        if (settings.FriendReward is not null)
        {
            ValidateRewardRule(settings.FriendReward, nameof(settings.FriendReward), Add, required: false);
        }

        ValidateFriendOffer(settings.FriendOffer, Add);

        if (settings.HoldDays is < 0 or > 365)
        {
            Add(nameof(settings.HoldDays), $"{settings.HoldDays} days is outside 0-365. Hold rewards at least as long as your refund window; {ProgramSettings.DefaultHoldDays} is a safe default.");
        }

        if (settings.AttributionWindowDays is < 1 or > 365)
        {
            Add(nameof(settings.AttributionWindowDays), $"{settings.AttributionWindowDays} days is outside 1-365. A friend's purchase counts this many days after the click; {ProgramSettings.DefaultAttributionWindowDays} is typical.");
        }

        if (settings.MinimumOrderAmount < 0)
        {
            Add(nameof(settings.MinimumOrderAmount), "The minimum order is negative. Use 0 to accept any order.");
        }

        ValidateCharity(settings, Add);

        if (settings.ReviewWindowHours is < 1 or > 24 * 90)
        {
            Add(nameof(settings.ReviewWindowHours), $"{settings.ReviewWindowHours} hours is outside 1-2160. Give reviewers time to look; {ProgramSettings.DefaultReviewWindowHours} is the default.");
        }

        if (!Enum.IsDefined(settings.ReviewLapsePolicy))
        {
            Add(nameof(settings.ReviewLapsePolicy), $"'{settings.ReviewLapsePolicy}' is not a lapse policy. Use one of: {string.Join(", ", Enum.GetNames<Fraud.ReviewLapsePolicy>())}.");
        }

        if (settings.VelocityLimit < 1)
        {
            Add(nameof(settings.VelocityLimit), $"The velocity limit must be at least 1 referral; {ProgramSettings.DefaultVelocityLimit} is the default.");
        }

        if (settings.VelocityWindowHours < 1)
        {
            Add(nameof(settings.VelocityWindowHours), $"The velocity window must be at least 1 hour; {ProgramSettings.DefaultVelocityWindowHours} is the default.");
        }

        if (settings.Gate is null)
        {
            Add(nameof(settings.Gate), "The satisfaction gate is missing. Remove the setting to use the defaults (promoters 9-10, detractors 0-6).");
        }
        else
        {
            problems.AddRange(GateThresholdsValidator.Validate(settings.Gate));
        }

        if (settings.Timeline is null)
        {
            Add(nameof(settings.Timeline), "The ask timeline is missing. Remove the setting to use the defaults (e-mail 7 days after a purchase, frequency cap 30 days).");
        }
        else
        {
            problems.AddRange(AskTimelineValidator.Validate(settings.Timeline));
            foreach (var trigger in Enum.GetValues<AskTrigger>())
            {
                var name = settings.Timeline.StepFor(trigger)?.IdealClientName;
                if (!string.IsNullOrWhiteSpace(name) && settings.FindIdealClient(name) is null)
                {
                    Add($"{nameof(settings.Timeline)}:{trigger}:{nameof(AskTimelineStep.IdealClientName)}",
                        $"No ideal-client profile is named '{name}'. Use the name of one of {nameof(settings.IdealClients)}, or remove it to ask about the ideal referral in general.");
                }
            }
        }

        // Broken templates block a save; wording findings are advice the editor sees, not errors.
        if (settings.Templates is null)
        {
            Add(nameof(settings.Templates), "The ask templates are missing. Remove the setting to use the default templates.");
        }
        else
        {
            problems.AddRange(TemplateValidation.Validate(settings.Templates, string.IsNullOrWhiteSpace(settings.Locale) ? WordingCheck.DefaultLocale : settings.Locale)
                .Where(p => p.Severity == TemplateProblemSeverity.Error)
                .Select(p => new SettingsProblem(p.Key, $"{p.Message} {p.Fix}")));
        }

        ValidateIdealClients(settings.IdealClients, Add);

        if (settings.IntroductionCooldownDays is < 1 or > 3650)
        {
            Add(nameof(settings.IntroductionCooldownDays), $"{settings.IntroductionCooldownDays} days is outside 1-3650. A friend is introduced at most once in this many days; {ProgramSettings.DefaultIntroductionCooldownDays} is the default.");
        }

        if (settings.MonthlyGoal < 0)
        {
            Add(nameof(settings.MonthlyGoal), "The monthly goal is negative. Use 0 for no goal.");
        }

        return problems;
    }

    /// <summary>Throws when <paramref name="settings"/> is not valid.</summary>
    /// <exception cref="InvalidProgramSettingsException">One or more settings are invalid; the message lists them all.</exception>
    public static void ThrowIfInvalid(ProgramSettings settings)
    {
        var problems = Validate(settings);
        if (problems.Count > 0)
        {
            throw new InvalidProgramSettingsException(problems);
        }
    }

    private static void ValidateIdealClients(IList<IdealClientProfile>? profiles, Action<string, string> add)
    {
        const string key = nameof(ProgramSettings.IdealClients);
        if (profiles is null)
        {
            add(key, "The ideal-client profiles are missing. Use an empty list for none.");
            return;
        }

        if (profiles.Count > ProgramSettings.MaxIdealClients)
        {
            add(key, $"{profiles.Count} ideal-client profiles are too many; keep at most {ProgramSettings.MaxIdealClients}, so each one stays a clear picture.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < profiles.Count; i++)
        {
            var profile = profiles[i];
            var at = $"{key}:{i}";
            if (profile is null)
            {
                add(at, "The profile is empty. Remove it or fill in its name, who, situation and benefit.");
                continue;
            }

            void Text(string? value, string field, int max, string example)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    add($"{at}:{field}", $"The {field} of the ideal-client profile is empty. Describe it, for example \"{example}\".");
                }
                else if (value.Trim().Length > max)
                {
                    add($"{at}:{field}", $"The {field} of the ideal-client profile has {value.Trim().Length} characters; keep it to {max}.");
                }
            }

            Text(profile.Name, nameof(profile.Name), IdealClientProfile.MaxNameLength, "New home owners");
            Text(profile.Who, nameof(profile.Who), IdealClientProfile.MaxTextLength, "families who have just moved in");
            Text(profile.Situation, nameof(profile.Situation), IdealClientProfile.MaxTextLength, "has just bought a house");
            Text(profile.Benefit, nameof(profile.Benefit), IdealClientProfile.MaxTextLength, "We get the garden ready before the first summer.");
            if (!string.IsNullOrWhiteSpace(profile.Name) && !names.Add(profile.Name.Trim()))
            {
                add($"{at}:{nameof(profile.Name)}", $"Another ideal-client profile is already named '{profile.Name.Trim()}'. Give each profile its own name; asks refer to profiles by name.");
            }
        }
    }

    private static void ValidateRewardRule(RewardRule? rule, string key, Action<string, string> add, bool required)
    {
        if (rule is null)
        {
            add(key, "The reward is missing. Set a fixed amount, a percentage of the order, or both.");
            return;
        }

        if (rule.FixedAmount < 0)
        {
            add($"{key}:FixedAmount", "The fixed amount is negative. Use 0 for none or a positive amount.");
        }

        if (rule.PercentOfOrder is < 0 or > 100)
        {
            add($"{key}:PercentOfOrder", $"{rule.PercentOfOrder} is not a percentage between 0 and 100.");
        }

        if (required && rule.FixedAmount == 0 && rule.PercentOfOrder == 0 && rule.Kind != RewardKind.Manual)
        {
            add(key, "The reward is zero. Set FixedAmount or PercentOfOrder above 0, or use Kind Manual for a non-monetary thank-you.");
        }

        if (rule.MaximumAmount is <= 0)
        {
            add($"{key}:MaximumAmount", "The cap must be above 0. Remove it for no cap.");
        }

        if (!Enum.IsDefined(rule.Kind))
        {
            add($"{key}:Kind", $"'{rule.Kind}' is not a reward kind. Use one of: {string.Join(", ", Enum.GetNames<RewardKind>())}.");
        }
    }

    private static void ValidateFriendOffer(FriendOffer? offer, Action<string, string> add)
    {
        const string key = nameof(ProgramSettings.FriendOffer);
        if (offer is null)
        {
            add(key, "The friend's offer is missing. Give friends a risk-free reason to try you: an amount off, a percentage, free shipping or a free first session.");
            return;
        }

        switch (offer.Type)
        {
            case FriendOfferType.FixedAmount when offer.Value <= 0:
                add($"{key}:Value", "A fixed-amount offer needs a Value above 0.");
                break;
            case FriendOfferType.Percentage when offer.Value is <= 0 or > 100:
                add($"{key}:Value", "A percentage offer needs a Value between 0 and 100.");
                break;
            case FriendOfferType.NonMonetary when string.IsNullOrWhiteSpace(offer.Description):
                add($"{key}:Description", "A non-monetary offer needs a Description, for example \"a free 30-minute consultation\".");
                break;
            case FriendOfferType.FixedAmount or FriendOfferType.Percentage or FriendOfferType.FreeShipping or FriendOfferType.NonMonetary:
                break;
            default:
                add($"{key}:Type", $"'{offer.Type}' is not an offer type. Use one of: {string.Join(", ", Enum.GetNames<FriendOfferType>())}.");
                break;
        }
    }

    private static void ValidateCharity(ProgramSettings settings, Action<string, string> add)
    {
        if (settings.CharitySharePercent is < 0 or > 100)
        {
            add(nameof(settings.CharitySharePercent), $"{settings.CharitySharePercent} is not a percentage between 0 and 100. Use 0 to turn the charity share off.");
        }

        if (settings.Causes is null)
        {
            add(nameof(settings.Causes), "The list of causes is missing. Use an empty list for none, or add at least one cause.");
            return;
        }

        if (settings.CharitySharePercent > 0 && settings.Causes.Count == 0)
        {
            add(nameof(settings.Causes), "A charity share is set but there are no causes. Add at least one cause, or set CharitySharePercent to 0.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < settings.Causes.Count; i++)
        {
            var cause = settings.Causes[i];
            if (cause is null)
            {
                add($"{nameof(settings.Causes)}:{i}", "The cause is empty. Remove it, or give it an Id and a Name.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(cause.Id) || !CauseId().IsMatch(cause.Id))
            {
                add($"{nameof(settings.Causes)}:{i}:Id", $"'{cause.Id}' is not a cause id. Use 1-40 letters, digits or hyphens, for example red-cross.");
            }
            else if (!seen.Add(cause.Id))
            {
                add($"{nameof(settings.Causes)}:{i}:Id", $"The cause id '{cause.Id}' is used twice. Give each cause its own id.");
            }

            if (string.IsNullOrWhiteSpace(cause.Name))
            {
                add($"{nameof(settings.Causes)}:{i}:Name", "The cause has no name. Give the name advocates will see.");
            }
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex CauseId();
}
