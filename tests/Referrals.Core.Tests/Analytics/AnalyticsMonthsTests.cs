using Referrals.Core.Analytics;

namespace Referrals.Core.Tests.Analytics;

public sealed class AnalyticsMonthsTests
{
    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void MonthStarts_AreTheStartThenEachFirstOfMonth_WhenThePeriodStartsMidMonth()
    {
        var months = new AnalyticsMonths(Utc(2026, 11, 15), Utc(2027, 2, 10));

        Assert.That(months.MonthStarts, Is.EqualTo(new[] { Utc(2026, 11, 15), Utc(2026, 12, 1), Utc(2027, 1, 1), Utc(2027, 2, 1) }));
    }

    [Test]
    public void MonthStarts_HoldWholeMonthsOnly_WhenThePeriodRunsFromFirstToFirst()
    {
        var months = new AnalyticsMonths(Utc(2026, 1, 1), Utc(2026, 3, 1));

        Assert.That(months.MonthStarts, Is.EqualTo(new[] { Utc(2026, 1, 1), Utc(2026, 2, 1) }));
    }

    [Test]
    public void Constructor_Throws_WhenThePeriodIsEmptyOrTooLong()
    {
        Assert.Throws<ArgumentException>(() => _ = new AnalyticsMonths(Utc(2026, 1, 1), Utc(2026, 1, 1)));
        Assert.DoesNotThrow(() => _ = new AnalyticsMonths(Utc(2026, 1, 1), Utc(2029, 1, 1)));
        Assert.Throws<ArgumentException>(() => _ = new AnalyticsMonths(Utc(2026, 1, 1), Utc(2029, 1, 2)));
    }
}
