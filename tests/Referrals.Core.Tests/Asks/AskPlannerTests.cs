using Referrals.Core.Asks;
using Referrals.Core.Satisfaction;

namespace Referrals.Core.Tests.Asks;

public sealed class AskPlannerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static AskPlanInput Input(AskTrigger trigger = AskTrigger.Purchase, AskTimeline? timeline = null) => new()
    {
        Trigger = trigger,
        EventTime = At,
        Timeline = timeline ?? new AskTimeline(),
        Gate = new GateThresholds(),
        MarketingConsent = true,
        Redacted = false,
    };

    [Test]
    public void Plan_SchedulesAnEmailSevenDaysLater_ForAPurchaseByDefault()
    {
        var plan = AskPlanner.Plan(Input());

        Assert.That(plan.IsScheduled, Is.True);
        Assert.That(plan.DueAt, Is.EqualTo(At.AddDays(7)));
        Assert.That(plan.Channel, Is.EqualTo(AskChannel.Email));
    }

    [TestCase(AskTrigger.Purchase, 7, AskChannel.Email)]
    [TestCase(AskTrigger.Fulfilment, 3, AskChannel.Email)]
    [TestCase(AskTrigger.ProblemSolved, 1, AskChannel.Task)]
    [TestCase(AskTrigger.BeforeStart, 0, AskChannel.Task)]
    [TestCase(AskTrigger.Cadence, 0, AskChannel.Email)]
    [TestCase(AskTrigger.Manual, 0, AskChannel.Email)]
    public void Plan_FollowsTheDefaultTimeline(AskTrigger trigger, int days, AskChannel channel)
    {
        var plan = AskPlanner.Plan(Input(trigger));

        Assert.That(plan.DueAt, Is.EqualTo(At.AddDays(days)));
        Assert.That(plan.Channel, Is.EqualTo(channel));
    }

    [Test]
    public void Plan_SkipsWithNoConsent_WhenAnEmailAskHasNoMarketingConsent() =>
        Assert.That(AskPlanner.Plan(Input() with { MarketingConsent = false }).SkipReason, Is.EqualTo(AskSkipReason.NoConsent));

    [TestCase(AskTrigger.ProblemSolved)]
    [TestCase(AskTrigger.BeforeStart)]
    public void Plan_SchedulesATaskAsk_WithoutMarketingConsent(AskTrigger trigger) =>
        Assert.That(AskPlanner.Plan(Input(trigger) with { MarketingConsent = false }).IsScheduled, Is.True);

    [Test]
    public void Plan_SchedulesAnOnSiteAsk_WithoutMarketingConsent()
    {
        var timeline = new AskTimeline();
        timeline.Purchase.Channel = AskChannel.OnSite;

        Assert.That(AskPlanner.Plan(Input(timeline: timeline) with { MarketingConsent = false }).IsScheduled, Is.True);
    }

    [Test]
    public void Plan_SkipsWithinFrequencyCap_WhenAskedTenDaysAgo() =>
        Assert.That(AskPlanner.Plan(Input() with { LastAskedAt = At.AddDays(-10) }).SkipReason, Is.EqualTo(AskSkipReason.WithinFrequencyCap));

    [Test]
    public void Plan_Schedules_WhenTheLastAskIsExactlyTheCapBeforeTheDueTime() =>
        Assert.That(AskPlanner.Plan(Input() with { LastAskedAt = At.AddDays(7 - 30) }).IsScheduled, Is.True);

    [Test]
    public void Plan_SkipsWithinFrequencyCap_WhenTheLastAskIsOneTickLessThanTheCapBeforeTheDueTime() =>
        Assert.That(AskPlanner.Plan(Input() with { LastAskedAt = At.AddDays(7 - 30).AddTicks(1) }).SkipReason, Is.EqualTo(AskSkipReason.WithinFrequencyCap));

    [Test]
    public void Plan_SkipsWithLastScoreDetractor_WhenTheLastScoreIsSix() =>
        Assert.That(AskPlanner.Plan(Input() with { LastScore = 6 }).SkipReason, Is.EqualTo(AskSkipReason.LastScoreDetractor));

    [TestCase(7)]
    [TestCase(9)]
    public void Plan_Schedules_WhenTheLastScoreIsPassiveOrPromoter(int score) =>
        Assert.That(AskPlanner.Plan(Input() with { LastScore = score }).IsScheduled, Is.True);

    [Test]
    public void Plan_SkipsWithContactRedacted_WhenTheContactIsRedacted() =>
        Assert.That(AskPlanner.Plan(Input() with { Redacted = true, MarketingConsent = false }).SkipReason, Is.EqualTo(AskSkipReason.ContactRedacted));

    [Test]
    public void Plan_SkipsWithOpenAskExists_WhenAnotherAskIsWaiting() =>
        Assert.That(AskPlanner.Plan(Input() with { OpenAskExists = true }).SkipReason, Is.EqualTo(AskSkipReason.OpenAskExists));

    [Test]
    public void Plan_SkipsWithTriggerDisabled_WhenTheStepIsOff()
    {
        var timeline = new AskTimeline();
        timeline.Purchase.Enabled = false;

        Assert.That(AskPlanner.Plan(Input(timeline: timeline)).SkipReason, Is.EqualTo(AskSkipReason.TriggerDisabled));
    }

    [Test]
    public void CheckBeforeSending_UsesTheAsksOwnChannelForConsent()
    {
        var timeline = new AskTimeline();
        timeline.Purchase.Channel = AskChannel.Task;

        var reason = AskPlanner.CheckBeforeSending(AskTrigger.Purchase, AskChannel.Email, timeline, new GateThresholds(), false, false, null);

        Assert.That(reason, Is.EqualTo(AskSkipReason.NoConsent));
    }
}
