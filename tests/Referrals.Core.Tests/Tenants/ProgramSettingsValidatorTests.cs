using Referrals.Core.Fraud;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Tenants;

public sealed class ProgramSettingsValidatorTests
{
    private static TestCaseData Case(string name, Action<ProgramSettings> breakIt, string key, string fix) =>
        new TestCaseData(breakIt, key, fix).SetArgDisplayNames(name);

    /// <summary>One broken field each: what to break, the full key it must be reported under, and part of the fix.</summary>
    private static IEnumerable<TestCaseData> SingleFieldProblems()
    {
        yield return Case("lower-case currency", s => s.Currency = "eur", "Referrals:Program:Currency", "three capital letters");
        yield return Case("four-letter currency", s => s.Currency = "EURO", "Referrals:Program:Currency", "three capital letters");
        yield return Case("null currency", s => s.Currency = null!, "Referrals:Program:Currency", "three capital letters");
        yield return Case("blank locale", s => s.Locale = " ", "Referrals:Program:Locale", "language tag");
        yield return Case("no advocate reward", s => s.AdvocateReward = null!, "Referrals:Program:AdvocateReward", "Set a fixed amount");
        yield return Case("negative advocate fixed amount", s => s.AdvocateReward.FixedAmount = -1m, "Referrals:Program:AdvocateReward:FixedAmount", "Use 0 for none");
        yield return Case("advocate percent above 100", s => s.AdvocateReward.PercentOfOrder = 100.5m, "Referrals:Program:AdvocateReward:PercentOfOrder", "between 0 and 100");
        yield return Case("negative advocate percent", s => s.AdvocateReward.PercentOfOrder = -1m, "Referrals:Program:AdvocateReward:PercentOfOrder", "between 0 and 100");
        yield return Case("zero advocate cap", s => s.AdvocateReward.MaximumAmount = 0m, "Referrals:Program:AdvocateReward:MaximumAmount", "Remove it for no cap");
        yield return Case("unknown advocate kind", s => s.AdvocateReward.Kind = (RewardKind)42, "Referrals:Program:AdvocateReward:Kind", "StoreCredit");
        yield return Case("negative friend fixed amount", s => s.FriendReward = new RewardRule { FixedAmount = -2m }, "Referrals:Program:FriendReward:FixedAmount", "Use 0 for none");
        yield return Case("friend percent above 100", s => s.FriendReward = new RewardRule { PercentOfOrder = 101m }, "Referrals:Program:FriendReward:PercentOfOrder", "between 0 and 100");
        yield return Case("negative friend cap", s => s.FriendReward = new RewardRule { MaximumAmount = -5m }, "Referrals:Program:FriendReward:MaximumAmount", "Remove it for no cap");
        yield return Case("no friend offer", s => s.FriendOffer = null!, "Referrals:Program:FriendOffer", "risk-free");
        yield return Case("zero fixed-amount offer", s => s.FriendOffer.Value = 0m, "Referrals:Program:FriendOffer:Value", "above 0");
        yield return Case("percentage offer above 100", s => s.FriendOffer = new FriendOffer { Type = FriendOfferType.Percentage, Value = 120m }, "Referrals:Program:FriendOffer:Value", "between 0 and 100");
        yield return Case("zero percentage offer", s => s.FriendOffer = new FriendOffer { Type = FriendOfferType.Percentage, Value = 0m }, "Referrals:Program:FriendOffer:Value", "between 0 and 100");
        yield return Case("non-monetary offer without description", s => s.FriendOffer = new FriendOffer { Type = FriendOfferType.NonMonetary, Description = " " }, "Referrals:Program:FriendOffer:Description", "free 30-minute consultation");
        yield return Case("unknown offer type", s => s.FriendOffer.Type = (FriendOfferType)9, "Referrals:Program:FriendOffer:Type", "FreeShipping");
        yield return Case("negative hold", s => s.HoldDays = -1, "Referrals:Program:HoldDays", "refund window");
        yield return Case("hold over a year", s => s.HoldDays = 366, "Referrals:Program:HoldDays", "0-365");
        yield return Case("zero attribution window", s => s.AttributionWindowDays = 0, "Referrals:Program:AttributionWindowDays", "1-365");
        yield return Case("attribution window over a year", s => s.AttributionWindowDays = 366, "Referrals:Program:AttributionWindowDays", "1-365");
        yield return Case("negative minimum order", s => s.MinimumOrderAmount = -0.01m, "Referrals:Program:MinimumOrderAmount", "Use 0 to accept any order");
        yield return Case("negative charity share", s => s.CharitySharePercent = -1m, "Referrals:Program:CharitySharePercent", "Use 0 to turn the charity share off");
        yield return Case("charity share above 100", s => { s.CharitySharePercent = 101m; s.Causes.Add(new Cause { Id = "red-cross", Name = "Red Cross" }); }, "Referrals:Program:CharitySharePercent", "between 0 and 100");
        yield return Case("cause id with spaces", s => s.Causes.Add(new Cause { Id = "red cross", Name = "Red Cross" }), "Referrals:Program:Causes:0:Id", "letters, digits or hyphens");
        yield return Case("cause id too long", s => s.Causes.Add(new Cause { Id = new string('a', 41), Name = "Long" }), "Referrals:Program:Causes:0:Id", "1-40");
        yield return Case("blank cause id", s => s.Causes.Add(new Cause { Id = "", Name = "Nameless" }), "Referrals:Program:Causes:0:Id", "for example red-cross");
        yield return Case("cause without name", s => s.Causes.Add(new Cause { Id = "red-cross", Name = " " }), "Referrals:Program:Causes:0:Name", "name advocates will see");
        yield return Case("zero review window", s => s.ReviewWindowHours = 0, "Referrals:Program:ReviewWindowHours", "1-2160");
        yield return Case("review window over 90 days", s => s.ReviewWindowHours = 2161, "Referrals:Program:ReviewWindowHours", "1-2160");
        yield return Case("unknown lapse policy", s => s.ReviewLapsePolicy = (ReviewLapsePolicy)9, "Referrals:Program:ReviewLapsePolicy", "ApproveOnLapse");
        yield return Case("zero velocity limit", s => s.VelocityLimit = 0, "Referrals:Program:VelocityLimit", "at least 1");
        yield return Case("zero velocity window", s => s.VelocityWindowHours = 0, "Referrals:Program:VelocityWindowHours", "at least 1 hour");
        yield return Case("negative monthly goal", s => s.MonthlyGoal = -1, "Referrals:Program:MonthlyGoal", "Use 0 for no goal");
    }

    [Test]
    public void Validate_FindsNoProblems_WhenSettingsAreDefaults() =>
        Assert.That(ProgramSettingsValidator.Validate(new ProgramSettings()), Is.Empty);

    [TestCaseSource(nameof(SingleFieldProblems))]
    public void Validate_ReportsTheFullKeyAndHowToFixIt_WhenOneFieldIsInvalid(Action<ProgramSettings> breakIt, string key, string fix)
    {
        var settings = new ProgramSettings();
        breakIt(settings);

        var problems = ProgramSettingsValidator.Validate(settings);

        Assert.That(problems, Has.Count.EqualTo(1), () => string.Join(Environment.NewLine, problems));
        Assert.That(problems[0].Key, Is.EqualTo(key));
        Assert.That(problems[0].Message, Does.Contain(fix).And.Length.GreaterThan(25));
    }

    [Test]
    public void Validate_UsesThePrefixForEveryKey_WhenReportingProblems()
    {
        var settings = new ProgramSettings { Currency = "x", Locale = "", HoldDays = -1, MonthlyGoal = -1 };

        var problems = ProgramSettingsValidator.Validate(settings);

        Assert.That(problems, Has.Count.EqualTo(4));
        Assert.That(problems.Select(p => p.Key), Is.All.StartsWith("Referrals:Program:"));
    }

    [TestCase(0, 3, RewardKind.StoreCredit)]
    [TestCase(5, 0, RewardKind.StoreCredit)]
    [TestCase(0, 0, RewardKind.Manual)]
    public void Validate_AcceptsTheAdvocateReward_WhenItIsAboveZeroOrManual(decimal fixedAmount, decimal percent, RewardKind kind)
    {
        var settings = new ProgramSettings { AdvocateReward = new RewardRule { FixedAmount = fixedAmount, PercentOfOrder = percent, Kind = kind } };

        Assert.That(ProgramSettingsValidator.Validate(settings), Is.Empty);
    }

    [TestCase(RewardKind.StoreCredit)]
    [TestCase(RewardKind.DiscountCode)]
    [TestCase(RewardKind.GiftCard)]
    [TestCase(RewardKind.Points)]
    [TestCase(RewardKind.Donation)]
    public void Validate_ReportsAZeroAdvocateReward_WhenItsKindIsNotManual(RewardKind kind)
    {
        var settings = new ProgramSettings { AdvocateReward = new RewardRule { FixedAmount = 0m, PercentOfOrder = 0m, Kind = kind } };

        var problems = ProgramSettingsValidator.Validate(settings);

        Assert.That(problems.Select(p => p.Key), Is.EqualTo(new[] { "Referrals:Program:AdvocateReward" }));
        Assert.That(problems[0].Message, Does.Contain("Kind Manual"));
    }

    [Test]
    public void Validate_AcceptsAZeroFriendReward_WhenTheProgramIsDoubleSided()
    {
        var settings = new ProgramSettings { FriendReward = new RewardRule { FixedAmount = 0m, PercentOfOrder = 0m } };

        Assert.That(ProgramSettingsValidator.Validate(settings), Is.Empty);
    }

    [Test]
    public void Validate_ReportsTheMissingCauses_WhenACharityShareIsSetWithoutCauses()
    {
        var problems = ProgramSettingsValidator.Validate(new ProgramSettings { CharitySharePercent = 10m });

        Assert.That(problems.Select(p => p.Key), Is.EqualTo(new[] { "Referrals:Program:Causes" }));
        Assert.That(problems[0].Message, Does.Contain("Add at least one cause").And.Contain("CharitySharePercent to 0"));
    }

    [Test]
    public void Validate_AcceptsTheCharityShare_WhenACauseIsListed()
    {
        var settings = new ProgramSettings { CharitySharePercent = 10m, Causes = [new Cause { Id = "red-cross", Name = "Red Cross" }] };

        Assert.That(ProgramSettingsValidator.Validate(settings), Is.Empty);
    }

    [Test]
    public void Validate_AcceptsCausesWithoutACharityShare_WhenTheShareIsZero()
    {
        var settings = new ProgramSettings { Causes = [new Cause { Id = "red-cross", Name = "Red Cross" }] };

        Assert.That(ProgramSettingsValidator.Validate(settings), Is.Empty);
    }

    [TestCase("red-cross")]
    [TestCase("Red-Cross")]
    public void Validate_ReportsTheSecondCause_WhenTwoCausesShareAnId(string secondId)
    {
        var settings = new ProgramSettings
        {
            CharitySharePercent = 10m,
            Causes =
            [
                new Cause { Id = "red-cross", Name = "Red Cross" },
                new Cause { Id = "unicef", Name = "UNICEF" },
                new Cause { Id = secondId, Name = "Red Cross again" },
            ],
        };

        var problems = ProgramSettingsValidator.Validate(settings);

        Assert.That(problems.Select(p => p.Key), Is.EqualTo(new[] { "Referrals:Program:Causes:2:Id" }));
        Assert.That(problems[0].Message, Does.Contain("used twice").And.Contain("its own id"));
    }

    [Test]
    public void Validate_ReportsTheMissingCauses_WhenTheCausesListIsNull()
    {
        // Settings are edited per tenant and may arrive from JSON as "causes": null; the validator reports null
        // AdvocateReward and FriendOffer as problems and must do the same here instead of throwing.
        var settings = new ProgramSettings { Causes = null! };

        IReadOnlyList<SettingsProblem>? problems = null;
        Assert.That(() => problems = ProgramSettingsValidator.Validate(settings), Throws.Nothing);
        Assert.That(problems!.Select(p => p.Key), Does.Contain("Referrals:Program:Causes"));
    }

    [Test]
    public void Validate_AcceptsANonMonetaryOffer_WhenItIsDescribed()
    {
        var settings = new ProgramSettings { FriendOffer = new FriendOffer { Type = FriendOfferType.NonMonetary, Value = 0m, Description = "A free first session" } };

        Assert.That(ProgramSettingsValidator.Validate(settings), Is.Empty);
    }

    [Test]
    public void Validate_AcceptsFreeShipping_WhenTheOfferHasNoValue()
    {
        var settings = new ProgramSettings { FriendOffer = new FriendOffer { Type = FriendOfferType.FreeShipping, Value = 0m } };

        Assert.That(ProgramSettingsValidator.Validate(settings), Is.Empty);
    }

    [TestCase(0, 1, 1, 0)]
    [TestCase(365, 365, 2160, 100)]
    public void Validate_AcceptsTheBoundaries_WhenValuesAreAtTheEdgesOfTheirRanges(int holdDays, int attributionWindowDays, int reviewWindowHours, decimal charityShare)
    {
        var settings = new ProgramSettings
        {
            HoldDays = holdDays,
            AttributionWindowDays = attributionWindowDays,
            ReviewWindowHours = reviewWindowHours,
            CharitySharePercent = charityShare,
            Causes = [new Cause { Id = "red-cross", Name = "Red Cross" }],
            AdvocateReward = new RewardRule { PercentOfOrder = 100m },
            VelocityLimit = 1,
            VelocityWindowHours = 1,
        };

        Assert.That(ProgramSettingsValidator.Validate(settings), Is.Empty);
    }

    [Test]
    public void Validate_ReportsEveryProblem_WhenSeveralFieldsAreInvalid()
    {
        var settings = new ProgramSettings
        {
            Currency = "euro",
            HoldDays = 400,
            CharitySharePercent = 25m,
            FriendOffer = new FriendOffer { Type = FriendOfferType.NonMonetary },
            VelocityLimit = 0,
        };

        var problems = ProgramSettingsValidator.Validate(settings);

        Assert.That(problems.Select(p => p.Key), Is.EquivalentTo(new[]
        {
            "Referrals:Program:Currency",
            "Referrals:Program:HoldDays",
            "Referrals:Program:Causes",
            "Referrals:Program:FriendOffer:Description",
            "Referrals:Program:VelocityLimit",
        }));
    }

    [Test]
    public void Validate_Throws_WhenTheSettingsAreNull() =>
        Assert.That(() => ProgramSettingsValidator.Validate(null!), Throws.ArgumentNullException);

    [Test]
    public void ThrowIfInvalid_DoesNotThrow_WhenSettingsAreValid() =>
        Assert.That(() => ProgramSettingsValidator.ThrowIfInvalid(new ProgramSettings()), Throws.Nothing);

    [Test]
    public void ThrowIfInvalid_ThrowsListingEveryProblem_WhenSettingsAreInvalid()
    {
        var settings = new ProgramSettings { Currency = "kr", MonthlyGoal = -3 };

        var exception = Assert.Throws<InvalidProgramSettingsException>(() => ProgramSettingsValidator.ThrowIfInvalid(settings));

        Assert.That(exception.Problems, Is.EqualTo(ProgramSettingsValidator.Validate(settings)));
        Assert.That(exception.Problems, Has.Count.EqualTo(2));
        Assert.That(exception.Message, Does.Contain("Referrals:Program:Currency: 'kr' is not an ISO 4217 currency code")
            .And.Contain("Referrals:Program:MonthlyGoal: The monthly goal is negative"));
    }

    [Test]
    public void SettingsProblem_ReadsAsKeyThenMessage_WhenPrinted() =>
        Assert.That(new SettingsProblem("Referrals:Program:HoldDays", "Too long.").ToString(), Is.EqualTo("Referrals:Program:HoldDays: Too long."));
}
