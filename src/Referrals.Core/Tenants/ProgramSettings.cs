using Referrals.Core.Asks;
using Referrals.Core.Fraud;
using Referrals.Core.Rewards;
using Referrals.Core.Satisfaction;

namespace Referrals.Core.Tenants;

/// <summary>
/// How one tenant's referral program behaves. Bound from <c>Referrals:Program</c> as defaults and edited per tenant.
/// Every default is a public constant so documentation and tests can name it. Check with
/// <see cref="ProgramSettingsValidator"/> before saving.
/// </summary>
public sealed class ProgramSettings
{
    /// <summary>Default currency.</summary>
    public const string DefaultCurrency = "EUR";

    /// <summary>Default locale for messages.</summary>
    public const string DefaultLocale = "en";

    /// <summary>Default days a reward is held: longer than a typical 14-30 day refund window.</summary>
    public const int DefaultHoldDays = 30;

    /// <summary>Default days after an invitation or click in which a purchase still counts.</summary>
    public const int DefaultAttributionWindowDays = 30;

    /// <summary>Default hours a flagged referral waits for a decision.</summary>
    public const int DefaultReviewWindowHours = 72;

    /// <summary>Default number of converted referrals one advocate may get within the velocity window unflagged.</summary>
    public const int DefaultVelocityLimit = 5;

    /// <summary>Default velocity window in hours.</summary>
    public const int DefaultVelocityWindowHours = 24;

    /// <summary>The most ideal-client profiles a program holds.</summary>
    public const int MaxIdealClients = 4;

    /// <summary>Default days after an introduction e-mail in which the same friend is not introduced again.</summary>
    public const int DefaultIntroductionCooldownDays = 90;

    /// <summary>The program's ISO 4217 currency; rewards and offers are in it.</summary>
    public string Currency { get; set; } = DefaultCurrency;

    /// <summary>The locale messages are written in (<c>en</c>, <c>da</c>, ...).</summary>
    public string Locale { get; set; } = DefaultLocale;

    /// <summary>What the advocate earns per converted referral.</summary>
    public RewardRule AdvocateReward { get; set; } = new();

    /// <summary>What the friend earns after their first order (the double-sided half), or none.</summary>
    public RewardRule? FriendReward { get; set; }

    /// <summary>The risk-free offer the friend sees on the personal link.</summary>
    public FriendOffer FriendOffer { get; set; } = new();

    /// <summary>Days a reward is held before approval; must exceed the refund window.</summary>
    public int HoldDays { get; set; } = DefaultHoldDays;

    /// <summary>Days after an invitation or click in which a purchase is still attributed.</summary>
    public int AttributionWindowDays { get; set; } = DefaultAttributionWindowDays;

    /// <summary>Only the friend's first order converts a referral.</summary>
    public bool FirstOrderOnly { get; set; } = true;

    /// <summary>The smallest order (in <see cref="Currency"/>) that converts a referral; 0 for any.</summary>
    public decimal MinimumOrderAmount { get; set; }

    /// <summary>Percent (0-100) of the advocate's reward given to a cause they pick; 0 turns the charity share off.</summary>
    public decimal CharitySharePercent { get; set; }

    /// <summary>The causes advocates can pick from; required when <see cref="CharitySharePercent"/> is above 0.</summary>
    public IList<Cause> Causes { get; set; } = [];

    /// <summary>Hours a flagged referral waits for a decision before the lapse policy applies.</summary>
    public int ReviewWindowHours { get; set; } = DefaultReviewWindowHours;

    /// <summary>
    /// What happens to a flagged referral nobody decided on in time. Default <see cref="ReviewLapsePolicy.ApproveOnLapse"/>:
    /// flags are soft signals (a shared address is often a household), while clear self-referrals are rejected outright.
    /// </summary>
    public ReviewLapsePolicy ReviewLapsePolicy { get; set; } = ReviewLapsePolicy.ApproveOnLapse;

    /// <summary>Converted referrals per advocate per velocity window before referrals are flagged.</summary>
    public int VelocityLimit { get; set; } = DefaultVelocityLimit;

    /// <summary>The velocity window in hours.</summary>
    public int VelocityWindowHours { get; set; } = DefaultVelocityWindowHours;

    /// <summary>Which 0-10 scores make a promoter (asked to refer) and a detractor (a service-recovery task).</summary>
    public GateThresholds Gate { get; set; } = new();

    /// <summary>When and how contacts are asked: one step per trigger, the cadence and the frequency cap.</summary>
    public AskTimeline Timeline { get; set; } = new();

    /// <summary>The ask messages (Liquid). The defaults follow the 4-step script and pass the wording check.</summary>
    public AskTemplateSet Templates { get; set; } = new();

    /// <summary>
    /// Up to <see cref="MaxIdealClients"/> described kinds of ideal client; templates read them as <c>ideal_clients</c>, and
    /// an ask about one of them (see <see cref="Asks.AskTimelineStep"/>) as <c>ideal_client</c>. Empty by default.
    /// </summary>
    public IList<IdealClientProfile> IdealClients { get; set; } = [];

    /// <summary>The profile named <paramref name="name"/> (case-insensitive), or null when none has that name or <paramref name="name"/> is blank.</summary>
    public IdealClientProfile? FindIdealClient(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
            : (IdealClients ?? []).FirstOrDefault(p => p is not null && string.Equals(p.Name?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Days after an introduction e-mail in which the same friend is not introduced again, by any advocate (1-3650).</summary>
    public int IntroductionCooldownDays { get; set; } = DefaultIntroductionCooldownDays;

    /// <summary>Referrals the business aims for each month; 0 for no goal.</summary>
    public int MonthlyGoal { get; set; }
}
