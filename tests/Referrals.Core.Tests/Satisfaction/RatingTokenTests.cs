using Referrals.Core.Satisfaction;

namespace Referrals.Core.Tests.Satisfaction;

public sealed class RatingTokenTests
{
    private static readonly Guid _id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly DateTimeOffset _expiry = new(2025, 3, 28, 9, 30, 0, TimeSpan.Zero);

    [TestCase(-1)]
    [TestCase(11)]
    public void Constructor_Throws_WhenScoreIsOutsideZeroToTen(int score) =>
        Assert.That(
            () => new RatingToken(_id, _id, _id, score, _expiry),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("score"));

    [TestCase(0, "tenantId")]
    [TestCase(1, "askId")]
    [TestCase(2, "contactId")]
    public void Constructor_Throws_WhenAnIdIsEmpty(int which, string parameter) =>
        Assert.That(
            () => new RatingToken(which == 0 ? Guid.Empty : _id, which == 1 ? Guid.Empty : _id, which == 2 ? Guid.Empty : _id, 5, _expiry),
            Throws.ArgumentException.With.Property("ParamName").EqualTo(parameter));

    [Test]
    public void Constructor_StoresTheExpiryInUtc_KeepingTheInstant()
    {
        var local = new DateTimeOffset(2025, 3, 28, 11, 30, 0, TimeSpan.FromHours(2));

        var token = new RatingToken(_id, _id, _id, 5, local);

        Assert.That(token.ExpiresAt.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(token.ExpiresAt, Is.EqualTo(_expiry));
    }
}
