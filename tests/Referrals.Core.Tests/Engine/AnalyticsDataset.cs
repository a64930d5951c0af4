using Referrals.Core.Asks;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// A small data set whose analytics figures are worked out by hand in <see cref="ReferralAnalyticsTests"/>. Rows are
/// built with the entities' own methods at chosen times and inserted directly. The period is
/// <see cref="From"/>–<see cref="To"/> (two weeks, 2–9 and 9–16 November 2026); a few rows sit just outside it.
/// </summary>
internal sealed class AnalyticsDataset
{
    public static readonly DateTimeOffset From = Day(2);
    public static readonly DateTimeOffset To = Day(16);

    public Guid X { get; } = Guid.NewGuid();
    public Guid Y { get; } = Guid.NewGuid();
    public Guid Z { get; } = Guid.NewGuid();
    public Guid W { get; } = Guid.NewGuid();

    /// <summary>The day of November 2026 at midnight UTC (0 = 31 October).</summary>
    public static DateTimeOffset Day(int day, int hour = 0) => new DateTimeOffset(2026, 11, 1, hour, 0, 0, TimeSpan.Zero).AddDays(day - 1);

    public async Task InsertAsync(ReferralsDbContext db, Guid tenant)
    {
        ArgumentNullException.ThrowIfNull(db);
        AddAsks(db, tenant);
        AddReferralsAndOrders(db, tenant);
        await db.SaveChangesAsync();
    }

    private static void AddAsks(ReferralsDbContext db, Guid tenant)
    {
        var n = 0;
        Ask Plan(DateTimeOffset created)
        {
            var ask = Ask.FromPlan(tenant, Guid.NewGuid(), AskTrigger.Purchase, $"order-{++n}", AskPlan.Schedule(created, AskChannel.Email), created);
            db.Asks.Add(ask);
            return ask;
        }

        void Answer(Ask ask, DateTimeOffset sent, DateTimeOffset answered, int score)
        {
            ask.MarkSent(sent);
            ask.MarkAnswered(score, answered);
        }

        Answer(Plan(Day(1, 12)), Day(3), Day(4), 10);        // A1: planned before the period; sent, answered (promoter) in week 1
        Answer(Plan(Day(3)), Day(3, 1), Day(10), 9);         // A2: planned, sent in week 1; answered (promoter) in week 2
        Answer(Plan(Day(4)), Day(10), Day(11), 7);           // A3: planned in week 1; sent, answered (passive) in week 2
        Answer(Plan(Day(10)), Day(10, 1), Day(12), 3);       // A4: week 2, detractor
        var skipped = Plan(Day(10, 2));                      // A5: week 2, skipped later
        skipped.MarkSkipped(AskSkipReason.NoConsent, Day(10, 3));
        Plan(Day(12));                                       // A6: week 2, still scheduled
        Answer(Plan(To), To, To.AddHours(1), 10);            // A7: at the period's end: outside

        // N1: an advocate-news e-mail planned and sent inside the period. It is not an ask for a referral, so no figure counts it.
        var news = Ask.FromPlan(tenant, Guid.NewGuid(), AskTrigger.AdvocateNews, "news-1", AskPlan.Schedule(Day(5), AskChannel.Email), Day(5));
        news.MarkSent(Day(5, 1));
        db.Asks.Add(news);
    }

    private void AddReferralsAndOrders(ReferralsDbContext db, Guid tenant)
    {
        Referral Start(Guid advocate, DateTimeOffset created, ChainPosition? chain = null, string currency = "EUR")
        {
            var referral = new Referral(tenant, advocate, ReferralSource.Link, chain ?? new ChainPosition(null, advocate, 1), currency, created);
            db.Referrals.Add(referral);
            return referral;
        }

        Order Paid(string id, decimal total, DateTimeOffset paid, Referral? referral = null, string currency = "EUR")
        {
            var order = new Order(tenant, id, currency, paid) { Total = total, PaidAt = paid, ReferralId = referral?.Id };
            db.Orders.Add(order);
            return order;
        }

        void Convert(Referral referral, string order, decimal total, DateTimeOffset at, bool flagged = false, string currency = "EUR")
        {
            referral.Convert(order, new Money(total, currency), "Code", flagged, flagged ? "velocity" : null, at);
            Paid(order, total, at, referral, currency);
        }

        var r1 = Start(X, Day(3));                                       // R1: X, week 1: visit, conversion 30 EUR
        r1.MarkVisited(Day(3, 1));
        Convert(r1, "O1", 30m, Day(4));
        var r2 = Start(X, Day(3, 2));                                    // R2: X, started week 1; visit, conversion 20 EUR in week 2; rewarded
        r2.MarkVisited(Day(10));
        Convert(r2, "O2", 20m, Day(10, 1));
        r2.MarkRewarded(Day(11));
        var r3 = Start(Y, Day(4), new ChainPosition(r1.Id, X, 2));       // R3: Y (R1's friend), week 1: visit only
        r3.MarkVisited(Day(5));
        var r4 = Start(Y, Day(10), new ChainPosition(r1.Id, X, 2));      // R4: Y, week 2: conversion 80 EUR
        Convert(r4, "O4", 80m, Day(11));
        var r5 = Start(Z, Day(10, 5));                                   // R5: Z, week 2: conversion 200 EUR flagged, under review
        Convert(r5, "O5", 200m, Day(11, 1), flagged: true);
        var r6 = Start(Z, Day(11));                                      // R6: Z, week 2: conversion 30 EUR rejected
        r6.RejectConversion("O6", new Money(30m, "EUR"), "Code", "Self-referral", Day(11, 2));
        Paid("O6", 30m, Day(11, 2), r6);
        var r7 = Start(Z, Day(0));                                       // R7: Z, started and visited before the period; conversion 90 EUR in week 2
        r7.MarkVisited(Day(0, 1));
        Convert(r7, "O7", 90m, Day(12));
        var r8 = Start(W, Day(12, 1));                                   // R8: W, started week 2; converts 40 EUR at the period's end: outside
        Convert(r8, "O8", 40m, To);
        Start(X, Day(13));                                               // R9: X, week 2: invited only
        var r10 = Start(Y, Day(5), new ChainPosition(r1.Id, X, 2), "USD"); // R10: Y, week 1: conversion 500 USD
        Convert(r10, "O10", 500m, Day(6), currency: "USD");

        db.Orders.Local.Single(o => o.ExternalId == "O2").RefundedAmount = 5m;
        db.Orders.Local.Single(o => o.ExternalId == "O7").CancelledAt = Day(13);
        Paid("P1", 100m, Day(3, 3)).RefundedAmount = 100m;               // plain orders: fully refunded,
        Paid("P2", 70m, Day(8));                                         // plain,
        Paid("P3", 60m, Day(1));                                         // before the period,
        db.Orders.Add(new Order(tenant, "P4", "EUR", Day(9)) { Total = 45m }); // never paid

        LedgerEntry Reward(Guid advocate, string order, Referral referral, decimal amount, DateTimeOffset at, string currency = "EUR")
        {
            var entry = LedgerEntry.PendingReward(tenant, order, Beneficiary.Advocate, advocate, null, referral.Id, RewardKind.StoreCredit,
                new Money(amount, currency), at.AddDays(30), at);
            db.Ledger.Add(entry);
            return entry;
        }

        Reward(X, "O1", r1, 3m, Day(4));                                 // L1: pending 3
        var l2 = Reward(X, "O2", r2, 2m, Day(10, 1));                    // L2: issued 2
        l2.Approve(Day(10, 2));
        l2.MarkIssued("pay-1", Day(10, 3));
        var l3 = LedgerEntry.ClawBackOf(l2, "refund-1", 1m, Day(12));    // L3: claw-back -1 after payout, not collected
        l3.MarkOutstanding("credit spent", Day(12, 1));
        db.Ledger.Add(l3);
        Reward(Y, "O4", r4, 8m, Day(11)).Void("order cancelled", Day(12)); // L4: voided 8
        var l5 = Reward(Z, "O7", r7, 9m, Day(12));                       // L5: pending 9,
        db.Ledger.Add(LedgerEntry.ClawBackOf(l5, "refund-7", 9m, Day(13))); // L6: clawed back before payout: settled -9
        Reward(X, "P3", r1, 100m, Day(0));                               // L7: before the period
        Reward(Y, "O10", r10, 50m, Day(6), "USD");                       // L8: pending 50 USD
    }
}
