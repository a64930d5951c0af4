using Referrals.Core.Fraud;

namespace Referrals.Core.Tests.Fraud;

public sealed class FraudPolicyTests
{
    [Test]
    public void Defaults_MatchTheDocumentedConstants()
    {
        var policy = new FraudPolicy();

        Assert.Multiple(() =>
        {
            Assert.That(FraudPolicy.DefaultVelocityWindow, Is.EqualTo(TimeSpan.FromHours(24)));
            Assert.That(FraudPolicy.DefaultVelocityLimit, Is.EqualTo(5));
            Assert.That(policy.VelocityWindow, Is.EqualTo(FraudPolicy.DefaultVelocityWindow));
            Assert.That(policy.VelocityLimit, Is.EqualTo(FraudPolicy.DefaultVelocityLimit));
            Assert.That(policy.SameEmailAction, Is.EqualTo(FraudSignalAction.Reject));
            Assert.That(policy.SameCustomerIdAction, Is.EqualTo(FraudSignalAction.Reject));
            Assert.That(policy.SameAddressAction, Is.EqualTo(FraudSignalAction.Flag));
            Assert.That(policy.SamePhoneAction, Is.EqualTo(FraudSignalAction.Flag));
            Assert.That(policy.SameDeviceAction, Is.EqualTo(FraudSignalAction.Flag));
            Assert.That(policy.VelocityExceededAction, Is.EqualTo(FraudSignalAction.Flag));
        });
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void VelocityWindow_Throws_WhenNotPositive(int hours)
    {
        Assert.That(
            () => new FraudPolicy { VelocityWindow = TimeSpan.FromHours(hours) },
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("velocity window must be positive"));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void VelocityLimit_Throws_WhenBelowOne(int limit)
    {
        Assert.That(
            () => new FraudPolicy { VelocityLimit = limit },
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("velocity limit must be at least 1"));
    }

    [Test]
    public void Actions_Throw_WhenNotADefinedAction()
    {
        var undefined = (FraudSignalAction)7;

        Assert.Multiple(() =>
        {
            Assert.That(() => new FraudPolicy { SameEmailAction = undefined }, Throws.TypeOf<ArgumentOutOfRangeException>()
                .With.Property(nameof(ArgumentOutOfRangeException.ParamName)).EqualTo(nameof(FraudPolicy.SameEmailAction)));
            Assert.That(() => new FraudPolicy { SameCustomerIdAction = undefined }, Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => new FraudPolicy { SameAddressAction = undefined }, Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => new FraudPolicy { SamePhoneAction = undefined }, Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => new FraudPolicy { SameDeviceAction = undefined }, Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => new FraudPolicy { VelocityExceededAction = undefined }, Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void ActionFor_ReturnsTheConfiguredAction_ForEachReason()
    {
        var policy = new FraudPolicy
        {
            SameEmailAction = FraudSignalAction.Flag,
            SameCustomerIdAction = FraudSignalAction.Ignore,
            SameAddressAction = FraudSignalAction.Reject,
            SamePhoneAction = FraudSignalAction.Ignore,
            SameDeviceAction = FraudSignalAction.Reject,
            VelocityExceededAction = FraudSignalAction.Ignore,
        };

        Assert.That(
            Enum.GetValues<FraudReason>().Select(policy.ActionFor),
            Is.EqualTo(new[]
            {
                FraudSignalAction.Flag, FraudSignalAction.Ignore, FraudSignalAction.Reject,
                FraudSignalAction.Ignore, FraudSignalAction.Reject, FraudSignalAction.Ignore,
            }));
    }

    [Test]
    public void ActionFor_Throws_WhenReasonIsUndefined()
    {
        Assert.That(() => new FraudPolicy().ActionFor((FraudReason)99), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
