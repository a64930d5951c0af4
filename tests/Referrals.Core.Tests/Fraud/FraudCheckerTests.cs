using Referrals.Core.Fraud;

namespace Referrals.Core.Tests.Fraud;

public sealed class FraudCheckerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 15, 0, TimeSpan.Zero);
    private static readonly FraudPolicy DefaultPolicy = new();

    private static readonly ReferralParty Alice = new()
    {
        NormalizedEmail = "alice@example.com",
        CustomerId = "gid://shopify/Customer/1",
        AddressFingerprint = "addr-alice",
        NormalizedPhone = "+31600000001",
        IpAddress = "203.0.113.1",
        UserAgent = "Mozilla/5.0 (Alice)",
    };

    private static readonly ReferralParty Jane = new()
    {
        NormalizedEmail = "jane@example.com",
        CustomerId = "gid://shopify/Customer/2",
        AddressFingerprint = "addr-jane",
        NormalizedPhone = "+31600000002",
        IpAddress = "198.51.100.2",
        UserAgent = "Mozilla/5.0 (Jane)",
    };

    private static FraudAssessment Check(ReferralParty friend, int referralsInWindow = 0, FraudPolicy? policy = null) =>
        FraudChecker.Check(
            new FraudCheckInput { Advocate = Alice, Friend = friend, AdvocateReferralsInWindow = referralsInWindow, Now = Now },
            policy ?? DefaultPolicy);

    [Test]
    public void Check_ReturnsClean_WhenNothingIsShared()
    {
        var assessment = Check(Jane);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Clean));
        Assert.That(assessment.Reasons, Is.Empty);
    }

    [Test]
    public void Check_RejectsSelfReferral_WhenNormalizedEmailsMatch()
    {
        var assessment = Check(Jane with { NormalizedEmail = Alice.NormalizedEmail });

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Rejected));
        Assert.That(assessment.Reasons, Is.EqualTo(new[] { FraudReason.SelfReferralEmail }));
    }

    [Test]
    public void Check_RejectsSelfReferral_WhenCustomerIdsMatch()
    {
        var assessment = Check(Jane with { CustomerId = Alice.CustomerId });

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Rejected));
        Assert.That(assessment.Reasons, Is.EqualTo(new[] { FraudReason.SelfReferralCustomerId }));
    }

    [Test]
    public void Check_Flags_WhenAddressFingerprintsMatch()
    {
        var assessment = Check(Jane with { AddressFingerprint = Alice.AddressFingerprint });

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Flagged));
        Assert.That(assessment.Reasons, Is.EqualTo(new[] { FraudReason.SharedAddress }));
    }

    [Test]
    public void Check_Flags_WhenPhonesMatch()
    {
        var assessment = Check(Jane with { NormalizedPhone = Alice.NormalizedPhone });

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Flagged));
        Assert.That(assessment.Reasons, Is.EqualTo(new[] { FraudReason.SharedPhone }));
    }

    [Test]
    public void Check_FlagsSharedDevice_WhenIpAndUserAgentBothMatch()
    {
        var assessment = Check(Jane with { IpAddress = Alice.IpAddress, UserAgent = Alice.UserAgent });

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Flagged));
        Assert.That(assessment.Reasons, Is.EqualTo(new[] { FraudReason.SharedDevice }));
    }

    [Test]
    public void Check_ReturnsClean_WhenOnlyTheIpMatches()
    {
        Assert.That(Check(Jane with { IpAddress = Alice.IpAddress }).Outcome, Is.EqualTo(FraudOutcome.Clean));
    }

    [Test]
    public void Check_ReturnsClean_WhenOnlyTheUserAgentMatches()
    {
        Assert.That(Check(Jane with { UserAgent = Alice.UserAgent }).Outcome, Is.EqualTo(FraudOutcome.Clean));
    }

    [Test]
    public void Check_ReturnsClean_WhenIpMatchesAndUserAgentIsUnknownOnBothSides()
    {
        var advocate = Alice with { UserAgent = null };
        var friend = Jane with { IpAddress = Alice.IpAddress, UserAgent = null };

        var assessment = FraudChecker.Check(
            new FraudCheckInput { Advocate = advocate, Friend = friend, AdvocateReferralsInWindow = 0, Now = Now },
            DefaultPolicy);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Clean));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Check_ReturnsClean_WhenBothPartiesHaveOnlyUnknownValues(string? unknown)
    {
        var nobody = new ReferralParty
        {
            NormalizedEmail = unknown,
            CustomerId = unknown,
            AddressFingerprint = unknown,
            NormalizedPhone = unknown,
            IpAddress = unknown,
            UserAgent = unknown,
        };

        var assessment = FraudChecker.Check(
            new FraudCheckInput { Advocate = nobody, Friend = nobody, AdvocateReferralsInWindow = 0, Now = Now },
            DefaultPolicy);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Clean));
        Assert.That(assessment.Reasons, Is.Empty);
    }

    [Test]
    public void Check_ReturnsClean_WhenOnlyOneSideKnowsAValue()
    {
        var anonymous = new ReferralParty();

        Assert.That(Check(anonymous).Outcome, Is.EqualTo(FraudOutcome.Clean));
    }

    [Test]
    public void Check_ComparesOrdinally_BecauseTheCallerNormalizes()
    {
        var assessment = Check(Jane with { NormalizedEmail = "ALICE@example.com" });

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Clean));
    }

    [Test]
    public void Check_DoesNotFlagVelocity_WhenThisReferralReachesTheLimit()
    {
        var assessment = Check(Jane, referralsInWindow: FraudPolicy.DefaultVelocityLimit - 1);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Clean));
    }

    [Test]
    public void Check_FlagsVelocity_WhenThisReferralIsOneOverTheLimit()
    {
        var assessment = Check(Jane, referralsInWindow: FraudPolicy.DefaultVelocityLimit);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Flagged));
        Assert.That(assessment.Reasons, Is.EqualTo(new[] { FraudReason.VelocityExceeded }));
    }

    [Test]
    public void Check_DoesNotOverflow_WhenTheCountIsIntMaxValue()
    {
        var assessment = Check(Jane, referralsInWindow: int.MaxValue);

        Assert.That(assessment.Reasons, Is.EqualTo(new[] { FraudReason.VelocityExceeded }));
    }

    [TestCase(0, FraudOutcome.Clean)]
    [TestCase(1, FraudOutcome.Flagged)]
    public void Check_AppliesAPolicyLimitOfOne(int referralsInWindow, FraudOutcome expected)
    {
        var assessment = Check(Jane, referralsInWindow, new FraudPolicy { VelocityLimit = 1 });

        Assert.That(assessment.Outcome, Is.EqualTo(expected));
    }

    [Test]
    public void Check_RejectsAndStillListsFlags_WhenRejectingAndFlaggingSignalsFireTogether()
    {
        var friend = Jane with { NormalizedEmail = Alice.NormalizedEmail, AddressFingerprint = Alice.AddressFingerprint };

        var assessment = Check(friend, referralsInWindow: 10);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Rejected));
        Assert.That(assessment.Reasons, Is.EqualTo(new[]
        {
            FraudReason.SelfReferralEmail, FraudReason.SharedAddress, FraudReason.VelocityExceeded,
        }));
    }

    [Test]
    public void Check_ListsSeveralFlags_WhenSeveralFlaggingSignalsFire()
    {
        var friend = Jane with { NormalizedPhone = Alice.NormalizedPhone, IpAddress = Alice.IpAddress, UserAgent = Alice.UserAgent };

        var assessment = Check(friend);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Flagged));
        Assert.That(assessment.Reasons, Is.EqualTo(new[] { FraudReason.SharedPhone, FraudReason.SharedDevice }));
    }

    [Test]
    public void Check_ListsEveryReasonOnce_WhenEverySignalFires()
    {
        var assessment = Check(Alice, referralsInWindow: 5);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Rejected));
        Assert.That(assessment.Reasons, Is.EqualTo(Enum.GetValues<FraudReason>()));
    }

    [Test]
    public void Check_OmitsASignal_WhenThePolicyIgnoresIt()
    {
        var policy = new FraudPolicy { SameAddressAction = FraudSignalAction.Ignore };

        var assessment = Check(Jane with { AddressFingerprint = Alice.AddressFingerprint }, policy: policy);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Clean));
        Assert.That(assessment.Reasons, Is.Empty);
    }

    [Test]
    public void Check_Rejects_WhenThePolicyMakesAFlaggingSignalReject()
    {
        var policy = new FraudPolicy { SamePhoneAction = FraudSignalAction.Reject };

        var assessment = Check(Jane with { NormalizedPhone = Alice.NormalizedPhone }, policy: policy);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Rejected));
    }

    [Test]
    public void Check_Flags_WhenThePolicyMakesARejectingSignalFlag()
    {
        var policy = new FraudPolicy { SameEmailAction = FraudSignalAction.Flag };

        var assessment = Check(Jane with { NormalizedEmail = Alice.NormalizedEmail }, policy: policy);

        Assert.That(assessment.Outcome, Is.EqualTo(FraudOutcome.Flagged));
    }

    [Test]
    public void Check_CopiesNowToAssessedAt()
    {
        Assert.That(Check(Jane).AssessedAt, Is.EqualTo(Now));
    }

    [Test]
    public void Check_Throws_WhenAnArgumentOrPartyIsNull()
    {
        var input = new FraudCheckInput { Advocate = Alice, Friend = Jane, AdvocateReferralsInWindow = 0, Now = Now };

        Assert.Multiple(() =>
        {
            Assert.That(() => FraudChecker.Check(null!, DefaultPolicy), Throws.ArgumentNullException);
            Assert.That(() => FraudChecker.Check(input, null!), Throws.ArgumentNullException);
            Assert.That(() => FraudChecker.Check(input with { Advocate = null! }, DefaultPolicy), Throws.ArgumentNullException);
            Assert.That(() => FraudChecker.Check(input with { Friend = null! }, DefaultPolicy), Throws.ArgumentNullException);
        });
    }

    [Test]
    public void Input_Throws_WhenReferralCountIsNegative()
    {
        Assert.That(
            () => new FraudCheckInput { Advocate = Alice, Friend = Jane, AdvocateReferralsInWindow = -1, Now = Now },
            Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
