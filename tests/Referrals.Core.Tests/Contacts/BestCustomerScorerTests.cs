using Referrals.Core.Contacts;

namespace Referrals.Core.Tests.Contacts;

public sealed class BestCustomerScorerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly BestCustomerScoringOptions Defaults = new();

    [Test]
    public void Options_Defaults_AreTheDocumentedConstants()
    {
        var options = new BestCustomerScoringOptions();

        Assert.That(options.RecencyWeight, Is.EqualTo(BestCustomerScoringOptions.DefaultRecencyWeight).And.EqualTo(30));
        Assert.That(options.FrequencyWeight, Is.EqualTo(BestCustomerScoringOptions.DefaultFrequencyWeight).And.EqualTo(20));
        Assert.That(options.MonetaryWeight, Is.EqualTo(BestCustomerScoringOptions.DefaultMonetaryWeight).And.EqualTo(20));
        Assert.That(options.SatisfactionWeight, Is.EqualTo(BestCustomerScoringOptions.DefaultSatisfactionWeight).And.EqualTo(15));
        Assert.That(options.AdvocacyWeight, Is.EqualTo(BestCustomerScoringOptions.DefaultAdvocacyWeight).And.EqualTo(15));
        Assert.That(options.RecencyHalfLifeDays, Is.EqualTo(BestCustomerScoringOptions.DefaultRecencyHalfLifeDays).And.EqualTo(90));
        Assert.That(options.FrequencyTarget, Is.EqualTo(BestCustomerScoringOptions.DefaultFrequencyTarget).And.EqualTo(5));
        Assert.That(options.MonetaryTarget, Is.EqualTo(BestCustomerScoringOptions.DefaultMonetaryTarget).And.EqualTo(1000m));
        Assert.That(options.AdvocacyTarget, Is.EqualTo(BestCustomerScoringOptions.DefaultAdvocacyTarget).And.EqualTo(3));
        Assert.That(new BestCustomerScoringOptionsValidator().Validate(null, options).Succeeded, Is.True);
    }

    [Test]
    public void Score_IsFullMarks_WhenEveryPartIsMaxedOut()
    {
        var stats = new OrderStats(5, new Money(1000m, "EUR"), Now.AddYears(-1), Now);

        var result = BestCustomerScorer.Score(stats, 10, 3, Now, Defaults);

        Assert.That(result, Is.EqualTo(new BestCustomerScoreResult(100, 100, 100, 100, 100, 100)));
    }

    [Test]
    public void Score_OnlyCountsNeutralSatisfaction_WhenContactHasNothing()
    {
        var result = BestCustomerScorer.Score(OrderStats.None, null, 0, Now, Defaults);

        Assert.That(result.Recency, Is.Zero);
        Assert.That(result.Frequency, Is.Zero);
        Assert.That(result.Monetary, Is.Zero);
        Assert.That(result.Advocacy, Is.Zero);
        Assert.That(result.Satisfaction, Is.EqualTo(50));
        Assert.That(result.Total, Is.EqualTo(8)); // 15 × 50 / 100 = 7.5, rounded half away from zero.
    }

    [Test]
    public void Score_CombinesPartsByWeight()
    {
        // Last order one half-life ago (50), 2 of 5 orders (40), 250 of 1000 spent (25), a passive 8 (60), 1 of 3 referrals.
        var stats = new OrderStats(2, new Money(250m, "EUR"), Now.AddDays(-200), Now.AddDays(-90));

        var result = BestCustomerScorer.Score(stats, 8, 1, Now, Defaults);

        Assert.That(result.Recency, Is.EqualTo(50).Within(1e-9));
        Assert.That(result.Frequency, Is.EqualTo(40).Within(1e-9));
        Assert.That(result.Monetary, Is.EqualTo(25).Within(1e-9));
        Assert.That(result.Satisfaction, Is.EqualTo(60));
        Assert.That(result.Advocacy, Is.EqualTo(100.0 / 3).Within(1e-9));
        // (30×50 + 20×40 + 20×25 + 15×60 + 15×33.33) / 100 = (1500 + 800 + 500 + 900 + 500) / 100 = 42
        Assert.That(result.Total, Is.EqualTo(42));
    }

    [Test]
    public void Score_HalvesRecencyPerHalfLife()
    {
        var options = new BestCustomerScoringOptions { RecencyHalfLifeDays = 30 };
        var stats = new OrderStats(1, new Money(1m, "EUR"), Now.AddDays(-60), Now.AddDays(-60));

        Assert.That(BestCustomerScorer.Score(stats, null, 0, Now, options).Recency, Is.EqualTo(25).Within(1e-9));
    }

    [Test]
    public void Score_TreatsAFutureOrderAsToday()
    {
        var stats = new OrderStats(1, new Money(1m, "EUR"), Now.AddHours(2), Now.AddHours(2));

        Assert.That(BestCustomerScorer.Score(stats, null, 0, Now, Defaults).Recency, Is.EqualTo(100));
    }

    [Test]
    public void Score_GivesNoRecency_WhenLastOrderDateIsUnknown()
    {
        var imported = new OrderStats(3, new Money(300m, "EUR"), null, null);

        Assert.That(BestCustomerScorer.Score(imported, null, 0, Now, Defaults).Recency, Is.Zero);
    }

    [Test]
    public void Score_IgnoresAPart_WhenItsWeightIsZero()
    {
        var options = new BestCustomerScoringOptions
        {
            RecencyWeight = 0, FrequencyWeight = 0, MonetaryWeight = 0, SatisfactionWeight = 0, AdvocacyWeight = 1,
        };

        Assert.That(BestCustomerScorer.Score(OrderStats.None, 10, 3, Now, options).Total, Is.EqualTo(100));
        Assert.That(BestCustomerScorer.Score(OrderStats.None, 10, 0, Now, options).Total, Is.Zero);
    }

    [TestCase(0, 0.0)]
    [TestCase(6, 30.0)]
    [TestCase(7, 50.0)]
    [TestCase(8, 60.0)]
    [TestCase(9, 90.0)]
    [TestCase(10, 100.0)]
    [TestCase(null, 50.0)]
    public void SatisfactionPoints_FollowTheDocumentedTable(int? score, double expected) =>
        Assert.That(BestCustomerScorer.SatisfactionPoints(score), Is.EqualTo(expected));

    [Test]
    public void SatisfactionPoints_JumpMost_WhenContactBecomesAPromoter()
    {
        var steps = Enumerable.Range(0, 10)
            .Select(s => BestCustomerScorer.SatisfactionPoints(s + 1) - BestCustomerScorer.SatisfactionPoints(s))
            .ToList();

        Assert.That(steps.IndexOf(steps.Max()), Is.EqualTo(8), "the 8 → 9 step is the largest");
    }

    [Test]
    public void SatisfactionPoints_RateUnknownAboveDetractorsAndLikeTheLowestPassive()
    {
        Assert.That(BestCustomerScorer.SatisfactionPoints(null), Is.GreaterThan(BestCustomerScorer.SatisfactionPoints(6)));
        Assert.That(BestCustomerScorer.SatisfactionPoints(null), Is.EqualTo(BestCustomerScorer.SatisfactionPoints(7)));
    }

    [Test]
    public void Score_NeverDrops_WhenLastOrderIsMoreRecent()
    {
        foreach (var (orders, satisfaction, referrals) in Profiles())
        {
            var previous = -1;
            for (var daysAgo = 1000; daysAgo >= 0; daysAgo -= 7)
            {
                var stats = new OrderStats(orders, new Money(100m * orders, "EUR"), Now.AddDays(-2000), Now.AddDays(-daysAgo));
                var total = BestCustomerScorer.Score(stats, satisfaction, referrals, Now, Defaults).Total;
                Assert.That(total, Is.GreaterThanOrEqualTo(previous), $"{daysAgo} days ago, {orders} orders");
                previous = total;
            }
        }
    }

    [Test]
    public void Score_NeverDrops_WhenThereAreMoreOrders()
    {
        foreach (var (_, satisfaction, referrals) in Profiles())
        {
            var previous = -1;
            for (var orders = 1; orders <= 20; orders++)
            {
                var stats = new OrderStats(orders, new Money(50m, "EUR"), Now.AddDays(-300), Now.AddDays(-30));
                var total = BestCustomerScorer.Score(stats, satisfaction, referrals, Now, Defaults).Total;
                Assert.That(total, Is.GreaterThanOrEqualTo(previous), $"{orders} orders");
                previous = total;
            }
        }
    }

    [Test]
    public void Score_NeverDrops_WhenMoreIsSpent()
    {
        foreach (var (orders, satisfaction, referrals) in Profiles())
        {
            var previous = -1;
            for (var spent = 0m; spent <= 3000m; spent += 37.5m)
            {
                var stats = new OrderStats(orders, new Money(spent, "EUR"), Now.AddDays(-300), Now.AddDays(-30));
                var total = BestCustomerScorer.Score(stats, satisfaction, referrals, Now, Defaults).Total;
                Assert.That(total, Is.GreaterThanOrEqualTo(previous), $"{spent} spent");
                previous = total;
            }
        }
    }

    [Test]
    public void Score_NeverDrops_WhenSatisfactionOrReferralsAreHigher()
    {
        foreach (var (orders, _, _) in Profiles())
        {
            var stats = new OrderStats(orders, new Money(80m * orders, "EUR"), Now.AddDays(-400), Now.AddDays(-40));
            var previous = -1;
            for (var score = 0; score <= 10; score++)
            {
                var total = BestCustomerScorer.Score(stats, score, 1, Now, Defaults).Total;
                Assert.That(total, Is.GreaterThanOrEqualTo(previous), $"satisfaction {score}");
                previous = total;
            }

            previous = -1;
            for (var referrals = 0; referrals <= 10; referrals++)
            {
                var total = BestCustomerScorer.Score(stats, 9, referrals, Now, Defaults).Total;
                Assert.That(total, Is.GreaterThanOrEqualTo(previous), $"{referrals} referrals");
                previous = total;
            }
        }
    }

    [Test]
    public void Score_StaysWithinZeroToHundred()
    {
        foreach (var (orders, satisfaction, referrals) in Profiles())
        {
            var stats = new OrderStats(orders, new Money(1_000_000m, "EUR"), Now.AddDays(-1), Now);
            var result = BestCustomerScorer.Score(stats, satisfaction, referrals * 100, Now, Defaults);
            Assert.That(result.Total, Is.InRange(0, 100));
        }
    }

    [TestCase(-1)]
    [TestCase(11)]
    public void Score_Throws_WhenSatisfactionIsOutOfRange(int score) =>
        Assert.That(
            () => BestCustomerScorer.Score(OrderStats.None, score, 0, Now, Defaults),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("lastSatisfactionScore"));

    [Test]
    public void Score_Throws_WhenReferralsAreNegative() =>
        Assert.That(
            () => BestCustomerScorer.Score(OrderStats.None, null, -1, Now, Defaults),
            Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void Score_Throws_WhenArgumentsAreNull()
    {
        Assert.That(() => BestCustomerScorer.Score(null!, null, 0, Now, Defaults), Throws.ArgumentNullException);
        Assert.That(() => BestCustomerScorer.Score(OrderStats.None, null, 0, Now, null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Score_ThrowsNamingTheKey_WhenOptionsAreInvalid() =>
        Assert.That(
            () => BestCustomerScorer.Score(OrderStats.None, null, 0, Now, new BestCustomerScoringOptions { RecencyHalfLifeDays = 0 }),
            Throws.ArgumentException.With.Message.Contains("Referrals:BestCustomer:RecencyHalfLifeDays"));

    [Test]
    public void Validate_Fails_WhenAllWeightsAreZeroOrAWeightIsNegativeOrNaN()
    {
        var validator = new BestCustomerScoringOptionsValidator();
        var allZero = new BestCustomerScoringOptions
        {
            RecencyWeight = 0, FrequencyWeight = 0, MonetaryWeight = 0, SatisfactionWeight = 0, AdvocacyWeight = 0,
        };

        Assert.That(validator.Validate(null, allZero).FailureMessage, Does.Contain("weights are 0"));
        Assert.That(validator.Validate(null, new BestCustomerScoringOptions { MonetaryWeight = -1 }).FailureMessage, Does.Contain(":MonetaryWeight"));
        Assert.That(validator.Validate(null, new BestCustomerScoringOptions { AdvocacyWeight = double.NaN }).FailureMessage, Does.Contain(":AdvocacyWeight"));
    }

    [Test]
    public void Validate_Fails_WhenATargetIsNotPositive()
    {
        var validator = new BestCustomerScoringOptionsValidator();

        Assert.That(validator.Validate(null, new BestCustomerScoringOptions { FrequencyTarget = 0 }).FailureMessage, Does.Contain(":FrequencyTarget"));
        Assert.That(validator.Validate(null, new BestCustomerScoringOptions { MonetaryTarget = 0m }).FailureMessage, Does.Contain(":MonetaryTarget"));
        Assert.That(validator.Validate(null, new BestCustomerScoringOptions { AdvocacyTarget = 0 }).FailureMessage, Does.Contain(":AdvocacyTarget"));
    }

    // A handful of contacts to run the monotonicity loops from.
    private static IEnumerable<(int Orders, int? Satisfaction, int Referrals)> Profiles() =>
    [
        (1, null, 0),
        (2, 3, 0),
        (4, 7, 1),
        (8, 9, 2),
        (15, 10, 5),
    ];
}
