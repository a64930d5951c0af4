using Referrals.Core.Attribution;

namespace Referrals.Core.Tests.Attribution;

public sealed class AttributionEngineTests
{
    private static readonly DateTimeOffset PlacedAt = new(2026, 11, 20, 15, 15, 0, TimeSpan.Zero);
    private static readonly Guid Alice = new("a11ce000-0000-0000-0000-000000000001");
    private static readonly Guid Bob = new("b0b00000-0000-0000-0000-000000000002");
    private static readonly AttributionPolicy DefaultPolicy = new();

    private static OrderAttributionFacts Order(int previousOrders = 0) => new()
    {
        OrderId = "gid://shopify/Order/1001",
        PlacedAt = PlacedAt,
        PreviousOrderCount = previousOrders,
    };

    private static AttributionCandidate Candidate(AttributionRule rule, Guid advocate, DateTimeOffset? touchedAt = null) =>
        new(rule, advocate, rule == AttributionRule.InvitedEmail ? null : "ALICE123", Guid.NewGuid(), touchedAt);

    [TestCase(AttributionRule.DiscountCode)]
    [TestCase(AttributionRule.NoteAttribute)]
    [TestCase(AttributionRule.LandingSiteRef)]
    [TestCase(AttributionRule.InvitedEmail)]
    public void Decide_AttributesToTheOnlyCandidate_WhenOneRuleMatches(AttributionRule rule)
    {
        var candidate = Candidate(rule, Alice, PlacedAt.AddDays(-1));

        var decision = AttributionEngine.Decide(Order(), [candidate], DefaultPolicy);

        Assert.That(decision.Attributed, Is.True);
        Assert.That(decision.Outcome, Is.EqualTo(AttributionOutcome.Attributed));
        Assert.That(decision.Rule, Is.EqualTo(rule));
        Assert.That(decision.Winner, Is.SameAs(candidate));
        Assert.That(decision.OtherMatches, Is.Empty);
        Assert.That(decision.HasConflictingAdvocates, Is.False);
    }

    [Test]
    public void Decide_PrefersDiscountCode_WhenNoteAttributeNamesAnotherAdvocate()
    {
        var note = Candidate(AttributionRule.NoteAttribute, Bob);
        var discount = Candidate(AttributionRule.DiscountCode, Alice);

        var decision = AttributionEngine.Decide(Order(), [note, discount], DefaultPolicy);

        Assert.That(decision.Rule, Is.EqualTo(AttributionRule.DiscountCode));
        Assert.That(decision.Winner, Is.SameAs(discount));
        Assert.That(decision.OtherMatches, Is.EqualTo(new[] { note }));
        Assert.That(decision.HasConflictingAdvocates, Is.True);
    }

    [Test]
    public void Decide_FollowsRulePriority_WhenAllFourRulesMatchListedInReverse()
    {
        var invited = Candidate(AttributionRule.InvitedEmail, Alice, PlacedAt.AddDays(-3));
        var landing = Candidate(AttributionRule.LandingSiteRef, Alice, PlacedAt.AddDays(-2));
        var note = Candidate(AttributionRule.NoteAttribute, Alice, PlacedAt.AddDays(-2));
        var discount = Candidate(AttributionRule.DiscountCode, Alice);

        var decision = AttributionEngine.Decide(Order(), [invited, landing, note, discount], DefaultPolicy);

        Assert.That(decision.Winner, Is.SameAs(discount));
        Assert.That(decision.OtherMatches, Is.EqualTo(new[] { note, landing, invited }));
    }

    [Test]
    public void Decide_DoesNotFlagConflict_WhenEveryMatchNamesTheSameAdvocate()
    {
        AttributionCandidate[] candidates =
        [
            Candidate(AttributionRule.DiscountCode, Alice),
            Candidate(AttributionRule.NoteAttribute, Alice),
            Candidate(AttributionRule.LandingSiteRef, Alice),
            Candidate(AttributionRule.InvitedEmail, Alice),
        ];

        var decision = AttributionEngine.Decide(Order(), candidates, DefaultPolicy);

        Assert.That(decision.OtherMatches, Has.Count.EqualTo(3));
        Assert.That(decision.HasConflictingAdvocates, Is.False);
    }

    [Test]
    public void Decide_FlagsConflict_WhenALowerRuleNamesAnotherAdvocate()
    {
        AttributionCandidate[] candidates =
        [
            Candidate(AttributionRule.DiscountCode, Alice),
            Candidate(AttributionRule.NoteAttribute, Alice),
            Candidate(AttributionRule.InvitedEmail, Bob),
        ];

        var decision = AttributionEngine.Decide(Order(), candidates, DefaultPolicy);

        Assert.That(decision.Winner!.AdvocateContactId, Is.EqualTo(Alice));
        Assert.That(decision.HasConflictingAdvocates, Is.True);
    }

    [Test]
    public void Decide_KeepsListOrder_WhenTwoCandidatesShareARule()
    {
        var first = Candidate(AttributionRule.DiscountCode, Bob);
        var second = Candidate(AttributionRule.DiscountCode, Alice);

        var decision = AttributionEngine.Decide(Order(), [first, second], DefaultPolicy);

        Assert.That(decision.Winner, Is.SameAs(first));
        Assert.That(decision.OtherMatches, Is.EqualTo(new[] { second }));
        Assert.That(decision.HasConflictingAdvocates, Is.True);
    }

    [Test]
    public void Decide_FallsBackToTheNextValidRule_WhenTheHigherRuleIsOutOfWindow()
    {
        var staleDiscount = Candidate(AttributionRule.DiscountCode, Bob, PlacedAt.AddDays(-31));
        var note = Candidate(AttributionRule.NoteAttribute, Alice, PlacedAt.AddDays(-2));

        var decision = AttributionEngine.Decide(Order(), [staleDiscount, note], DefaultPolicy);

        Assert.That(decision.Rule, Is.EqualTo(AttributionRule.NoteAttribute));
        Assert.That(decision.Winner, Is.SameAs(note));
        Assert.That(decision.OtherMatches, Is.Empty, "an expired candidate is not a match");
        Assert.That(decision.HasConflictingAdvocates, Is.False);
    }

    [Test]
    public void Decide_ReturnsWindowExpired_WhenEveryCandidateIsOutOfWindow()
    {
        AttributionCandidate[] candidates =
        [
            Candidate(AttributionRule.DiscountCode, Alice, PlacedAt.AddDays(-31)),
            Candidate(AttributionRule.InvitedEmail, Bob, PlacedAt.AddDays(-90)),
        ];

        var decision = AttributionEngine.Decide(Order(), candidates, DefaultPolicy);

        Assert.That(decision.Attributed, Is.False);
        Assert.That(decision.Outcome, Is.EqualTo(AttributionOutcome.WindowExpired));
        Assert.That(decision.Winner, Is.Null);
        Assert.That(decision.Rule, Is.Null);
        Assert.That(decision.OtherMatches, Is.Empty);
        Assert.That(decision.HasConflictingAdvocates, Is.False);
    }

    [Test]
    public void Decide_Attributes_WhenOrderIsPlacedExactlyAtTheEndOfTheWindow()
    {
        var candidate = Candidate(AttributionRule.LandingSiteRef, Alice, PlacedAt - AttributionPolicy.DefaultAttributionWindow);

        var decision = AttributionEngine.Decide(Order(), [candidate], DefaultPolicy);

        Assert.That(decision.Winner, Is.SameAs(candidate));
    }

    [Test]
    public void Decide_ReturnsWindowExpired_WhenOrderIsPlacedOneTickAfterTheWindow()
    {
        var candidate = Candidate(AttributionRule.LandingSiteRef, Alice, PlacedAt - AttributionPolicy.DefaultAttributionWindow - TimeSpan.FromTicks(1));

        var decision = AttributionEngine.Decide(Order(), [candidate], DefaultPolicy);

        Assert.That(decision.Outcome, Is.EqualTo(AttributionOutcome.WindowExpired));
    }

    [Test]
    public void Decide_UsesThePolicyWindow_WhenItIsShorterThanTheDefault()
    {
        var policy = new AttributionPolicy { AttributionWindow = TimeSpan.FromDays(7) };
        var candidate = Candidate(AttributionRule.DiscountCode, Alice, PlacedAt.AddDays(-8));

        var decision = AttributionEngine.Decide(Order(), [candidate], policy);

        Assert.That(decision.Outcome, Is.EqualTo(AttributionOutcome.WindowExpired));
    }

    [Test]
    public void Decide_TreatsCandidateAsInWindow_WhenTouchTimeIsUnknown()
    {
        var candidate = Candidate(AttributionRule.DiscountCode, Alice, touchedAt: null);

        var decision = AttributionEngine.Decide(Order(), [candidate], DefaultPolicy);

        Assert.That(decision.Winner, Is.SameAs(candidate));
    }

    [Test]
    public void Decide_Attributes_WhenTouchIsWithinClockSkewAfterTheOrder()
    {
        var candidate = Candidate(AttributionRule.LandingSiteRef, Alice, PlacedAt + AttributionPolicy.ClockSkewTolerance);

        var decision = AttributionEngine.Decide(Order(), [candidate], DefaultPolicy);

        Assert.That(decision.Winner, Is.SameAs(candidate));
    }

    [Test]
    public void Decide_ReturnsWindowExpired_WhenTouchIsMoreThanClockSkewAfterTheOrder()
    {
        var candidate = Candidate(AttributionRule.LandingSiteRef, Alice, PlacedAt + AttributionPolicy.ClockSkewTolerance + TimeSpan.FromTicks(1));

        var decision = AttributionEngine.Decide(Order(), [candidate], DefaultPolicy);

        Assert.That(decision.Outcome, Is.EqualTo(AttributionOutcome.WindowExpired));
    }

    [Test]
    public void Decide_ReturnsNotFirstOrder_WhenFirstOrderOnlyAndBuyerOrderedBefore()
    {
        var candidate = Candidate(AttributionRule.DiscountCode, Alice);

        var decision = AttributionEngine.Decide(Order(previousOrders: 1), [candidate], DefaultPolicy);

        Assert.That(decision.Attributed, Is.False);
        Assert.That(decision.Outcome, Is.EqualTo(AttributionOutcome.NotFirstOrder));
        Assert.That(decision.Winner, Is.Null);
    }

    [Test]
    public void Decide_AttributesRepeatOrder_WhenFirstOrderOnlyIsOff()
    {
        var candidate = Candidate(AttributionRule.DiscountCode, Alice);
        var policy = new AttributionPolicy { FirstOrderOnly = false };

        var decision = AttributionEngine.Decide(Order(previousOrders: 1), [candidate], policy);

        Assert.That(decision.Winner, Is.SameAs(candidate));
    }

    [Test]
    public void Decide_ReturnsNoMatch_WhenThereAreNoCandidates()
    {
        var decision = AttributionEngine.Decide(Order(), [], DefaultPolicy);

        Assert.That(decision.Outcome, Is.EqualTo(AttributionOutcome.NoMatch));
        Assert.That(decision.Attributed, Is.False);
        Assert.That(decision.OtherMatches, Is.Empty);
    }

    [Test]
    public void Decide_Throws_WhenACandidateHasAnUndefinedRule()
    {
        var candidate = Candidate((AttributionRule)42, Alice);

        Assert.That(
            () => AttributionEngine.Decide(Order(), [candidate], DefaultPolicy),
            Throws.ArgumentException.With.Message.Contains("undefined attribution rule"));
    }

    [Test]
    public void Decide_Throws_WhenACandidateIsNull()
    {
        Assert.That(
            () => AttributionEngine.Decide(Order(), [null!], DefaultPolicy),
            Throws.ArgumentException.With.Message.Contains("Candidate 0 is null"));
    }

    [Test]
    public void Decide_Throws_WhenAnArgumentIsNull()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => AttributionEngine.Decide(null!, [], DefaultPolicy), Throws.ArgumentNullException);
            Assert.That(() => AttributionEngine.Decide(Order(), null!, DefaultPolicy), Throws.ArgumentNullException);
            Assert.That(() => AttributionEngine.Decide(Order(), [], null!), Throws.ArgumentNullException);
        });
    }
}
