using Referrals.Core.Attribution;
using Referrals.Core.Codes;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.Benchmarks;

/// <summary>
/// The order of /work/shared/fixtures/shopify/orders_paid.synthetic-referral.json (order #1001, 90.00 EUR) as the
/// engine sees it, plus the advocates its codes resolve to. Built in code so the benchmarks measure the rules,
/// not JSON parsing.
/// </summary>
internal static class SampleOrder
{
    /// <summary>The advocate whose friend code <c>FRIEND-7KQ2M9</c> was used at checkout.</summary>
    public static readonly Guid FriendCodeAdvocate = new("a1f0c6d2-5b7e-4c1a-9d3e-0f4b2a6c8e10");

    /// <summary>The advocate whose link code <c>ALICE123</c> is in the note attribute and the landing page.</summary>
    public static readonly Guid Alice = new("b2e1d7e3-6c8f-4d2b-8e4f-1a5c3b7d9f21");

    /// <summary>The referral recorded when the friend clicked Alice's link.</summary>
    public static readonly Guid AliceVisit = new("c3f2e8f4-7d90-4e3c-9f50-2b6d4c8e0a32");

    /// <summary>The referral recorded when Alice invited the friend by e-mail.</summary>
    public static readonly Guid AliceInvitation = new("d4030905-8ea1-4f4d-a061-3c7e5d9f1b43");

    public const string Currency = "EUR";

    public const decimal Total = 90.00m;

    public static OrderAttributionFacts Facts() => new()
    {
        OrderId = "gid://shopify/Order/820982911946154508",
        PlacedAt = FixedTimes.OrderPlaced,
        CustomerNormalizedEmail = "jane.referred@example.com",
        CustomerId = "gid://shopify/Customer/115310627314723954",
        PreviousOrderCount = 0,
        DiscountCodes = ["FRIEND-7KQ2M9"],
        NoteAttributes = [new KeyValuePair<string, string>("referral_code", "ALICE123")],
        LandingSite = "/?ref=ALICE123&utm_source=referral&utm_medium=share",
        LandingSiteRef = "ALICE123",
    };

    /// <summary>Code key → advocate, standing in for the database lookup by key.</summary>
    public static Dictionary<string, Guid> CodeDirectory() => new(StringComparer.Ordinal)
    {
        [ReferralCodeKey.Create("FRIEND-7KQ2M9")] = FriendCodeAdvocate,
        [ReferralCodeKey.Create("ALICE123")] = Alice,
    };

    /// <summary>The three candidates the order's three sightings resolve to, in sighting order.</summary>
    public static AttributionCandidate[] ThreeCandidates() =>
    [
        new(AttributionRule.DiscountCode, FriendCodeAdvocate, ReferralCodeKey.Create("FRIEND-7KQ2M9"), null, null),
        new(AttributionRule.NoteAttribute, Alice, ReferralCodeKey.Create("ALICE123"), AliceVisit, FixedTimes.LinkClicked),
        new(AttributionRule.LandingSiteRef, Alice, ReferralCodeKey.Create("ALICE123"), AliceVisit, FixedTimes.LinkClicked),
    ];

    /// <summary>
    /// One candidate for each of the four rules, given weakest first so the engine has to sort them; the
    /// invitation was sent 20 days before the order, inside the 30-day window.
    /// </summary>
    public static AttributionCandidate[] FourRules() =>
    [
        new(AttributionRule.InvitedEmail, Alice, null, AliceInvitation, FixedTimes.OrderPlaced.AddDays(-20)),
        new(AttributionRule.LandingSiteRef, Alice, ReferralCodeKey.Create("ALICE123"), AliceVisit, FixedTimes.LinkClicked),
        new(AttributionRule.NoteAttribute, Alice, ReferralCodeKey.Create("ALICE123"), AliceVisit, FixedTimes.LinkClicked),
        new(AttributionRule.DiscountCode, FriendCodeAdvocate, ReferralCodeKey.Create("FRIEND-7KQ2M9"), null, null),
    ];

    /// <summary>
    /// A double-sided program with a charity share: the advocate earns 10 % of the order (at least 10, at most
    /// 25) of which 20 % goes to the cause they picked, and the friend earns a fixed 5.
    /// </summary>
    public static ProgramSettings ProgramWithCharityAndFriendReward() => new()
    {
        Currency = Currency,
        AdvocateReward = new RewardRule { Kind = RewardKind.StoreCredit, FixedAmount = 10m, PercentOfOrder = 10m, MaximumAmount = 25m },
        FriendReward = new RewardRule { Kind = RewardKind.DiscountCode, FixedAmount = 5m },
        CharitySharePercent = 20m,
        Causes =
        [
            new Cause { Id = "red-cross", Name = "Red Cross" },
            new Cause { Id = "wwf", Name = "WWF" },
        ],
    };
}
