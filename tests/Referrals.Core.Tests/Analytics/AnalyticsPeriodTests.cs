using Referrals.Core.Analytics;

namespace Referrals.Core.Tests.Analytics;

public sealed class AnalyticsPeriodTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void WeekStarts_AreSevenDaysApartFromTheStart_WithAShorterLastWeek()
    {
        var period = new AnalyticsPeriod(Monday, Monday.AddDays(15));

        Assert.That(period.WeekStarts, Is.EqualTo(new[] { Monday, Monday.AddDays(7), Monday.AddDays(14) }));
    }

    [Test]
    public void Last90Days_HasThirteenWeeks_EndingNow()
    {
        var period = AnalyticsPeriod.Last90Days(Monday);

        // 90 / 7 = 12.86: 12 full weeks and one of 6 days.
        Assert.That((period.From, period.To, period.WeekStarts.Count), Is.EqualTo((Monday.AddDays(-90), Monday, 13)));
    }

    [Test]
    public void Last90Days_WithinAnHour_EndsAtTheEndOfThatHour()
    {
        var period = AnalyticsPeriod.Last90Days(new DateTimeOffset(2026, 11, 2, 9, 37, 13, TimeSpan.FromHours(2)).AddTicks(5));

        var end = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        Assert.That((period.From, period.To), Is.EqualTo((end.AddDays(-90), end)));
    }

    [Test]
    public void Constructor_ConvertsToUtc()
    {
        var period = new AnalyticsPeriod(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.FromHours(2)), Monday.AddDays(1));

        Assert.That((period.From, period.From.Offset), Is.EqualTo((Monday, TimeSpan.Zero)));
    }

    [Test]
    public void Constructor_Refuses_AnEmptyOrBackwardPeriod()
    {
        Assert.Throws<ArgumentException>(() => _ = new AnalyticsPeriod(Monday, Monday));
        Assert.Throws<ArgumentException>(() => _ = new AnalyticsPeriod(Monday, Monday.AddDays(-1)));
    }

    [Test]
    public void Constructor_Refuses_MoreWeeksThanTheMaximum()
    {
        Assert.DoesNotThrow(() => _ = new AnalyticsPeriod(Monday, Monday.AddDays(7 * AnalyticsPeriod.MaxWeeks)));
        var ex = Assert.Throws<ArgumentException>(() => _ = new AnalyticsPeriod(Monday, Monday.AddDays((7 * AnalyticsPeriod.MaxWeeks) + 1)));

        Assert.That(ex!.Message, Does.Contain("107 weeks"));
    }
}
