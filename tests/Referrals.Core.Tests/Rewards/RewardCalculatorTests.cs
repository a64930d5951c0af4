using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Rewards;

public sealed class RewardCalculatorTests
{
    private static Money Eur(decimal amount) => new(amount, "EUR");

    private static ProgramSettings CharityProgram(decimal fixedAmount, decimal charitySharePercent) => new()
    {
        AdvocateReward = new RewardRule { FixedAmount = fixedAmount },
        CharitySharePercent = charitySharePercent,
        Causes =
        [
            new Cause { Id = "red-cross", Name = "Red Cross" },
            new Cause { Id = "unicef", Name = "UNICEF" },
        ],
    };

    [Test]
    public void AmountFor_GivesTheFixedAmount_WhenTheRuleHasNoPercentage()
    {
        var rule = new RewardRule { FixedAmount = 10m };

        Assert.That(RewardCalculator.AmountFor(rule, Eur(250m)), Is.EqualTo(Eur(10m)));
    }

    [Test]
    public void AmountFor_GivesThePercentageOfTheOrder_WhenTheRuleHasNoFixedAmount()
    {
        var rule = new RewardRule { FixedAmount = 0m, PercentOfOrder = 5m };

        Assert.That(RewardCalculator.AmountFor(rule, Eur(250m)), Is.EqualTo(Eur(12.50m)));
    }

    [TestCase(100, 10)]
    [TestCase(300, 15)]
    public void AmountFor_GivesTheLargerOfFixedAndPercentage_WhenTheRuleHasBoth(decimal orderTotal, decimal expected)
    {
        var rule = new RewardRule { FixedAmount = 10m, PercentOfOrder = 5m };

        Assert.That(RewardCalculator.AmountFor(rule, Eur(orderTotal)), Is.EqualTo(Eur(expected)));
    }

    [Test]
    public void AmountFor_StopsAtTheCap_WhenThePercentageWouldExceedIt()
    {
        var rule = new RewardRule { FixedAmount = 10m, PercentOfOrder = 10m, MaximumAmount = 25m };

        Assert.That(RewardCalculator.AmountFor(rule, Eur(1000m)), Is.EqualTo(Eur(25m)));
    }

    [Test]
    public void AmountFor_CapsTheFixedAmountToo_WhenTheCapIsBelowIt()
    {
        var rule = new RewardRule { FixedAmount = 10m, MaximumAmount = 7.5m };

        Assert.That(RewardCalculator.AmountFor(rule, Eur(20m)), Is.EqualTo(Eur(7.5m)));
    }

    [TestCase(10.10, "EUR", 0.51)]
    [TestCase(10.05, "EUR", 0.50)]
    [TestCase(1250, "JPY", 63)]
    [TestCase(1234, "JPY", 62)]
    [TestCase(10.01, "KWD", 0.501)]
    public void AmountFor_RoundsHalfAwayFromZeroToMinorUnits_WhenThePercentageHasMoreDecimals(decimal orderTotal, string currency, decimal expected)
    {
        var rule = new RewardRule { FixedAmount = 0m, PercentOfOrder = 5m };

        Assert.That(RewardCalculator.AmountFor(rule, new Money(orderTotal, currency)), Is.EqualTo(new Money(expected, currency)));
    }

    [Test]
    public void AmountFor_KeepsTheOrdersCurrency_WhenTheOrderIsNotInEuro()
    {
        var rule = new RewardRule { FixedAmount = 50m };

        Assert.That(RewardCalculator.AmountFor(rule, new Money(400m, "DKK")).Currency, Is.EqualTo("DKK"));
    }

    [Test]
    public void AmountFor_IsZero_WhenTheOrderTotalIsNegativeAndTheRuleIsAPercentage()
    {
        var rule = new RewardRule { FixedAmount = 0m, PercentOfOrder = 10m };

        Assert.That(RewardCalculator.AmountFor(rule, Eur(-50m)), Is.EqualTo(Eur(0m)));
    }

    [Test]
    public void AmountFor_IsZeroNotNegative_WhenTheCapIsNegative()
    {
        var rule = new RewardRule { FixedAmount = 10m, MaximumAmount = -5m };

        Assert.That(RewardCalculator.AmountFor(rule, Eur(100m)), Is.EqualTo(Eur(0m)));
    }

    [Test]
    public void AmountFor_Throws_WhenTheRuleIsNull() =>
        Assert.That(() => RewardCalculator.AmountFor(null!, Eur(10m)), Throws.ArgumentNullException);

    [Test]
    public void Plan_RewardsOnlyTheAdvocate_WhenTheProgramIsSingleSidedWithoutCharity()
    {
        var plan = RewardCalculator.Plan(new ProgramSettings(), Eur(80m), advocateCauseId: null);

        Assert.That(plan, Is.EqualTo(new[] { new PlannedReward(Beneficiary.Advocate, null, RewardKind.StoreCredit, Eur(10m)) }));
    }

    [Test]
    public void Plan_UsesTheAdvocateRulesKind_WhenItIsNotStoreCredit()
    {
        var settings = new ProgramSettings { AdvocateReward = new RewardRule { Kind = RewardKind.GiftCard, FixedAmount = 15m } };

        var plan = RewardCalculator.Plan(settings, Eur(80m), advocateCauseId: null);

        Assert.That(plan.Single().Kind, Is.EqualTo(RewardKind.GiftCard));
    }

    [Test]
    public void Plan_SplitsTheCharityShareSoThePartsAddUp_WhenAThirdGoesToACause()
    {
        var plan = RewardCalculator.Plan(CharityProgram(10m, 33m), Eur(80m), advocateCauseId: null);

        Assert.That(plan, Is.EqualTo(new[]
        {
            new PlannedReward(Beneficiary.Advocate, null, RewardKind.StoreCredit, Eur(6.70m)),
            new PlannedReward(Beneficiary.Cause, "red-cross", RewardKind.Donation, Eur(3.30m)),
        }));
    }

    [TestCase(10.00, 33, "EUR")]
    [TestCase(9.99, 50, "EUR")]
    [TestCase(10.01, 33.33, "EUR")]
    [TestCase(0.05, 50, "EUR")]
    [TestCase(7.77, 12.5, "EUR")]
    [TestCase(1000, 33, "JPY")]
    [TestCase(999, 50, "JPY")]
    [TestCase(1.001, 50, "KWD")]
    public void Plan_PartsAddUpExactlyToTheAdvocateReward_WhenACharityShareIsSet(decimal reward, decimal sharePercent, string currency)
    {
        var settings = CharityProgram(reward, sharePercent);
        settings.Currency = currency;
        var orderTotal = new Money(5000m, currency);

        var plan = RewardCalculator.Plan(settings, orderTotal, advocateCauseId: null);

        var total = RewardCalculator.AmountFor(settings.AdvocateReward, orderTotal);
        Assert.That(plan.Sum(p => p.Amount.Amount), Is.EqualTo(total.Amount));
        Assert.That(plan.Select(p => p.Amount), Is.All.Matches<Money>(m => m == m.Rounded()), "every part is in whole minor units");
    }

    [Test]
    public void Plan_RoundsTheCausesShareHalfAwayFromZero_WhenTheShareFallsOnAHalfCent()
    {
        var plan = RewardCalculator.Plan(CharityProgram(9.99m, 50m), Eur(80m), advocateCauseId: null);

        Assert.That(plan.Single(p => p.Beneficiary == Beneficiary.Cause).Amount, Is.EqualTo(Eur(5.00m)));
        Assert.That(plan.Single(p => p.Beneficiary == Beneficiary.Advocate).Amount, Is.EqualTo(Eur(4.99m)));
    }

    [Test]
    public void Plan_SplitsInWholeYen_WhenTheProgramIsInJpy()
    {
        var settings = CharityProgram(1000m, 33m);
        settings.Currency = "JPY";

        var plan = RewardCalculator.Plan(settings, new Money(8000m, "JPY"), advocateCauseId: null);

        Assert.That(plan.Select(p => p.Amount), Is.EqualTo(new[] { new Money(670m, "JPY"), new Money(330m, "JPY") }));
    }

    [TestCase("unicef", "unicef")]
    [TestCase("UNICEF", "unicef")]
    [TestCase("red-cross", "red-cross")]
    public void Plan_GivesTheShareToTheAdvocatesCause_WhenTheAdvocatePickedOne(string picked, string expected)
    {
        var plan = RewardCalculator.Plan(CharityProgram(10m, 20m), Eur(80m), picked);

        Assert.That(plan.Single(p => p.Beneficiary == Beneficiary.Cause).CauseId, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("no-longer-offered")]
    public void Plan_GivesTheShareToTheFirstCause_WhenTheAdvocatePickedNoneOrAnUnknownOne(string? picked)
    {
        var plan = RewardCalculator.Plan(CharityProgram(10m, 20m), Eur(80m), picked);

        Assert.That(plan.Single(p => p.Beneficiary == Beneficiary.Cause).CauseId, Is.EqualTo("red-cross"));
    }

    [Test]
    public void Plan_AddsTheFriendsReward_WhenTheProgramIsDoubleSided()
    {
        var settings = new ProgramSettings { FriendReward = new RewardRule { Kind = RewardKind.DiscountCode, FixedAmount = 5m } };

        var plan = RewardCalculator.Plan(settings, Eur(80m), advocateCauseId: null);

        Assert.That(plan, Is.EqualTo(new[]
        {
            new PlannedReward(Beneficiary.Advocate, null, RewardKind.StoreCredit, Eur(10m)),
            new PlannedReward(Beneficiary.Friend, null, RewardKind.DiscountCode, Eur(5m)),
        }));
    }

    [Test]
    public void Plan_DoesNotTakeTheCharityShareFromTheFriend_WhenDoubleSidedWithACharityShare()
    {
        var settings = CharityProgram(10m, 50m);
        settings.FriendReward = new RewardRule { FixedAmount = 8m };

        var plan = RewardCalculator.Plan(settings, Eur(80m), advocateCauseId: null);

        Assert.That(plan.Single(p => p.Beneficiary == Beneficiary.Friend).Amount, Is.EqualTo(Eur(8m)));
        Assert.That(plan.Where(p => p.Beneficiary != Beneficiary.Friend).Sum(p => p.Amount.Amount), Is.EqualTo(10m));
    }

    [TestCase(24.99)]
    [TestCase(0.01)]
    public void Plan_IsEmpty_WhenTheOrderIsBelowTheMinimum(decimal orderTotal)
    {
        var settings = new ProgramSettings { MinimumOrderAmount = 25m, FriendReward = new RewardRule() };

        Assert.That(RewardCalculator.Plan(settings, Eur(orderTotal), advocateCauseId: null), Is.Empty);
    }

    [Test]
    public void Plan_RewardsTheOrder_WhenItIsExactlyTheMinimum()
    {
        var settings = new ProgramSettings { MinimumOrderAmount = 25m };

        Assert.That(RewardCalculator.Plan(settings, Eur(25m), advocateCauseId: null), Has.Count.EqualTo(1));
    }

    [TestCase(0)]
    [TestCase(-10)]
    public void Plan_IsEmpty_WhenTheOrderTotalIsNotPositive(decimal orderTotal) =>
        Assert.That(RewardCalculator.Plan(new ProgramSettings(), Eur(orderTotal), advocateCauseId: null), Is.Empty);

    [Test]
    public void Plan_LeavesTheAdvocateOut_WhenTheWholeRewardGoesToTheCause()
    {
        var plan = RewardCalculator.Plan(CharityProgram(10m, 100m), Eur(80m), advocateCauseId: null);

        Assert.That(plan, Is.EqualTo(new[] { new PlannedReward(Beneficiary.Cause, "red-cross", RewardKind.Donation, Eur(10m)) }));
    }

    [Test]
    public void Plan_LeavesTheCauseOut_WhenItsShareRoundsToZero()
    {
        var plan = RewardCalculator.Plan(CharityProgram(0.01m, 10m), Eur(80m), advocateCauseId: null);

        Assert.That(plan, Is.EqualTo(new[] { new PlannedReward(Beneficiary.Advocate, null, RewardKind.StoreCredit, Eur(0.01m)) }));
    }

    [Test]
    public void Plan_LeavesTheFriendOut_WhenTheFriendsRuleGivesNothing()
    {
        var settings = new ProgramSettings { FriendReward = new RewardRule { FixedAmount = 0m } };

        var plan = RewardCalculator.Plan(settings, Eur(80m), advocateCauseId: null);

        Assert.That(plan.Select(p => p.Beneficiary), Is.EqualTo(new[] { Beneficiary.Advocate }));
    }

    [Test]
    public void Plan_IsEmpty_WhenTheAdvocateRewardIsAZeroManualThankYou()
    {
        var settings = new ProgramSettings { AdvocateReward = new RewardRule { Kind = RewardKind.Manual, FixedAmount = 0m } };

        Assert.That(RewardCalculator.Plan(settings, Eur(80m), advocateCauseId: null), Is.Empty);
    }

    [Test]
    public void Plan_Throws_WhenTheSettingsAreNull() =>
        Assert.That(() => RewardCalculator.Plan(null!, Eur(80m), advocateCauseId: null), Throws.ArgumentNullException);
}
