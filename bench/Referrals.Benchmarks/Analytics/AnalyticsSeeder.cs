using System.Diagnostics;
using Referrals.Benchmarks.Throughput;
using Referrals.Core;
using Referrals.Core.Asks;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.Benchmarks.Analytics;

/// <summary>
/// Fills a migrated database with one shop's two years of referral history, built with the entities' own methods and
/// written by <see cref="BulkWriter"/>. Deterministic for a given size (fixed random seed). Shape: one advocate per
/// 20 referrals; 60 % of referrals visited; 30 % converted (60 % of those rewarded once the 30-day hold is over),
/// 3 % rejected, 2 % under review, 20 % expired, the rest open; a fifth are deeper in a chain (depth 2-4). Each
/// conversion has its order and a 10 % advocate reward; the other orders are plain. 3 % of orders are cancelled and
/// 5 % half refunded (refunded referral orders have a settled claw-back). Asks: 80 % sent, 30 % of those answered.
/// </summary>
public static class AnalyticsSeeder
{
    /// <summary>The end of the seeded history; the benchmark's "now" (mid-month, so the goal pacing has a month in progress).</summary>
    public static readonly DateTimeOffset End = new(2026, 10, 20, 0, 0, 0, TimeSpan.Zero);

    public const int HistoryDays = 730;

    public const string TenantKey = "bench.myshopify.com";

    private const int Batch = 50_000;

    public static async Task<Guid> SeedAsync(ReferralsDbContext db, int referrals, int orders, int asks)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clock = Stopwatch.StartNew();
        var tenant = new Tenant(TenantKey, TenantKind.ShopifyShop, "Bench", End.AddDays(-HistoryDays)) { Settings = new ProgramSettings { MonthlyGoal = 500 } };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        var writer = new BulkWriter(db);
        var random = new Random(20261124);
        var advocates = Enumerable.Range(0, Math.Max(1, referrals / 20)).Select(_ => Guid.NewGuid()).ToArray();
        var referralOrders = 0;

        for (var first = 0; first < referrals; first += Batch)
        {
            var batch = new List<Referral>();
            var batchOrders = new List<Order>();
            var ledger = new List<LedgerEntry>();
            for (var i = first; i < Math.Min(referrals, first + Batch); i++)
            {
                var (referral, order, entries) = NewReferral(tenant.Id, advocates, random, i);
                batch.Add(referral);
                if (order is not null)
                {
                    batchOrders.Add(order);
                }

                ledger.AddRange(entries);
            }

            referralOrders += batchOrders.Count;
            await writer.WriteAsync(batch);
            await writer.WriteAsync(batchOrders);
            await writer.WriteAsync(ledger);
            Progress("referrals", Math.Min(referrals, first + Batch), referrals, clock);
        }

        var plain = Math.Max(0, orders - referralOrders);
        for (var first = 0; first < plain; first += Batch)
        {
            var batch = new List<Order>();
            for (var i = first; i < Math.Min(plain, first + Batch); i++)
            {
                var order = NewOrder(tenant.Id, "P" + i, 20m + random.Next(0, 18_000) / 100m, RandomTime(random), random);
                order.ContactId = Guid.NewGuid();
                batch.Add(order);
            }

            await writer.WriteAsync(batch);
            Progress("plain orders", Math.Min(plain, first + Batch), plain, clock);
        }

        for (var first = 0; first < asks; first += Batch)
        {
            var batch = new List<Ask>();
            for (var i = first; i < Math.Min(asks, first + Batch); i++)
            {
                batch.Add(NewAsk(tenant.Id, random, i));
            }

            await writer.WriteAsync(batch);
            Progress("asks", Math.Min(asks, first + Batch), asks, clock);
        }

        Console.WriteLine(Format.Invariant($"seeded {writer.Rows:N0} rows ({referrals:N0} referrals, {referralOrders + plain:N0} orders of which {referralOrders:N0} converting, {asks:N0} asks) in {clock.Elapsed.TotalSeconds:0.0} s"));
        return tenant.Id;
    }

    private static (Referral Referral, Order? Order, IEnumerable<LedgerEntry> Ledger) NewReferral(Guid tenant, Guid[] advocates, Random random, int i)
    {
        var advocate = advocates[random.Next(advocates.Length)];
        var created = RandomTime(random);
        var chain = random.NextDouble() < 0.8
            ? new ChainPosition(null, advocate, 1)
            : new ChainPosition(null, advocates[random.Next(Math.Max(1, advocates.Length / 10))], random.Next(2, 5));
        var referral = new Referral(tenant, advocate, ReferralSource.Link, chain, "EUR", created) { FriendContactId = Guid.NewGuid() };
        if (random.NextDouble() < 0.6)
        {
            referral.MarkVisited(Before(created.AddHours(random.Next(0, 48))));
        }

        var outcome = random.NextDouble();
        var at = (referral.VisitedAt ?? created).AddHours(random.Next(1, 240));
        if (outcome >= 0.35 || at >= End)
        {
            if (outcome is >= 0.35 and < 0.55 && created.AddDays(60) < End)
            {
                referral.Expire(created.AddDays(60));
            }

            return (referral, null, []);
        }

        var orderId = "R" + i;
        var total = 20m + random.Next(0, 18_000) / 100m;
        var order = NewOrder(tenant, orderId, total, at, random);
        order.ReferralId = referral.Id;
        order.ContactId = referral.FriendContactId;
        if (outcome < 0.30)
        {
            referral.Convert(orderId, new Money(total, "EUR"), "Code", flagged: false, null, at);
            var reward = LedgerEntry.PendingReward(tenant, orderId, Beneficiary.Advocate, advocate, null, referral.Id, RewardKind.StoreCredit,
                new Money(Math.Round(total / 10, 2), "EUR"), at.AddDays(30), at);
            var entries = new List<LedgerEntry> { reward };
            if (order.RefundedAmount > 0)
            {
                entries.Add(LedgerEntry.ClawBackOf(reward, "refund-" + i, Math.Round(reward.Amount / 2, 2), Before(at.AddDays(3))));
            }
            else if (at.AddDays(30) < End && random.NextDouble() < 0.6)
            {
                reward.Approve(at.AddDays(30));
                reward.MarkIssued("pay-" + i, at.AddDays(30));
                referral.MarkRewarded(at.AddDays(30));
            }

            return (referral, order, entries);
        }

        if (outcome < 0.33)
        {
            referral.RejectConversion(orderId, new Money(total, "EUR"), "Code", "Self-referral", at);
        }
        else
        {
            referral.Convert(orderId, new Money(total, "EUR"), "Code", flagged: true, "velocity", at);
        }

        return (referral, order, []);
    }

    private static Order NewOrder(Guid tenant, string id, decimal total, DateTimeOffset paid, Random random)
    {
        var order = new Order(tenant, id, "EUR", paid) { Total = total, PaidAt = paid, PlacedAt = paid };
        var fate = random.NextDouble();
        if (fate < 0.03)
        {
            order.CancelledAt = Before(paid.AddDays(1));
        }
        else if (fate < 0.08)
        {
            order.RefundedAmount = Math.Round(total / 2, 2);
        }

        return order;
    }

    private static Ask NewAsk(Guid tenant, Random random, int i)
    {
        var created = RandomTime(random);
        var ask = Ask.FromPlan(tenant, Guid.NewGuid(), AskTrigger.Purchase, "order-" + i, AskPlan.Schedule(created.AddDays(1), AskChannel.Email), created);
        var sent = created.AddHours(random.Next(1, 72));
        if (random.NextDouble() < 0.8 && sent < End)
        {
            ask.MarkSent(sent);
            var answered = sent.AddHours(random.Next(1, 96));
            if (random.NextDouble() < 0.3 && answered < End)
            {
                var band = random.NextDouble();
                ask.MarkAnswered(band < 0.5 ? random.Next(9, 11) : band < 0.75 ? random.Next(7, 9) : random.Next(0, 7), answered);
            }
        }

        return ask;
    }

    private static DateTimeOffset RandomTime(Random random) => End.AddTicks(-(long)(random.NextDouble() * TimeSpan.FromDays(HistoryDays).Ticks) - 1);

    private static DateTimeOffset Before(DateTimeOffset at) => at < End ? at : End.AddTicks(-1);

    private static void Progress(string what, int done, int total, Stopwatch clock)
    {
        if (done == total || done % 500_000 == 0)
        {
            Console.WriteLine(Format.Invariant($"  {what}: {done:N0} / {total:N0} at {clock.Elapsed.TotalSeconds:0.0} s"));
        }
    }
}
