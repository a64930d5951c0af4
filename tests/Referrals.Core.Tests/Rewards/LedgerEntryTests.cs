using Referrals.Core.Rewards;
using static Referrals.Core.Tests.Rewards.LedgerEntryFactory;

namespace Referrals.Core.Tests.Rewards;

public sealed class LedgerEntryTests
{
    private static readonly DateTimeOffset _approvedAt = HoldUntil.AddMinutes(5);
    private static readonly DateTimeOffset _issuedAt = HoldUntil.AddMinutes(6);
    private static readonly DateTimeOffset _refundedAt = HoldUntil.AddDays(3);

    [Test]
    public void PendingReward_WritesAPositivePendingRewardHeldUntilTheGivenTime()
    {
        var reward = PendingReward(12.5m);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reward.Type, Is.EqualTo(LedgerEntryType.Reward));
            Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Pending));
            Assert.That(reward.Money, Is.EqualTo(new Money(12.5m, "EUR")));
            Assert.That(reward.HoldUntil, Is.EqualTo(HoldUntil));
            Assert.That(reward.TenantId, Is.EqualTo(TenantId));
            Assert.That(reward.ContactId, Is.EqualTo(AdvocateId));
            Assert.That(reward.ReferralId, Is.EqualTo(ReferralId));
            Assert.That(reward.OrderId, Is.EqualTo("order-1001"));
            Assert.That(reward.BeneficiaryKey, Is.EqualTo("advocate:" + AdvocateId.ToString("N")));
            Assert.That(reward.SourceEventId, Is.Empty);
            Assert.That(reward.CreatedAt, Is.EqualTo(CreatedAt));
            Assert.That(reward.UpdatedAt, Is.EqualTo(CreatedAt));
            Assert.That(reward.ExternalRef, Is.Null);
            Assert.That(reward.Id, Is.Not.EqualTo(Guid.Empty));
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void PendingReward_Throws_WhenTheAmountIsNotPositive(decimal amount) =>
        Assert.That(() => PendingReward(amount), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void PendingReward_Throws_WhenACauseRewardHasNoCauseId() =>
        Assert.That(
            () => LedgerEntry.PendingReward(TenantId, "order-1001", Beneficiary.Cause, null, null, ReferralId,
                RewardKind.Donation, new Money(3m, "EUR"), HoldUntil, CreatedAt),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("causeId"));

    [Test]
    public void Approve_MovesAPendingRewardToApproved_WhenTheHoldHasPassed()
    {
        var reward = PendingReward();

        reward.Approve(_approvedAt);

        Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Approved));
        Assert.That(reward.UpdatedAt, Is.EqualTo(_approvedAt));
    }

    [Test]
    public void Approve_Throws_WhenTheRewardIsAlreadyApproved()
    {
        var reward = ApprovedReward();

        Assert.That(() => reward.Approve(_approvedAt), Throws.TypeOf<InvalidLedgerTransitionException>()
            .With.Property(nameof(InvalidLedgerTransitionException.From)).EqualTo(LedgerEntryState.Approved)
            .And.Property(nameof(InvalidLedgerTransitionException.To)).EqualTo(LedgerEntryState.Approved));
    }

    [Test]
    public void Approve_Throws_WhenTheEntryIsAClawBack()
    {
        var clawBack = LedgerEntry.ClawBackOf(IssuedReward(), "refund-1", 2m, _refundedAt);

        Assert.That(() => clawBack.Approve(_refundedAt), Throws.TypeOf<InvalidLedgerTransitionException>());
    }

    [Test]
    public void MarkIssued_RecordsWhereItWasIssued_WhenTheRewardIsApproved()
    {
        var reward = ApprovedReward();

        reward.MarkIssued("store-credit-tx-42", _issuedAt);

        Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued));
        Assert.That(reward.ExternalRef, Is.EqualTo("store-credit-tx-42"));
        Assert.That(reward.UpdatedAt, Is.EqualTo(_issuedAt));
    }

    [Test]
    public void MarkIssued_KeepsTheFirstIssue_WhenCalledAgain()
    {
        var reward = ApprovedReward();
        reward.MarkIssued("store-credit-tx-42", _issuedAt);

        reward.MarkIssued("store-credit-tx-43", _issuedAt.AddHours(1));

        Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued));
        Assert.That(reward.ExternalRef, Is.EqualTo("store-credit-tx-42"));
        Assert.That(reward.UpdatedAt, Is.EqualTo(_issuedAt));
    }

    [Test]
    public void MarkIssued_Throws_WhenTheRewardIsStillPending()
    {
        var reward = PendingReward();

        Assert.That(() => reward.MarkIssued("store-credit-tx-42", _issuedAt), Throws.TypeOf<InvalidLedgerTransitionException>()
            .With.Property(nameof(InvalidLedgerTransitionException.From)).EqualTo(LedgerEntryState.Pending)
            .And.Property(nameof(InvalidLedgerTransitionException.To)).EqualTo(LedgerEntryState.Issued));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void MarkIssued_Throws_WhenTheExternalRefIsBlank(string externalRef)
    {
        var reward = ApprovedReward();

        Assert.That(() => reward.MarkIssued(externalRef, _issuedAt), Throws.ArgumentException);
        Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Approved));
    }

    [Test]
    public void Void_CancelsTheReward_WhenItIsPending()
    {
        var reward = PendingReward();

        reward.Void("The order was refunded in full.", _refundedAt);

        Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Voided));
        Assert.That(reward.Note, Is.EqualTo("The order was refunded in full."));
        Assert.That(reward.UpdatedAt, Is.EqualTo(_refundedAt));
    }

    [Test]
    public void Void_CancelsTheReward_WhenItIsApproved()
    {
        var reward = ApprovedReward();

        reward.Void("The referral was rejected.", _refundedAt);

        Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Voided));
    }

    [Test]
    public void Void_KeepsTheFirstReason_WhenTheRewardIsAlreadyVoided()
    {
        var reward = PendingReward();
        reward.Void("The order was cancelled.", _refundedAt);

        reward.Void("The order was refunded in full.", _refundedAt.AddDays(1));

        Assert.That(reward.Note, Is.EqualTo("The order was cancelled."));
        Assert.That(reward.UpdatedAt, Is.EqualTo(_refundedAt));
    }

    [Test]
    public void Void_Throws_WhenTheRewardWasAlreadyIssued()
    {
        var reward = IssuedReward();

        Assert.That(() => reward.Void("The order was refunded in full.", _refundedAt), Throws.TypeOf<InvalidLedgerTransitionException>()
            .With.Property(nameof(InvalidLedgerTransitionException.From)).EqualTo(LedgerEntryState.Issued)
            .And.Property(nameof(InvalidLedgerTransitionException.To)).EqualTo(LedgerEntryState.Voided));
        Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued));
    }

    [Test]
    public void ClawBackOf_IsSettledAtOnce_WhenTheRewardWasNotPaid()
    {
        var reward = ApprovedReward(10m);

        var clawBack = LedgerEntry.ClawBackOf(reward, "refund-7", 4m, _refundedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(clawBack.Type, Is.EqualTo(LedgerEntryType.ClawBack));
            Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Settled));
            Assert.That(clawBack.Money, Is.EqualTo(new Money(-4m, "EUR")));
            Assert.That(clawBack.RelatedEntryId, Is.EqualTo(reward.Id));
            Assert.That(clawBack.SourceEventId, Is.EqualTo("refund-7"));
        }
    }

    [Test]
    public void ClawBackOf_IsPendingAndNegative_WhenTheRewardWasIssued()
    {
        var reward = IssuedReward(10m);

        var clawBack = LedgerEntry.ClawBackOf(reward, "refund-7", 4m, _refundedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Pending));
            Assert.That(clawBack.Amount, Is.EqualTo(-4m));
            Assert.That(clawBack.Id, Is.Not.EqualTo(reward.Id));
            Assert.That(clawBack.BeneficiaryKey, Is.EqualTo(reward.BeneficiaryKey));
            Assert.That(clawBack.OrderId, Is.EqualTo(reward.OrderId));
            Assert.That(clawBack.TenantId, Is.EqualTo(reward.TenantId));
            Assert.That(clawBack.ReferralId, Is.EqualTo(reward.ReferralId));
            Assert.That(clawBack.Kind, Is.EqualTo(reward.Kind));
            Assert.That(clawBack.CreatedAt, Is.EqualTo(_refundedAt));
        }
    }

    [Test]
    public void ClawBackOf_LeavesTheRewardAsItWas_WhenWritten()
    {
        var reward = IssuedReward(10m);

        _ = LedgerEntry.ClawBackOf(reward, "refund-7", 4m, _refundedAt);

        Assert.That(reward.Amount, Is.EqualTo(10m));
        Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued));
    }

    [Test]
    public void ClawBackOf_Throws_WhenTheEntryIsNotAReward()
    {
        var clawBack = LedgerEntry.ClawBackOf(IssuedReward(), "refund-1", 2m, _refundedAt);

        Assert.That(() => LedgerEntry.ClawBackOf(clawBack, "refund-2", 1m, _refundedAt), Throws.ArgumentException);
    }

    [TestCase(0)]
    [TestCase(-2)]
    public void ClawBackOf_Throws_WhenTheAmountIsNotPositive(decimal amount) =>
        Assert.That(() => LedgerEntry.ClawBackOf(IssuedReward(), "refund-1", amount, _refundedAt), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void MarkIssued_RecordsTheCollection_WhenAPendingClawBackWasTakenBack()
    {
        var clawBack = LedgerEntry.ClawBackOf(IssuedReward(), "refund-1", 2m, _refundedAt);

        clawBack.MarkIssued("store-credit-debit-9", _refundedAt.AddMinutes(1));

        Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Issued));
        Assert.That(clawBack.ExternalRef, Is.EqualTo("store-credit-debit-9"));
    }

    [Test]
    public void MarkOutstanding_LeavesAPendingClawBackAsDebt_WhenTheIssuerCannotCollect()
    {
        var clawBack = LedgerEntry.ClawBackOf(IssuedReward(), "refund-1", 2m, _refundedAt);

        clawBack.MarkOutstanding("The credit was already spent.", _refundedAt.AddMinutes(1));

        Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Outstanding));
        Assert.That(clawBack.Note, Is.EqualTo("The credit was already spent."));
        Assert.That(clawBack.UpdatedAt, Is.EqualTo(_refundedAt.AddMinutes(1)));
    }

    [Test]
    public void MarkOutstanding_Throws_WhenTheClawBackWasSettled()
    {
        var clawBack = LedgerEntry.ClawBackOf(PendingReward(), "refund-1", 2m, _refundedAt);

        Assert.That(() => clawBack.MarkOutstanding("n/a", _refundedAt), Throws.TypeOf<InvalidLedgerTransitionException>());
    }

    [Test]
    public void MarkOutstanding_Throws_WhenTheEntryIsAReward()
    {
        var reward = PendingReward();

        Assert.That(() => reward.MarkOutstanding("n/a", _refundedAt), Throws.TypeOf<InvalidLedgerTransitionException>());
    }

    [Test]
    public void DebtOffsetOf_IsNegativeAndSettled_WhenWritten()
    {
        var reward = PendingReward(10m);

        var offset = LedgerEntry.DebtOffsetOf(reward, 3.5m, _approvedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(offset.Type, Is.EqualTo(LedgerEntryType.DebtOffset));
            Assert.That(offset.State, Is.EqualTo(LedgerEntryState.Settled));
            Assert.That(offset.Amount, Is.EqualTo(-3.5m));
            Assert.That(offset.RelatedEntryId, Is.EqualTo(reward.Id));
            Assert.That(offset.SourceEventId, Is.EqualTo(reward.Id.ToString("N")));
            Assert.That(offset.BeneficiaryKey, Is.EqualTo(reward.BeneficiaryKey));
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void DebtOffsetOf_Throws_WhenTheAmountIsNotPositive(decimal amount) =>
        Assert.That(() => LedgerEntry.DebtOffsetOf(PendingReward(), amount, _approvedAt), Throws.TypeOf<ArgumentOutOfRangeException>());

    [TestCase(Beneficiary.Advocate, "advocate:")]
    [TestCase(Beneficiary.Friend, "friend:")]
    public void KeyFor_NamesTheContact_WhenTheBeneficiaryIsAPerson(Beneficiary beneficiary, string prefix) =>
        Assert.That(LedgerEntry.KeyFor(beneficiary, AdvocateId, null), Is.EqualTo(prefix + "0b9e3c1d7a444d6e8f215e2c9b7a6d02"));

    [Test]
    public void KeyFor_NamesTheCause_WhenTheBeneficiaryIsACause() =>
        Assert.That(LedgerEntry.KeyFor(Beneficiary.Cause, null, "red-cross"), Is.EqualTo("cause:red-cross"));

    [TestCase(Beneficiary.Advocate)]
    [TestCase(Beneficiary.Friend)]
    public void KeyFor_Throws_WhenAPersonHasNoContactId(Beneficiary beneficiary) =>
        Assert.That(() => LedgerEntry.KeyFor(beneficiary, null, "red-cross"),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("contactId"));

    [Test]
    public void KeyFor_Throws_WhenACauseHasNoCauseId() =>
        Assert.That(() => LedgerEntry.KeyFor(Beneficiary.Cause, AdvocateId, null),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("causeId"));

    [Test]
    public void KeyFor_Throws_WhenTheBeneficiaryIsUnknown() =>
        Assert.That(() => LedgerEntry.KeyFor((Beneficiary)9, AdvocateId, "red-cross"), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void InvalidLedgerTransitionException_NamesBothStates_WhenThrown()
    {
        var exception = new InvalidLedgerTransitionException(LedgerEntryType.Reward, LedgerEntryState.Issued, LedgerEntryState.Voided);

        Assert.That(exception.Message, Does.Contain("Reward").And.Contain("Issued").And.Contain("Voided"));
        Assert.That(exception, Is.InstanceOf<InvalidOperationException>());
    }
}
