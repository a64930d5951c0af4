using Referrals.Core.Asks;

namespace Referrals.Core.Tests.Asks;

public sealed class CadencePeriodTests
{
    [Test]
    public void For_PutsEveryMomentOfAPeriodInTheSamePeriod()
    {
        var period = CadencePeriod.For(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), 90);

        Assert.That(CadencePeriod.For(period.Start, 90), Is.EqualTo(period));
        Assert.That(CadencePeriod.For(period.End.AddTicks(-1), 90), Is.EqualTo(period));
        Assert.That(CadencePeriod.For(period.End, 90).Start, Is.EqualTo(period.End));
    }

    [Test]
    public void For_StartsPeriodsAtUtcMidnight_CountedFromTheEpoch()
    {
        var period = CadencePeriod.For(new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.FromHours(-5)), 7);

        Assert.That(period.Start.TimeOfDay, Is.EqualTo(TimeSpan.Zero));
        Assert.That(period.Start.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(period.Start.DayOfWeek, Is.EqualTo(DayOfWeek.Monday), "7-day periods start on the epoch's weekday");
        Assert.That((period.Start - CadencePeriod.Epoch).TotalDays % 7, Is.Zero);
    }

    [Test]
    public void SourceKey_NamesTheIntervalAndTheStart()
    {
        var period = new CadencePeriod(new DateTimeOffset(2026, 10, 5, 0, 0, 0, TimeSpan.Zero), 90);

        Assert.That(period.SourceKey, Is.EqualTo("cadence:90d:2026-10-05"));
    }

    [Test]
    public void SourceKey_Differs_WhenTheIntervalChanges()
    {
        var now = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

        Assert.That(CadencePeriod.For(now, 30).SourceKey, Is.Not.EqualTo(CadencePeriod.For(now, 90).SourceKey));
    }

    [TestCase(0)]
    [TestCase(AskTimelineValidator.MaximumCadenceIntervalDays + 1)]
    public void For_RefusesAnIntervalOutsideTheValidatedRange(int days) =>
        Assert.That(() => CadencePeriod.For(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), days), Throws.TypeOf<ArgumentOutOfRangeException>());
}
