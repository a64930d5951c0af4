using Referrals.Core.Analytics;
using Referrals.Core.Rewards;
using Referrals.Core.Satisfaction;

namespace Referrals.Core.Tests.Analytics;

/// <summary>Rates, NPS from counts, the K-factor and the net reward cost.</summary>
public sealed class AnalyticsMathTests
{
    [Test]
    public void Ratio_IsNull_WhenTheWholeIsZero()
    {
        Assert.That((Ratio.Of(1, 4), Ratio.Of(3, 0), Ratio.Of(1m, 0m)), Is.EqualTo(((decimal?)0.25m, (decimal?)null, (decimal?)null)));
    }

    [Test]
    public void FunnelRates_DivideEachStepByItsPredecessor()
    {
        var rates = new FunnelCounts(AsksScheduled: 10, AsksSent: 8, AsksAnswered: 4, Promoters: 1, Referrals: 20, Visits: 10, Conversions: 5).Rates;

        Assert.That(rates, Is.EqualTo(new FunnelRates(0.8m, 0.5m, 0.25m, 0.5m, 0.25m, 0.5m)));
    }

    [TestCase(2, 1, 1, 25)]
    [TestCase(0, 0, 3, -100)]
    [TestCase(1, 0, 0, 100)]
    [TestCase(1, 6, 0, 14)] // 100 / 7 = 14.29
    [TestCase(1, 0, 7, -75)] // −600 / 8 = −75
    public void NpsCounts_MatchesTheScoreOfTheSameAnswers(int promoters, int passives, int detractors, int expected)
    {
        var scores = Enumerable.Repeat(10, promoters).Concat(Enumerable.Repeat(8, passives)).Concat(Enumerable.Repeat(2, detractors));

        var fromCounts = NpsCounts.Compute(promoters, passives, detractors);

        Assert.That(fromCounts!.Score, Is.EqualTo(expected));
        Assert.That(fromCounts, Is.EqualTo(NetPromoterScore.Compute(scores)));
    }

    [Test]
    public void NpsCounts_IsNull_WithoutAnswers_AndRefusesNegativeCounts()
    {
        Assert.That(NpsCounts.Compute(0, 0, 0), Is.Null);
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsCounts.Compute(-1, 0, 0));
    }

    [Test]
    public void KFactor_IsInvitationsPerAdvocateTimesConversionRate()
    {
        // 10 advocates invite 40 friends (i = 4) and 6 convert (c = 0.15): K = 0.6.
        var viral = new ViralCoefficient(Advocates: 10, Invitations: 40, Converted: 6);

        Assert.That((viral.InvitationsPerAdvocate, viral.ConversionRate, viral.KFactor), Is.EqualTo(((decimal?)4m, (decimal?)0.15m, (decimal?)0.6m)));
        Assert.That(new ViralCoefficient(0, 0, 0).KFactor, Is.Null);
    }

    [Test]
    public void NetCost_LeavesOutVoidedRewardsAndOutstandingClawBacks_AndOtherCurrencies()
    {
        var cost = new RewardCost(
        [
            new RewardCostLine("EUR", LedgerEntryType.Reward, LedgerEntryState.Issued, 3, 30m),
            new RewardCostLine("EUR", LedgerEntryType.Reward, LedgerEntryState.Voided, 1, 10m),
            new RewardCostLine("EUR", LedgerEntryType.ClawBack, LedgerEntryState.Outstanding, 1, -4m),
            new RewardCostLine("EUR", LedgerEntryType.ClawBack, LedgerEntryState.Issued, 1, -5m),
            new RewardCostLine("EUR", LedgerEntryType.DebtOffset, LedgerEntryState.Settled, 1, -2m),
            new RewardCostLine("USD", LedgerEntryType.Reward, LedgerEntryState.Pending, 1, 7m),
        ]);

        // 30 − 5 − 2 = 23.
        Assert.That(cost.NetCost("eur"), Is.EqualTo(23m));
        Assert.That(cost.NetCost("GBP"), Is.Zero);
    }

    [Test]
    public void RevenueFigures_ShareIsReferralNetOverNet()
    {
        var figures = new RevenueFigures("EUR", 4, 400m, 100m, 1, 90m, 15m);

        Assert.That((figures.Net, figures.ReferralNet, figures.ReferralShare), Is.EqualTo((300m, 75m, (decimal?)0.25m)));
        Assert.That((figures with { Refunded = 400m }).ReferralShare, Is.Null);
    }
}
