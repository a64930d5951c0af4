using Referrals.Core.Fraud;

namespace Referrals.Core.Tests.Fraud;

public sealed class ReviewDeadlineTests
{
    private static readonly DateTimeOffset FlaggedAt = new(2026, 11, 20, 15, 15, 0, TimeSpan.Zero);

    [Test]
    public void DefaultReviewWindow_IsSeventyTwoHours()
    {
        Assert.That(ReviewDeadline.DefaultReviewWindowHours, Is.EqualTo(72));
        Assert.That(ReviewDeadline.DefaultReviewWindow, Is.EqualTo(TimeSpan.FromHours(72)));
    }

    [Test]
    public void For_AddsTheWindowToTheFlagTime()
    {
        Assert.That(ReviewDeadline.For(FlaggedAt, TimeSpan.FromHours(48)), Is.EqualTo(FlaggedAt.AddHours(48)));
    }

    [Test]
    public void For_UsesSeventyTwoHours_WhenNoWindowIsGiven()
    {
        Assert.That(ReviewDeadline.For(FlaggedAt), Is.EqualTo(FlaggedAt.AddHours(72)));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void For_Throws_WhenWindowIsNotPositive(int hours)
    {
        Assert.That(
            () => ReviewDeadline.For(FlaggedAt, TimeSpan.FromHours(hours)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("review window must be positive"));
    }
}
