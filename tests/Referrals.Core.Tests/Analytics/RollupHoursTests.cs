using Referrals.Core.Analytics;

namespace Referrals.Core.Tests.Analytics;

public sealed class RollupHoursTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void For_ReadsEveryHourFromRollups_WhenBoundsAndWeeksAreOnTheHour()
    {
        var hours = RollupHours.For(new AnalyticsPeriod(Monday, Monday.AddDays(14)));

        Assert.That(hours.RawRanges, Is.Empty);
        Assert.That(hours.CutHours, Is.Empty);
        Assert.That(hours.ToHour - hours.FromHour, Is.EqualTo(14 * 24));
        Assert.That(hours.BucketBounds, Is.EqualTo(new[] { RollupHours.Of(Monday.AddDays(7)) }));
    }

    [Test]
    public void For_ReadsTheHoursCutByBoundsAndWeekBoundariesRaw_WhenTheyAreNotOnTheHour()
    {
        var from = Monday.AddMinutes(17).AddTicks(3);
        var to = Monday.AddDays(10).AddMinutes(42);

        var hours = RollupHours.For(new AnalyticsPeriod(from, to));

        Assert.That(hours.RawRanges, Is.EqualTo(new[]
        {
            (from, Monday.AddHours(1)),
            (Monday.AddDays(7), Monday.AddDays(7).AddHours(1)),
            (Monday.AddDays(10), to),
        }));
        Assert.That(hours.CutHours, Is.EqualTo(new[] { RollupHours.Of(Monday.AddDays(7)) }));
        Assert.That(hours.FromHour, Is.EqualTo(RollupHours.Of(Monday) + 1));
        Assert.That(hours.ToHour, Is.EqualTo(RollupHours.Of(Monday.AddDays(10))));
        Assert.That(hours.BucketBounds, Is.EqualTo(new[] { RollupHours.Of(Monday.AddDays(7)) + 1 }));
    }

    [Test]
    public void For_ReadsEverythingRaw_WhenThePeriodHoldsNoWholeHour()
    {
        var from = Monday.AddMinutes(10);
        var period = new AnalyticsPeriod(from, from.AddMinutes(70));

        var hours = RollupHours.For(period);

        Assert.That(hours.RawRanges, Is.EqualTo(new[] { (period.From, period.To) }));
        Assert.That(hours.ToHour, Is.LessThanOrEqualTo(hours.FromHour));
    }

    [Test]
    public void Of_IsTheHourOfTheUtcTime_WhateverTheOffset()
    {
        var local = new DateTimeOffset(2026, 11, 2, 1, 30, 0, TimeSpan.FromHours(2));

        Assert.That(RollupHours.Of(local), Is.EqualTo(RollupHours.Of(Monday.AddHours(-1))));
        Assert.That(RollupHours.Start(RollupHours.Of(local)), Is.EqualTo(Monday.AddHours(-1)));
    }
}
