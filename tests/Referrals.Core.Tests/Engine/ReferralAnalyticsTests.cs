using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Analytics;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// The analytics figures of <see cref="AnalyticsDataset"/>, worked out by hand (the arithmetic is in the comments),
/// for a tenant whose twin tenant holds the same rows (so every figure also shows the tenant filter).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class ReferralAnalyticsTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private AnalyticsDataset _data = null!;

    public ReferralAnalyticsTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync(configure: s => s.MonthlyGoal = 13);
        var twin = await _engine.CreateTenantAsync("twin.myshopify.com");
        _data = new AnalyticsDataset();
        await _engine.RunAsync((db, _) => _data.InsertAsync(db, _tenant.Id));
        await _engine.RunAsync((db, _) => new AnalyticsDataset().InsertAsync(db, twin.Id));
        // Half of November has passed: 15 of 30 days.
        _engine.Clock.SetUtcNow(AnalyticsDataset.To);
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private Task<AnalyticsOverview> OverviewAsync(AnalyticsPeriod? period = null, int top = 2, Tenant? tenant = null) =>
        _engine.RunAsync((db, sp) => sp.GetRequiredService<ReferralAnalytics>().OverviewAsync(
            db, tenant ?? _tenant, period ?? new AnalyticsPeriod(AnalyticsDataset.From, AnalyticsDataset.To), top, CancellationToken.None));

    [Test]
    public async Task Funnel_CountsEachStepByItsOwnTime_ByWeekAndInTotal()
    {
        var overview = await OverviewAsync();

        // Week 1 (2-9 Nov): asks planned A2, A3; sent A1, A2; answered A1 (10); referrals R1, R2, R3, R10;
        //   visits R1, R3; conversions R1, R10.
        // Week 2 (9-16 Nov): planned A4, A5, A6; sent A3, A4; answered A2 (9), A3 (7), A4 (3); referrals R4, R5, R6,
        //   R8, R9; visits R2; conversions R2, R4, R7 (R5 is under review, R6 rejected, R8 converts at the end: outside).
        Assert.That(overview.Weeks.Select(w => w.WeekStart), Is.EqualTo(new[] { AnalyticsDataset.Day(2), AnalyticsDataset.Day(9) }));
        Assert.That(overview.Weeks[0].Counts, Is.EqualTo(new FunnelCounts(2, 2, 1, 1, 4, 2, 2)));
        Assert.That(overview.Weeks[1].Counts, Is.EqualTo(new FunnelCounts(3, 2, 3, 1, 5, 1, 3)));
        Assert.That(overview.Funnel, Is.EqualTo(new FunnelCounts(5, 4, 4, 2, 9, 3, 5)));
    }

    [Test]
    public async Task Funnel_Rates_DivideEachStepByTheOneBefore()
    {
        var rates = (await OverviewAsync()).Funnel.Rates;

        // sent 4 / planned 5; answered 4 / sent 4; promoters 2 / answered 4; visits 3 / referrals 9;
        // conversions 5 / referrals 9; conversions 5 / visits 3.
        Assert.That(rates, Is.EqualTo(new FunnelRates(4m / 5, 4m / 4, 2m / 4, 3m / 9, 5m / 9, 5m / 3)));
    }

    [Test]
    public async Task Nps_ComesFromTheAsksAnsweredInThePeriod()
    {
        var nps = (await OverviewAsync()).Nps;

        // Answers 10, 9, 7, 3: 2 promoters, 1 passive, 1 detractor: 100 × (2 − 1) / 4 = 25.
        Assert.That(nps, Is.Not.Null);
        Assert.That((nps!.Score, nps.Promoters, nps.Passives, nps.Detractors), Is.EqualTo((25, 2, 1, 1)));
    }

    [Test]
    public async Task Revenue_LeavesOutCancelledOrders_SubtractsRefunds_AndCountsOnlyStandingReferrals()
    {
        var revenue = (await OverviewAsync()).Revenue;

        // EUR paid in the period, not cancelled: O1 30 + O2 20 + O4 80 + O5 200 + O6 30 + P1 100 + P2 70 = 530 (7 orders),
        //   refunded O2 5 + P1 100 = 105. O7 (cancelled), O8 (at the end), P3 (before) and P4 (unpaid) are out.
        // Referral orders: O1, O2, O4 = 130, refunded 5 (O5's referral is under review, O6's rejected).
        // Share: (130 − 5) / (530 − 105) = 125 / 425. USD: O10 500, all of it referred.
        Assert.That(revenue, Is.EqualTo(new[]
        {
            new RevenueFigures("EUR", 7, 530m, 105m, 3, 130m, 5m),
            new RevenueFigures("USD", 1, 500m, 0m, 1, 500m, 0m),
        }));
        Assert.That(revenue[0].Net, Is.EqualTo(425m));
        Assert.That(revenue[0].ReferralShare, Is.EqualTo(125m / 425m));
        Assert.That(revenue[1].ReferralShare, Is.EqualTo(1m));
    }

    [Test]
    public async Task RewardCost_SumsTheLedgerByState_AndLeavesOutVoidedAndUncollected()
    {
        var cost = (await OverviewAsync()).RewardCost;

        // EUR rewards: L1 3 + L5 9 pending, L2 2 issued, L4 8 voided; claw-backs: L3 −1 outstanding, L6 −9 settled.
        // L7 was written before the period. Net cost: 12 + 2 − 9 = 5 (voided and outstanding left out).
        Assert.That(cost.Lines, Is.EqualTo(new[]
        {
            new RewardCostLine("EUR", LedgerEntryType.Reward, LedgerEntryState.Pending, 2, 12m),
            new RewardCostLine("EUR", LedgerEntryType.Reward, LedgerEntryState.Issued, 1, 2m),
            new RewardCostLine("EUR", LedgerEntryType.Reward, LedgerEntryState.Voided, 1, 8m),
            new RewardCostLine("EUR", LedgerEntryType.ClawBack, LedgerEntryState.Outstanding, 1, -1m),
            new RewardCostLine("EUR", LedgerEntryType.ClawBack, LedgerEntryState.Settled, 1, -9m),
            new RewardCostLine("USD", LedgerEntryType.Reward, LedgerEntryState.Pending, 1, 50m),
        }));
        Assert.That(cost.NetCost("EUR"), Is.EqualTo(5m));
        Assert.That(cost.NetCost("USD"), Is.EqualTo(50m));
    }

    [Test]
    public async Task KFactor_IsInvitationsPerAdvocateTimesTheirConversionRate()
    {
        var viral = (await OverviewAsync()).Viral;

        // Started in the period: 9 referrals by X (R1, R2, R9), Y (R3, R4, R10), Z (R5, R6), W (R8): 4 advocates.
        // Converted by now: R1, R2, R4, R8, R10 = 5. i = 9 / 4 = 2.25, c = 5 / 9, K = 2.25 × 5 / 9 = 1.25.
        Assert.That(viral, Is.EqualTo(new ViralCoefficient(4, 9, 5)));
        Assert.That(viral.InvitationsPerAdvocate, Is.EqualTo(2.25m));
        Assert.That(viral.KFactor, Is.EqualTo(1.25m).Within(0.0000001m));
    }

    [Test]
    public async Task Goal_ProjectsTheMonthLinearly_FromTheConversionsSoFar()
    {
        var goal = (await OverviewAsync()).Goal;

        // November so far (now = 16 Nov 00:00, 15 of 30 days): R1, R10, R2, R4, R7, R8 = 6 conversions;
        // projected 6 / 0.5 = 12, short of the goal of 13.
        Assert.That(goal.Converted, Is.EqualTo(6));
        Assert.That(goal.ElapsedShare, Is.EqualTo(0.5m));
        Assert.That(goal.Projected, Is.EqualTo(12m));
        Assert.That(goal.OnTrack, Is.False);
    }

    [Test]
    public async Task TopAdvocates_RankByConversionsOrByRevenueInTheTenantsCurrency()
    {
        var overview = await OverviewAsync(top: 2);

        // Conversions in the period: X R1 30 + R2 20 = 2 / 50 EUR; Y R4 80 + R10 (USD, no revenue) = 2 / 80 EUR; Z R7 = 1 / 90 EUR.
        // By conversions (ties by revenue): Y, X (Z third, cut by top 2). By revenue: Z, Y.
        Assert.That(overview.TopAdvocatesByConversions, Is.EqualTo(new[] { new AdvocateRanking(_data.Y, 2, 80m), new AdvocateRanking(_data.X, 2, 50m) }));
        Assert.That(overview.TopAdvocatesByRevenue, Is.EqualTo(new[] { new AdvocateRanking(_data.Z, 1, 90m), new AdvocateRanking(_data.Y, 2, 80m) }));
    }

    [Test]
    public async Task Chains_GroupConversionsByRootAdvocate_WithDepthAndRevenue()
    {
        var overview = await OverviewAsync(top: 10);

        // Root X: R1 (depth 1, 30), R2 (1, 20), R4 (2, 80), R10 (2, USD) = 4 conversions, depth 2, 130 EUR; root Z: R7 (1, 90).
        Assert.That(overview.TopChains, Is.EqualTo(new[] { new ChainSummary(_data.X, 4, 2, 130m), new ChainSummary(_data.Z, 1, 1, 90m) }));
        Assert.That(overview.MaxChainDepth, Is.EqualTo(2));
    }

    [Test]
    public async Task Overview_OfAPeriodShorterThanAWeek_HasOneBucket()
    {
        var overview = await OverviewAsync(new AnalyticsPeriod(AnalyticsDataset.Day(9), AnalyticsDataset.Day(12)));

        // 9-12 Nov: referrals R4, R5, R6; conversions R2, R4 (R7 converts on the 12th: outside).
        Assert.That(overview.Weeks, Has.Count.EqualTo(1));
        Assert.That((overview.Funnel.Referrals, overview.Funnel.Conversions), Is.EqualTo((3, 2)));
    }

    [Test]
    public async Task Overview_OfATenantWithNothing_IsZerosAndUndefinedRates()
    {
        var empty = await _engine.CreateTenantAsync("empty.myshopify.com");

        var overview = await OverviewAsync(tenant: empty);

        Assert.That(overview.Funnel, Is.EqualTo(FunnelCounts.Empty));
        Assert.That(overview.Weeks.Select(w => w.Counts), Is.All.EqualTo(FunnelCounts.Empty));
        Assert.That(overview.Funnel.Rates.ConversionRate, Is.Null);
        Assert.That(overview.Nps, Is.Null);
        Assert.That(overview.Revenue, Is.Empty);
        Assert.That(overview.RewardCost.Lines, Is.Empty);
        Assert.That(overview.Viral.KFactor, Is.Null);
        Assert.That((overview.Goal.Converted, overview.Goal.HasGoal, overview.Goal.OnTrack), Is.EqualTo((0, false, true)));
        Assert.That(overview.TopAdvocatesByConversions, Is.Empty);
        Assert.That(overview.TopChains, Is.Empty);
        Assert.That(overview.MaxChainDepth, Is.Zero);
    }
}
