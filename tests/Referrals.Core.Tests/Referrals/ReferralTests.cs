using Referrals.Core.Referrals;

namespace Referrals.Core.Tests.Referrals;

public sealed class ReferralTests
{
    private static readonly Guid _tenantId = new("11111111-2222-4333-8444-555555555501");
    private static readonly Guid _advocateId = new("a0000000-0000-4000-8000-00000000000a");
    private static readonly DateTimeOffset _createdAt = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _visitedAt = _createdAt.AddHours(2);
    private static readonly DateTimeOffset _convertedAt = _createdAt.AddDays(3);
    private static readonly DateTimeOffset _decidedAt = _createdAt.AddDays(4);
    private static readonly Money _revenue = new(89.95m, "EUR");

    private static Referral Invited() =>
        new(_tenantId, _advocateId, ReferralSource.Named, ChainPosition.For(_advocateId, null), "EUR", _createdAt);

    private static Referral InState(ReferralState state)
    {
        var referral = Invited();
        switch (state)
        {
            case ReferralState.Invited:
                break;
            case ReferralState.Visited:
                referral.MarkVisited(_visitedAt);
                break;
            case ReferralState.Converted:
                referral.Convert("order-1", _revenue, "LandingSiteRef", flagged: false, null, _convertedAt);
                break;
            case ReferralState.UnderReview:
                referral.Convert("order-1", _revenue, "LandingSiteRef", flagged: true, "SharedAddress", _convertedAt);
                break;
            case ReferralState.Rewarded:
                referral.Convert("order-1", _revenue, "LandingSiteRef", flagged: false, null, _convertedAt);
                referral.MarkRewarded(_decidedAt);
                break;
            case ReferralState.Rejected:
                referral.Reject("Self-referral: SameEmail", _convertedAt);
                break;
            case ReferralState.Expired:
                referral.Expire(_decidedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }

        Assert.That(referral.State, Is.EqualTo(state), "test set-up");
        return referral;
    }

    [Test]
    public void Constructor_StartsAnOpenInvitedReferral_WithItsChainPosition()
    {
        var parent = Invited();
        var chain = ChainPosition.For(_advocateId, parent);

        var referral = new Referral(_tenantId, _advocateId, ReferralSource.Code, chain, "DKK", _createdAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(referral.State, Is.EqualTo(ReferralState.Invited));
            Assert.That(referral.IsOpen, Is.True);
            Assert.That(referral.Source, Is.EqualTo(ReferralSource.Code));
            Assert.That(referral.Currency, Is.EqualTo("DKK"));
            Assert.That(referral.ParentReferralId, Is.EqualTo(parent.Id));
            Assert.That(referral.RootAdvocateContactId, Is.EqualTo(_advocateId));
            Assert.That(referral.Depth, Is.EqualTo(2));
            Assert.That(referral.CreatedAt, Is.EqualTo(_createdAt));
            Assert.That(referral.UpdatedAt, Is.EqualTo(_createdAt));
            Assert.That(referral.ConvertingOrderId, Is.Null);
        }
    }

    [Test]
    public void TouchedAt_IsWhenItWasCreated_WhenTheFriendHasNotVisited() =>
        Assert.That(Invited().TouchedAt, Is.EqualTo(_createdAt));

    [Test]
    public void TouchedAt_IsTheFirstVisit_WhenTheFriendVisited() =>
        Assert.That(InState(ReferralState.Visited).TouchedAt, Is.EqualTo(_visitedAt));

    [Test]
    public void MarkVisited_RecordsTheFirstVisit_WhenInvited()
    {
        var referral = Invited();

        referral.MarkVisited(_visitedAt);

        Assert.That(referral.State, Is.EqualTo(ReferralState.Visited));
        Assert.That(referral.VisitedAt, Is.EqualTo(_visitedAt));
        Assert.That(referral.UpdatedAt, Is.EqualTo(_visitedAt));
        Assert.That(referral.IsOpen, Is.True);
    }

    [Test]
    public void MarkVisited_KeepsTheFirstTime_WhenTheFriendVisitsAgain()
    {
        var referral = InState(ReferralState.Visited);

        referral.MarkVisited(_visitedAt.AddDays(1));

        Assert.That(referral.VisitedAt, Is.EqualTo(_visitedAt));
        Assert.That(referral.TouchedAt, Is.EqualTo(_visitedAt));
        Assert.That(referral.UpdatedAt, Is.EqualTo(_visitedAt));
    }

    [Test]
    public void MarkVisited_ChangesNothing_WhenTheReferralAlreadyConverted()
    {
        var referral = InState(ReferralState.Converted);

        referral.MarkVisited(_decidedAt);

        Assert.That(referral.State, Is.EqualTo(ReferralState.Converted));
        Assert.That(referral.VisitedAt, Is.Null);
    }

    [TestCase(ReferralState.Invited)]
    [TestCase(ReferralState.Visited)]
    public void Convert_RecordsTheOrder_WhenTheReferralIsOpenAndNotFlagged(ReferralState state)
    {
        var referral = InState(state);

        referral.Convert("order-7", _revenue, "DiscountCode", flagged: false, null, _convertedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(referral.State, Is.EqualTo(ReferralState.Converted));
            Assert.That(referral.ConvertingOrderId, Is.EqualTo("order-7"));
            Assert.That(referral.Revenue, Is.EqualTo(89.95m));
            Assert.That(referral.Currency, Is.EqualTo("EUR"));
            Assert.That(referral.AttributionRule, Is.EqualTo("DiscountCode"));
            Assert.That(referral.ConvertedAt, Is.EqualTo(_convertedAt));
            Assert.That(referral.UpdatedAt, Is.EqualTo(_convertedAt));
            Assert.That(referral.Reason, Is.Null);
            Assert.That(referral.IsOpen, Is.False);
        }
    }

    [Test]
    public void Convert_TakesTheOrdersCurrency_WhenItDiffersFromTheReferrals()
    {
        var referral = Invited();

        referral.Convert("order-7", new Money(500m, "SEK"), "DiscountCode", flagged: false, null, _convertedAt);

        Assert.That(referral.Currency, Is.EqualTo("SEK"));
    }

    [Test]
    public void Convert_SendsTheReferralToReviewWithTheReasons_WhenFlagged()
    {
        var referral = Invited();

        referral.Convert("order-7", _revenue, "DiscountCode", flagged: true, "SharedAddress, Velocity", _convertedAt);

        Assert.That(referral.State, Is.EqualTo(ReferralState.UnderReview));
        Assert.That(referral.Reason, Is.EqualTo("SharedAddress, Velocity"));
        Assert.That(referral.ConvertingOrderId, Is.EqualTo("order-7"));
        Assert.That(referral.IsOpen, Is.False);
    }

    [TestCase(ReferralState.Converted)]
    [TestCase(ReferralState.UnderReview)]
    [TestCase(ReferralState.Rewarded)]
    [TestCase(ReferralState.Rejected)]
    [TestCase(ReferralState.Expired)]
    public void Convert_ThrowsAndKeepsTheFirstOrder_WhenTheReferralIsNotOpen(ReferralState state)
    {
        var referral = InState(state);
        var orderBefore = referral.ConvertingOrderId;

        Assert.That(() => referral.Convert("order-2", _revenue, "DiscountCode", flagged: false, null, _decidedAt),
            Throws.InvalidOperationException.With.Message.Contain(state.ToString()));
        Assert.That(referral.State, Is.EqualTo(state));
        Assert.That(referral.ConvertingOrderId, Is.EqualTo(orderBefore));
    }

    [Test]
    public void Approve_ConvertsAFlaggedReferral_WhenAReviewerAccepts()
    {
        var referral = InState(ReferralState.UnderReview);

        referral.Approve(_decidedAt);

        Assert.That(referral.State, Is.EqualTo(ReferralState.Converted));
        Assert.That(referral.UpdatedAt, Is.EqualTo(_decidedAt));
        Assert.That(referral.ConvertingOrderId, Is.EqualTo("order-1"));
    }

    [TestCase(ReferralState.Invited)]
    [TestCase(ReferralState.Visited)]
    [TestCase(ReferralState.Converted)]
    [TestCase(ReferralState.Rewarded)]
    [TestCase(ReferralState.Rejected)]
    [TestCase(ReferralState.Expired)]
    public void Approve_ChangesNothing_WhenTheReferralIsNotUnderReview(ReferralState state)
    {
        var referral = InState(state);
        var updatedBefore = referral.UpdatedAt;

        referral.Approve(_decidedAt.AddDays(1));

        Assert.That(referral.State, Is.EqualTo(state));
        Assert.That(referral.UpdatedAt, Is.EqualTo(updatedBefore));
    }

    [Test]
    public void Reject_TurnsTheReferralDownWithTheReason_WhenUnderReview()
    {
        var referral = InState(ReferralState.UnderReview);

        referral.Reject("Reviewer: same household buying for itself", _decidedAt);

        Assert.That(referral.State, Is.EqualTo(ReferralState.Rejected));
        Assert.That(referral.Reason, Is.EqualTo("Reviewer: same household buying for itself"));
        Assert.That(referral.UpdatedAt, Is.EqualTo(_decidedAt));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Reject_ThrowsAndChangesNothing_WhenTheReasonIsBlank(string reason)
    {
        var referral = InState(ReferralState.UnderReview);

        Assert.That(() => referral.Reject(reason, _decidedAt), Throws.ArgumentException);
        Assert.That(referral.State, Is.EqualTo(ReferralState.UnderReview));
    }

    [Test]
    public void Reject_Throws_WhenTheReasonIsNull() =>
        Assert.That(() => Invited().Reject(null!, _decidedAt), Throws.ArgumentNullException);

    [Test]
    public void RejectConversion_KeepsTheOrderForTheAuditTrail_WhenTheConversionIsRejected()
    {
        var referral = InState(ReferralState.Visited);

        referral.RejectConversion("order-9", _revenue, "LandingSiteRef", "Self-referral: SameEmail", _convertedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(referral.State, Is.EqualTo(ReferralState.Rejected));
            Assert.That(referral.Reason, Is.EqualTo("Self-referral: SameEmail"));
            Assert.That(referral.ConvertingOrderId, Is.EqualTo("order-9"));
            Assert.That(referral.Revenue, Is.EqualTo(89.95m));
            Assert.That(referral.Currency, Is.EqualTo("EUR"));
            Assert.That(referral.AttributionRule, Is.EqualTo("LandingSiteRef"));
            Assert.That(referral.ConvertedAt, Is.Null);
            Assert.That(referral.IsOpen, Is.False);
        }
    }

    [Test]
    public void RejectConversion_ThrowsAndLeavesTheReferralUnchanged_WhenTheReasonIsBlank()
    {
        var referral = InState(ReferralState.Visited);

        Assert.That(() => referral.RejectConversion("order-9", _revenue, "LandingSiteRef", " ", _convertedAt), Throws.ArgumentException);
        Assert.That(referral.State, Is.EqualTo(ReferralState.Visited));
        Assert.That(referral.ConvertingOrderId, Is.Null, "a refused call must not leave the order recorded on an open referral");
        Assert.That(referral.AttributionRule, Is.Null);
    }

    [TestCase(ReferralState.Converted)]
    [TestCase(ReferralState.Rewarded)]
    public void RejectConversion_ThrowsAndKeepsTheConvertingOrder_WhenTheReferralAlreadyConverted(ReferralState state)
    {
        var referral = InState(state);

        Assert.That(() => referral.RejectConversion("order-2", _revenue, "DiscountCode", "Self-referral: SameEmail", _decidedAt),
            Throws.InvalidOperationException);
        Assert.That(referral.State, Is.EqualTo(state));
        Assert.That(referral.ConvertingOrderId, Is.EqualTo("order-1"));
    }

    [Test]
    public void MarkRewarded_RecordsTheReward_WhenConverted()
    {
        var referral = InState(ReferralState.Converted);

        referral.MarkRewarded(_decidedAt);

        Assert.That(referral.State, Is.EqualTo(ReferralState.Rewarded));
        Assert.That(referral.RewardedAt, Is.EqualTo(_decidedAt));
        Assert.That(referral.UpdatedAt, Is.EqualTo(_decidedAt));
    }

    [TestCase(ReferralState.Invited)]
    [TestCase(ReferralState.Visited)]
    [TestCase(ReferralState.UnderReview)]
    [TestCase(ReferralState.Rejected)]
    [TestCase(ReferralState.Expired)]
    public void MarkRewarded_ChangesNothing_WhenTheReferralIsNotConverted(ReferralState state)
    {
        var referral = InState(state);

        referral.MarkRewarded(_decidedAt.AddDays(1));

        Assert.That(referral.State, Is.EqualTo(state));
        Assert.That(referral.RewardedAt, Is.Null);
    }

    [Test]
    public void MarkRewarded_KeepsTheFirstTime_WhenCalledAgain()
    {
        var referral = InState(ReferralState.Rewarded);

        referral.MarkRewarded(_decidedAt.AddDays(1));

        Assert.That(referral.RewardedAt, Is.EqualTo(_decidedAt));
    }

    [TestCase(ReferralState.Invited)]
    [TestCase(ReferralState.Visited)]
    public void Expire_ClosesTheReferral_WhenItIsStillOpen(ReferralState state)
    {
        var referral = InState(state);

        referral.Expire(_decidedAt.AddDays(30));

        Assert.That(referral.State, Is.EqualTo(ReferralState.Expired));
        Assert.That(referral.UpdatedAt, Is.EqualTo(_decidedAt.AddDays(30)));
        Assert.That(referral.IsOpen, Is.False);
    }

    [TestCase(ReferralState.Converted)]
    [TestCase(ReferralState.UnderReview)]
    [TestCase(ReferralState.Rewarded)]
    [TestCase(ReferralState.Rejected)]
    public void Expire_ChangesNothing_WhenTheReferralIsNotOpen(ReferralState state)
    {
        var referral = InState(state);

        referral.Expire(_decidedAt.AddDays(30));

        Assert.That(referral.State, Is.EqualTo(state));
    }
}
