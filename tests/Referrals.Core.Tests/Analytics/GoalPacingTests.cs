using Referrals.Core.Analytics;

namespace Referrals.Core.Tests.Analytics;

public sealed class GoalPacingTests
{
    [Test]
    public void For_ProjectsLinearly_FromTheElapsedShareOfTheMonth()
    {
        // 10 November 12:00 in a 30-day month: 9.5 days elapsed = 0.31666…; 4 / (9.5 / 30) = 12.63…
        var pacing = GoalPacing.For(goal: 12, converted: 4, new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero));

        Assert.That((pacing.MonthStart, pacing.MonthEnd), Is.EqualTo((new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero))));
        Assert.That(pacing.Projected, Is.EqualTo(4m * 30 / 9.5m).Within(0.000001m));
        Assert.That(pacing.OnTrack, Is.True);
    }

    [Test]
    public void OnTrack_IsFalse_WhenTheProjectionFallsShortOfTheGoal()
    {
        // 15 of 28 February days: 6 / (15 / 28) = 11.2 < 12.
        var pacing = GoalPacing.For(goal: 12, converted: 6, new DateTimeOffset(2026, 2, 16, 0, 0, 0, TimeSpan.Zero));

        Assert.That(pacing.Projected, Is.EqualTo(11.2m).Within(0.000001m));
        Assert.That(pacing.OnTrack, Is.False);
    }

    [Test]
    public void Projected_IsTheCountSoFar_AtTheFirstInstantOfTheMonth()
    {
        var pacing = GoalPacing.For(goal: 5, converted: 1, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.That((pacing.ElapsedShare, pacing.Projected, pacing.OnTrack), Is.EqualTo((0m, 1m, false)));
    }

    [Test]
    public void OnTrack_IsTrue_WithoutAGoal()
    {
        var pacing = GoalPacing.For(goal: 0, converted: 0, new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));

        Assert.That((pacing.HasGoal, pacing.OnTrack), Is.EqualTo((false, true)));
    }

    [Test]
    public void MonthOf_UsesTheUtcMonth_OfAnOffsetTime()
    {
        // 1 December 00:30 at +01:00 is still 30 November in UTC.
        var (start, _) = GoalPacing.MonthOf(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(1)));

        Assert.That(start, Is.EqualTo(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void For_RefusesNegativeFigures()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GoalPacing.For(-1, 0, DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentOutOfRangeException>(() => GoalPacing.For(1, -1, DateTimeOffset.UnixEpoch));
    }
}
