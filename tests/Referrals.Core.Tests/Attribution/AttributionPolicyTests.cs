using Referrals.Core.Attribution;

namespace Referrals.Core.Tests.Attribution;

public sealed class AttributionPolicyTests
{
    [Test]
    public void Defaults_AreThirtyDaysAndFirstOrderOnly()
    {
        var policy = new AttributionPolicy();

        Assert.That(AttributionPolicy.DefaultAttributionWindowDays, Is.EqualTo(30));
        Assert.That(AttributionPolicy.DefaultAttributionWindow, Is.EqualTo(TimeSpan.FromDays(30)));
        Assert.That(policy.AttributionWindow, Is.EqualTo(AttributionPolicy.DefaultAttributionWindow));
        Assert.That(policy.FirstOrderOnly, Is.True);
        Assert.That(AttributionPolicy.ClockSkewTolerance, Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void AttributionWindow_Throws_WhenNotPositive(int seconds)
    {
        Assert.That(
            () => new AttributionPolicy { AttributionWindow = TimeSpan.FromSeconds(seconds) },
            Throws.TypeOf<ArgumentOutOfRangeException>()
                .With.Message.Contains("attribution window must be positive")
                .And.Property(nameof(ArgumentOutOfRangeException.ParamName)).EqualTo(nameof(AttributionPolicy.AttributionWindow)));
    }

    [Test]
    public void With_Throws_WhenCopyingWithAnInvalidWindow()
    {
        var policy = new AttributionPolicy();

        Assert.That(() => policy with { AttributionWindow = TimeSpan.Zero }, Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
