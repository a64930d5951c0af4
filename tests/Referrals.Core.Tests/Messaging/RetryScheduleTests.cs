using Referrals.Core.Messaging;
using Referrals.Core.Tests.Configuration;

namespace Referrals.Core.Tests.Messaging;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset _failedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static TimeSpan DelayAfter(RetrySchedule schedule, int attempts, long seed = 0) =>
        schedule.NextAttempt(attempts, _failedAt, seed) - _failedAt;

    private static IEnumerable<TestCaseData> Defaults() => DocumentedDefaults.Of<RetrySchedule>();

    [TestCaseSource(nameof(Defaults))]
    public void NewSchedule_StartsAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<RetrySchedule>(constant);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void NewSchedule_WaitsTenSecondsToAnHourAndGivesUpAfterEight()
    {
        var schedule = new RetrySchedule();

        Assert.That(schedule.BaseDelay, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(schedule.MaxDelay, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(schedule.MaxAttempts, Is.EqualTo(8));
    }

    [TestCase(1, 10)]
    [TestCase(2, 20)]
    [TestCase(3, 40)]
    [TestCase(4, 80)]
    [TestCase(8, 1280)]
    public void NextAttempt_DoublesTheDelayFromTheBase_WhenTheSeedAddsNoJitter(int attempts, int expectedSeconds) =>
        Assert.That(DelayAfter(new RetrySchedule(), attempts), Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));

    [TestCase(10)]
    [TestCase(20)]
    [TestCase(31)]
    [TestCase(1000)]
    [TestCase(int.MaxValue)]
    public void NextAttempt_WaitsTheMaxDelay_WhenDoublingWouldGoBeyondIt(int attempts) =>
        Assert.That(DelayAfter(new RetrySchedule(), attempts), Is.EqualTo(TimeSpan.FromHours(1)));

    [Test]
    public void NextAttempt_UsesTheConfiguredDelays_WhenTheyAreNotTheDefaults()
    {
        var schedule = new RetrySchedule { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) };

        var delays = Enumerable.Range(1, 5).Select(attempts => DelayAfter(schedule, attempts)).ToList();

        Assert.That(delays, Is.EqualTo(new[] { 1, 2, 4, 5, 5 }.Select(s => TimeSpan.FromSeconds(s))));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(12)]
    public void NextAttempt_AddsAtMostTwentyPercentJitter_ForAnySeed(int attempts)
    {
        var schedule = new RetrySchedule();
        var unjittered = DelayAfter(schedule, attempts);
        long[] seeds = [1, 2, 3, 7, 999, 1001, 123_456_789, long.MaxValue, -1, long.MinValue, .. Enumerable.Range(10, 500).Select(i => (long)i)];

        var delays = seeds.Select(seed => DelayAfter(schedule, attempts, seed)).ToList();

        Assert.That(delays, Is.All.InRange(unjittered, unjittered * 1.2));
    }

    [Test]
    public void NextAttempt_StaysWithinTwentyPercentOfTheMaxDelay_WhenTheDelayIsCapped()
    {
        var schedule = new RetrySchedule();

        var delays = Enumerable.Range(0, 1000).Select(seed => DelayAfter(schedule, 30, seed)).ToList();

        Assert.That(delays, Is.All.InRange(TimeSpan.FromHours(1), TimeSpan.FromHours(1.2)));
        Assert.That(delays.Max(), Is.GreaterThan(TimeSpan.FromMinutes(71)), "the jitter should use most of its 20 % room");
    }

    [TestCase(42L)]
    [TestCase(7_000_001L)]
    public void NextAttempt_GivesTheSameTime_WhenTheSeedIsTheSame(long seed)
    {
        var first = new RetrySchedule().NextAttempt(3, _failedAt, seed);
        var second = new RetrySchedule().NextAttempt(3, _failedAt, seed);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void NextAttempt_SpreadsRetriesApart_WhenSeedsDiffer()
    {
        var schedule = new RetrySchedule();

        var times = Enumerable.Range(1, 100).Select(rowId => schedule.NextAttempt(2, _failedAt, rowId)).ToList();

        Assert.That(times.Distinct().Count(), Is.GreaterThan(90));
        Assert.That(times.Max() - times.Min(), Is.GreaterThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void NextAttempt_CountsFromTheFailureTime_WhenTheFailureIsInAnotherOffset()
    {
        var failedInCopenhagen = _failedAt.ToOffset(TimeSpan.FromHours(1));

        var next = new RetrySchedule().NextAttempt(1, failedInCopenhagen);

        Assert.That(next.UtcDateTime, Is.EqualTo(_failedAt.AddSeconds(10).UtcDateTime));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(int.MinValue)]
    public void NextAttempt_Throws_WhenAttemptsIsBelowOne(int attempts) =>
        Assert.That(() => new RetrySchedule().NextAttempt(attempts, _failedAt), Throws.TypeOf<ArgumentOutOfRangeException>());

    [TestCase(1, false)]
    [TestCase(7, false)]
    [TestCase(8, true)]
    [TestCase(9, true)]
    public void IsExhausted_GivesUp_WhenAttemptsReachMaxAttempts(int attempts, bool expected) =>
        Assert.That(new RetrySchedule().IsExhausted(attempts), Is.EqualTo(expected));

    [TestCase(2, false)]
    [TestCase(3, true)]
    public void IsExhausted_UsesTheConfiguredMaximum_WhenItIsNotTheDefault(int attempts, bool expected) =>
        Assert.That(new RetrySchedule { MaxAttempts = 3 }.IsExhausted(attempts), Is.EqualTo(expected));
}
