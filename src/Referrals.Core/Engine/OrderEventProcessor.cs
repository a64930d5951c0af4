using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referrals.Core.Asks;
using Referrals.Core.Attribution;
using Referrals.Core.Contacts;
using Referrals.Core.Fraud;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Review;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Turns order events into referral effects: attribution, fraud checks, conversion, pending rewards, claw-backs, and
/// the buyer's purchase and fulfilment asks. Payments, fulfilments, refunds and cancellations may arrive in any order and more than once; the end state is the same as for
/// one ordered delivery, because fulfilments, refunds and cancellations seen before the payment are recorded and applied when it comes.
/// Each call runs in the caller's transaction, or in its own.
/// </summary>
public sealed class OrderEventProcessor
{
    private readonly ContactDirectory _contacts;
    private readonly RewardLedger _ledger;
    private readonly AskScheduler _asks;
    private readonly StaffTasks _tasks;
    private readonly BestCustomerScoringOptions _scoring;
    private readonly TimeProvider _clock;

    /// <summary>Creates the processor.</summary>
    public OrderEventProcessor(ContactDirectory contacts, RewardLedger ledger, AskScheduler asks, StaffTasks tasks, IOptions<BestCustomerScoringOptions> scoring, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        _contacts = contacts;
        _ledger = ledger;
        _asks = asks;
        _tasks = tasks;
        _scoring = scoring.Value;
        _clock = clock;
    }

    /// <summary>Records a paid order and converts the referral it carries, if any.</summary>
    /// <exception cref="ArgumentException">The order has no id or a non-positive total currency code.</exception>
    public async Task<OrderOutcome> ProcessPaidAsync(ReferralsDbContext db, Tenant tenant, PaidOrder paid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(paid);
        ArgumentException.ThrowIfNullOrWhiteSpace(paid.OrderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(paid.Total.Currency);
        if (tenant.State != TenantState.Active)
        {
            return OrderOutcome.TenantInactive;
        }

        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        var now = _clock.GetUtcNow();
        var order = await FindOrderAsync(db, tenant.Id, paid.OrderId, cancellationToken);
        if (order?.PaidAt is not null)
        {
            return OrderOutcome.AlreadyProcessed;
        }

        // No stub: nothing about this order came before (a refund, cancellation or fulfilment would have made one).
        var firstEvent = order is null;
        if (order is null)
        {
            order = new Order(tenant.Id, paid.OrderId, paid.Total.Currency, now);
            db.Orders.Add(order);
        }

        order.Name = paid.Name;
        order.Total = paid.Total.Amount;
        order.Currency = paid.Total.Currency;
        order.PlacedAt = paid.PlacedAt;
        order.PaidAt = paid.PaidAt ?? paid.PlacedAt;

        var buyer = await _contacts.UpsertAsync(db, tenant.Id, paid.Customer, ContactKind.Client, cancellationToken);
        var newBuyer = ChangeTrackerEntries.IsAdded(db, buyer);
        var previousOrders = Math.Max(buyer.OrdersCount, paid.PreviousOrderCount ?? 0);
        RecordPurchase(buyer, paid, order.PaidAt.Value);
        order.ContactId = buyer.Id;

        // Not saved yet: nothing until the ledger reads the new order, contact or referral back from the database, so
        // they go in with its save (or the asks', or the last one): one SaveChanges instead of three. On the order's first
        // event nothing reads even the rewards back (no waiting refund, no cancellation), so they wait for the last save too.
        var (outcome, advocatesOtherReferralsMade) = await AttributeAsync(db, tenant, order, paid, buyer, previousOrders, saveRewards: !firstEvent, now, cancellationToken);

        // Refunds and a cancellation that arrived before the payment take effect now, as if they had come after it.
        if (!firstEvent)
        {
            await ApplyWaitingRefundsAsync(db, order, buyer, cancellationToken);
        }

        if (order.CancelledAt is not null)
        {
            await UndoConversionAsync(db, order, "The order was cancelled.", now, cancellationToken);
        }

        // A contact created by this order has made no referrals: its count is 0 without asking.
        var converted = outcome.ReferralId is { } convertedId ? await db.Referrals.FindAsync([convertedId], cancellationToken) : null;
        await RescoreAsync(db, buyer, newBuyer ? 0 : null, converted, tenant.Settings.Currency, now, cancellationToken);
        if (converted is not null
            && await db.Contacts.FindAsync([converted.AdvocateContactId], cancellationToken) is { } advocate && advocate.Id != buyer.Id)
        {
            // The advocate's stored referrals were counted with the velocity: only the converted one is added here.
            var made = advocatesOtherReferralsMade is { } others ? ReferralsMade(others, advocate, converted) : (int?)null;
            await RescoreAsync(db, advocate, made, converted, tenant.Settings.Currency, now, cancellationToken);
        }

        // The buyer's own post-purchase ask, per the timeline (scheduled, or skipped with the reason).
        if (order.CancelledAt is null)
        {
            // Saved with the rest below, unless the fulfilment ask reads it back from the database first.
            await _asks.ScheduleAsync(db, tenant, buyer.Id, AskTrigger.Purchase, order.ExternalId, order.PaidAt.Value,
                save: order.FulfilledAt is not null, contactAddedHere: newBuyer, cancellationToken);
        }

        // A fulfilment reported before the payment plans its ask now, as if it had come after it.
        await FulfilmentAsks.PlanAsync(db, _asks, tenant, order, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>Records a refund and takes back the matching share of the order's rewards. A repeated refund id changes nothing.</summary>
    public async Task ProcessRefundAsync(ReferralsDbContext db, Tenant tenant, OrderRefunded refund, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(refund);
        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        var now = _clock.GetUtcNow();
        var order = await FindOrCreateStubAsync(db, tenant.Id, refund.OrderId, refund.Amount.Currency, now, cancellationToken);
        await LockOrderAsync(db, order, cancellationToken);
        if (await db.OrderRefunds.AnyAsync(r => r.TenantId == tenant.Id && r.OrderExternalId == refund.OrderId && r.RefundId == refund.RefundId, cancellationToken))
        {
            return;
        }

        var row = new OrderRefund(tenant.Id, refund.OrderId, refund.RefundId, refund.Amount.Amount, refund.Amount.Currency, refund.At);
        db.OrderRefunds.Add(row);
        order.RefundedAmount += row.Amount;
        await db.SaveChangesAsync(cancellationToken);

        if (order.PaidAt is not null)
        {
            var buyer = order.ContactId is { } contactId ? await db.Contacts.FindAsync([contactId], cancellationToken) : null;
            await ApplyWaitingRefundsAsync(db, order, buyer, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Records a cancellation: unpaid rewards are voided, paid ones clawed back, and the referral rejected.</summary>
    public async Task ProcessCancelledAsync(ReferralsDbContext db, Tenant tenant, OrderCancelled cancelled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(cancelled);
        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        var now = _clock.GetUtcNow();
        var order = await FindOrCreateStubAsync(db, tenant.Id, cancelled.OrderId, cancelled.Currency, now, cancellationToken);
        await LockOrderAsync(db, order, cancellationToken);
        if (order.CancelledAt is not null)
        {
            return;
        }

        order.CancelledAt = cancelled.At;
        await db.SaveChangesAsync(cancellationToken);
        if (order.PaidAt is not null)
        {
            await UndoConversionAsync(db, order, "The order was cancelled.", now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Records when an order was fulfilled and plans the buyer's fulfilment ask (see <see cref="AskTimeline.Fulfilment"/>),
    /// keyed by the order, which withdraws the order's purchase ask while it is still waiting. A fulfilment seen before
    /// the payment is recorded on the order and its ask is planned when the payment comes. Only the first fulfilment
    /// counts: a repeat, or a later one, changes nothing. Cancelled orders get no ask; inactive tenants are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The order id is empty.</exception>
    public async Task ProcessFulfilledAsync(ReferralsDbContext db, Tenant tenant, OrderFulfilled fulfilled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(fulfilled);
        ArgumentException.ThrowIfNullOrWhiteSpace(fulfilled.OrderId);
        if (tenant.State != TenantState.Active)
        {
            return;
        }

        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        var now = _clock.GetUtcNow();
        var order = await FindOrCreateStubAsync(db, tenant.Id, fulfilled.OrderId, fulfilled.Currency ?? "", now, cancellationToken);
        if (order.FulfilledAt is not null)
        {
            return;
        }

        order.FulfilledAt = fulfilled.At.ToUniversalTime();
        await db.SaveChangesAsync(cancellationToken);
        await FulfilmentAsks.PlanAsync(db, _asks, tenant, order, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    // The outcome, and for a referral converted or rejected here how many other referrals its advocate made (stored
    // ones, counted with the velocity: the advocate's score needs them too).
    private async Task<(OrderOutcome Outcome, int? AdvocatesOtherReferralsMade)> AttributeAsync(ReferralsDbContext db, Tenant tenant, Order order, PaidOrder paid,
        Contact buyer, int previousOrders, bool saveRewards, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var facts = new OrderAttributionFacts
        {
            OrderId = paid.OrderId,
            PlacedAt = paid.PlacedAt,
            CustomerNormalizedEmail = buyer.NormalizedEmail,
            CustomerId = paid.Customer.ExternalId,
            PreviousOrderCount = previousOrders,
            DiscountCodes = paid.DiscountCodes,
            NoteAttributes = paid.NoteAttributes,
            LandingSite = paid.LandingSite,
            LandingSiteRef = paid.LandingSiteRef,
        };
        var matched = await ReferralMatcher.FindCandidatesAsync(db, tenant.Id, facts, buyer, paid.Customer.ExternalSystem, cancellationToken);
        var decision = AttributionEngine.Decide(facts, matched.Candidates, new AttributionPolicy
        {
            AttributionWindow = TimeSpan.FromDays(tenant.Settings.AttributionWindowDays),
            FirstOrderOnly = tenant.Settings.FirstOrderOnly,
        });
        if (!decision.Attributed)
        {
            return (new OrderOutcome(OrderStatus.NotReferred, null, null, decision.Outcome, null, []), null);
        }

        if (paid.Total.Amount < tenant.Settings.MinimumOrderAmount)
        {
            return (new OrderOutcome(OrderStatus.BelowMinimum, decision.Winner.ReferralId, decision.Rule, decision.Outcome, null, []), null);
        }

        var winner = decision.Winner;
        // Tracked since the code look-up when the winner came through a code.
        var advocate = await db.Contacts.FindAsync([winner.AdvocateContactId], cancellationToken)
            ?? throw new InvalidOperationException($"Advocate {winner.AdvocateContactId} is missing.");
        var referral = await ReferralMatcher.OpenReferralAsync(db, tenant, winner, advocate, matched.CodeIds, now, cancellationToken);
        var counts = await AdvocateCountsAsync(db, tenant.Id, advocate.Id, now.AddHours(-tenant.Settings.VelocityWindowHours), referral.Id, cancellationToken);
        var fraud = FraudChecker.Check(
            new FraudCheckInput
            {
                Advocate = await PartyOfAsync(db, advocate, paid.Customer.ExternalSystem, matched.AdvocateExternalIds, cancellationToken),
                Friend = new ReferralParty
                {
                    NormalizedEmail = buyer.NormalizedEmail,
                    CustomerId = paid.Customer.ExternalId,
                    AddressFingerprint = buyer.AddressFingerprint,
                    NormalizedPhone = buyer.NormalizedPhone,
                    IpAddress = paid.BrowserIp,
                    UserAgent = paid.UserAgent,
                },
                AdvocateReferralsInWindow = counts.InWindow,
                Now = now,
            },
            new FraudPolicy { VelocityLimit = tenant.Settings.VelocityLimit, VelocityWindow = TimeSpan.FromHours(tenant.Settings.VelocityWindowHours) });

        referral.FriendContactId = buyer.Id;
        referral.FriendNormalizedEmail ??= buyer.NormalizedEmail;
        order.ReferralId = referral.Id;
        var revenue = new Money(order.Total, order.Currency);
        var rule = decision.Rule.Value.ToString();
        var reasons = string.Join(", ", fraud.Reasons);

        if (fraud.Outcome == FraudOutcome.Rejected)
        {
            // Saved by the caller with the rest of the order.
            referral.RejectConversion(order.ExternalId, revenue, rule, "Self-referral: " + reasons, now);
            return (new OrderOutcome(OrderStatus.Rejected, referral.Id, decision.Rule, decision.Outcome, fraud.Outcome, fraud.Reasons), counts.OthersMade);
        }

        var flagged = fraud.Outcome == FraudOutcome.Flagged;
        referral.Convert(order.ExternalId, revenue, rule, flagged, flagged ? reasons : null, now);
        if (flagged)
        {
            db.ReviewItems.Add(new ReviewItem(tenant.Id, referral.Id, reasons, now, ReviewDeadline.For(now, TimeSpan.FromHours(tenant.Settings.ReviewWindowHours))));
        }

        // Thank the advocate: a card task for every referral (one per referral, so an invited one already has it), and
        // the news by e-mail once the conversion stands (a flagged one waits for review).
        await _tasks.ThankYouCardAsync(db, tenant, referral, advocate, cancellationToken);
        if (!flagged)
        {
            await FollowUpEmails.EnqueueAsync(db, advocate, FollowUpEmails.FriendConvertedKind, referral.Id,
                new FollowUpEmailMessage(advocate.Id, ReferralId: referral.Id), now, cancellationToken);
        }

        // The ledger's save, when it saves, writes the order, buyer, referral, task and e-mail with its entries.
        await _ledger.WritePendingRewardsAsync(db, tenant, referral, order, advocate.CauseId, saveRewards, cancellationToken);
        return (new OrderOutcome(flagged ? OrderStatus.UnderReview : OrderStatus.Converted, referral.Id, decision.Rule, decision.Outcome, fraud.Outcome, fraud.Reasons),
            counts.OthersMade);
    }

    private static async Task<ReferralParty> PartyOfAsync(ReferralsDbContext db, Contact contact, string system, Dictionary<Guid, string?> storedIds,
        CancellationToken cancellationToken) => new()
    {
        NormalizedEmail = contact.NormalizedEmail,
        // An id added by this order (the buyer found as the advocate by e-mail) is not saved yet; a stored one may have
        // been read with the advocate's code.
        CustomerId = ChangeTrackerEntries.Tracked<ContactExternalId>(db.ChangeTracker).FirstOrDefault(x => x.ContactId == contact.Id && x.System == system)?.Value
            ?? (storedIds.TryGetValue(contact.Id, out var stored)
                ? stored
                : await db.ContactExternalIds.Where(x => x.ContactId == contact.Id && x.System == system).Select(x => x.Value).FirstOrDefaultAsync(cancellationToken)),
        AddressFingerprint = contact.AddressFingerprint,
        NormalizedPhone = contact.NormalizedPhone,
        IpAddress = contact.LastIpAddress,
        UserAgent = contact.LastUserAgent,
    };

    // In one statement, over the advocate's stored referrals: the conversions in the velocity window, and the referrals
    // made (converted or rewarded) other than the one this order converts, for the advocate's score. Unsaved ones are
    // not counted; the one this order converts is added from memory (ReferralsMade).
    private static async Task<(int InWindow, int OthersMade)> AdvocateCountsAsync(ReferralsDbContext db, Guid tenantId, Guid advocateId, DateTimeOffset since,
        Guid convertingId, CancellationToken cancellationToken)
    {
        var counts = await AdvocateCountsQuery.For(db)(db, tenantId, advocateId, since, convertingId, cancellationToken);
        return counts is null ? (0, 0) : (counts.InWindow, counts.OthersMade);
    }

    private static readonly CompiledPerModel<Func<ReferralsDbContext, Guid, Guid, DateTimeOffset, Guid, CancellationToken, Task<AdvocateCounts?>>> AdvocateCountsQuery =
        new(() => EF.CompileAsyncQuery((ReferralsDbContext db, Guid tenantId, Guid advocateId, DateTimeOffset since, Guid convertingId, CancellationToken _) => db.Referrals
            .Where(r => r.TenantId == tenantId && r.AdvocateContactId == advocateId)
            .GroupBy(r => r.AdvocateContactId)
            .Select(g => new AdvocateCounts(
                g.Count(r => r.ConvertedAt >= since
                    && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded || r.State == ReferralState.UnderReview)),
                g.Count(r => r.Id != convertingId && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded))))
            .FirstOrDefault()));

    private sealed record AdvocateCounts(int InWindow, int OthersMade);

    private async Task ApplyWaitingRefundsAsync(ReferralsDbContext db, Order order, Contact? buyer, CancellationToken cancellationToken)
    {
        var waiting = await db.OrderRefunds
            .Where(r => r.TenantId == order.TenantId && r.OrderExternalId == order.ExternalId && !r.Applied)
            .OrderBy(r => r.At).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var refundedBefore = order.RefundedAmount - waiting.Sum(r => r.Amount);
        foreach (var refund in waiting)
        {
            await _ledger.ApplyRefundAsync(db, order, refund, refundedBefore, cancellationToken);
            refundedBefore += refund.Amount;
            refund.Applied = true;
            if (buyer is not null)
            {
                buyer.TotalSpent = Math.Max(0m, buyer.TotalSpent - refund.Amount);
            }
        }
    }

    private async Task UndoConversionAsync(ReferralsDbContext db, Order order, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _ledger.VoidOrderAsync(db, order.TenantId, order.ExternalId, reason, cancellationToken);
        if (order.ReferralId is { } referralId && await db.Referrals.FindAsync([referralId], cancellationToken) is { } referral
            && referral.State is ReferralState.Converted or ReferralState.Rewarded or ReferralState.UnderReview)
        {
            referral.Reject(reason, now);
            var item = await db.ReviewItems.FirstOrDefaultAsync(i => i.ReferralId == referralId && i.Status == ReviewStatus.Open, cancellationToken);
            item?.Decide(false, "system", reason, now);
        }
    }

    // Best customers are asked first: the score weighs recency, frequency, spend, satisfaction and referrals made.
    // The referral this order converted may not be saved yet: it is counted from memory, the others from the database.
    private async Task RescoreAsync(ReferralsDbContext db, Contact contact, int? knownReferralsMade, Referral? converted, string currency, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var referralsMade = knownReferralsMade ?? await CountReferralsMadeAsync(db, contact, converted, cancellationToken);
        var spent = contact.OrdersCount > 0 ? new Money(contact.TotalSpent, currency) : (Money?)null;
        var stats = new OrderStats(contact.OrdersCount, spent, contact.FirstOrderAt, contact.LastOrderAt);
        contact.BestCustomerScore = BestCustomerScorer.Score(stats, contact.LastSatisfactionScore, referralsMade, now, _scoring).Total;
    }

    private static async Task<int> CountReferralsMadeAsync(ReferralsDbContext db, Contact contact, Referral? converted, CancellationToken cancellationToken)
    {
        var otherId = converted?.AdvocateContactId == contact.Id ? converted.Id : Guid.Empty;
        var stored = await db.Referrals.CountAsync(
            r => r.TenantId == contact.TenantId && r.AdvocateContactId == contact.Id && r.Id != otherId
                && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded), cancellationToken);
        return ReferralsMade(stored, contact, converted);
    }

    // The stored referrals made by the contact other than the converted one, plus that one when it is theirs and stands.
    private static int ReferralsMade(int storedOthers, Contact contact, Referral? converted) =>
        storedOthers + (converted?.AdvocateContactId == contact.Id && converted.State is ReferralState.Converted or ReferralState.Rewarded ? 1 : 0);

    private static void RecordPurchase(Contact buyer, PaidOrder paid, DateTimeOffset paidAt)
    {
        buyer.OrdersCount++;
        buyer.TotalSpent += paid.Total.Amount;
        buyer.FirstOrderAt = buyer.FirstOrderAt is { } first && first <= paidAt ? first : paidAt;
        buyer.LastOrderAt = buyer.LastOrderAt is { } last && last >= paidAt ? last : paidAt;
        buyer.LastIpAddress = paid.BrowserIp ?? buyer.LastIpAddress;
        buyer.LastUserAgent = paid.UserAgent ?? buyer.LastUserAgent;
    }

    // Compiled once per model (CompiledPerModel): every order event runs it, and a compiled query skips EF's per-call expression walk and cache look-up.
    private static readonly CompiledPerModel<Func<ReferralsDbContext, Guid, string, CancellationToken, Task<Order?>>> OrderByExternalId =
        new(() => EF.CompileAsyncQuery((ReferralsDbContext db, Guid tenantId, string orderId, CancellationToken _) =>
            db.Orders.FirstOrDefault(o => o.TenantId == tenantId && o.ExternalId == orderId)));

    private static Task<Order?> FindOrderAsync(ReferralsDbContext db, Guid tenantId, string orderId, CancellationToken cancellationToken) =>
        OrderByExternalId.For(db)(db, tenantId, orderId, cancellationToken);

    /// <summary>
    /// Takes the order's row lock for the rest of the transaction (a no-op UPDATE) and reloads the order. Refunds and
    /// cancellations of one order are then applied one at a time: without it, two refunds handled at once on
    /// PostgreSQL both read the same refunded total, one update is lost, and the second claw-back is computed from it.
    /// A stub not saved yet has no row to lock; two of those collide on the order's unique key instead.
    /// </summary>
    private static async Task LockOrderAsync(ReferralsDbContext db, Order order, CancellationToken cancellationToken)
    {
        var entry = db.Entry(order);
        if (entry.State == EntityState.Added)
        {
            return;
        }

        await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.RefundedAmount, o => o.RefundedAmount), cancellationToken);
        await entry.ReloadAsync(cancellationToken);
    }

    private static async Task<Order> FindOrCreateStubAsync(ReferralsDbContext db, Guid tenantId, string orderId, string currency, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = await FindOrderAsync(db, tenantId, orderId, cancellationToken);
        if (order is null)
        {
            order = new Order(tenantId, orderId, currency, now);
            db.Orders.Add(order);
        }

        return order;
    }
}
