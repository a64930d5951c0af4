using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// One tenant's random history for <see cref="AnalyticsRollupsTests"/>: each step creates rows or changes a row saved
/// in an earlier step (loaded fresh, as a later event would), in the 30 days from 3 November 2026 with odd minutes and
/// ticks, and saves. Late changes are the point: a conversion rejected, approved or rewarded, an order paid, refunded,
/// cancelled or attributed after the fact, a ledger entry approved, issued, voided or clawed back.
/// </summary>
internal sealed class AnalyticsRandomWorld
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 3, 0, 0, 0, TimeSpan.Zero);
    private readonly Random _random;
    private readonly Guid _tenant;
    private readonly Guid[] _advocates = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
    private readonly List<Guid> _referrals = [];
    private readonly List<Guid> _orders = [];
    private readonly List<Guid> _ledger = [];
    private readonly List<Guid> _asks = [];
    private readonly HashSet<Guid> _rewarded = [];
    private int _n;

    public AnalyticsRandomWorld(Random random, Guid tenant)
    {
        _random = random;
        _tenant = tenant;
    }

    /// <summary>Steps that changed a row (the others found nothing to change).</summary>
    public int Changes { get; private set; }

    public async Task StepAsync(ReferralsDbContext db)
    {
        var at = T0.AddMinutes(_random.Next(0, 30 * 24 * 60)).AddTicks(_random.Next(0, 600_000_000));
        var changed = _random.Next(17) switch
        {
            0 or 1 => Start(db, at),
            2 => await OnReferralAsync(db, r => r.IsOpen, r => r.MarkVisited(at)),
            3 or 4 => await ConvertAsync(db, at),
            5 => await OnReferralAsync(db, r => r.State is ReferralState.Converted or ReferralState.UnderReview or ReferralState.Rewarded, r => r.Reject("late rejection", at)),
            6 => await OnReferralAsync(db, r => r.State is ReferralState.UnderReview or ReferralState.Converted, r =>
            {
                r.Approve(at);
                r.MarkRewarded(at);
            }),
            7 => await OnReferralAsync(db, r => r.IsOpen, r => r.Expire(at)),
            8 => PlainOrder(db, at),
            9 => await OnOrderAsync(db, o => o.RefundedAmount < o.Total, o => o.RefundedAmount = Math.Min(o.Total, o.RefundedAmount + Money(1, 40))),
            10 => await OnOrderAsync(db, o => o.CancelledAt is null, o => o.CancelledAt = at),
            11 => await OnOrderAsync(db, o => o.PaidAt is null, o => o.PaidAt = at),
            12 => await AttributeLateAsync(db),
            13 => await RewardAsync(db, at),
            14 => await OnLedgerAsync(db, at),
            15 => PlanAsk(db, at),
            _ => await OnAskAsync(db, at),
        };
        if (changed)
        {
            Changes++;
            await db.SaveChangesAsync();
        }
    }

    private bool Start(ReferralsDbContext db, DateTimeOffset at)
    {
        var advocate = _advocates[_random.Next(_advocates.Length)];
        // Some referrals sit deeper in a chain whose root is another advocate.
        var root = _random.Next(3) == 0 ? _advocates[_random.Next(_advocates.Length)] : advocate;
        var referral = new Referral(_tenant, advocate, ReferralSource.Link, new ChainPosition(null, root, root == advocate ? 1 : 1 + _random.Next(1, 4)), "EUR", at);
        db.Referrals.Add(referral);
        _referrals.Add(referral.Id);
        return true;
    }

    private async Task<bool> ConvertAsync(ReferralsDbContext db, DateTimeOffset at)
    {
        var referral = await PickAsync(db.Referrals, _referrals, r => r.IsOpen);
        if (referral is null)
        {
            return false;
        }

        var currency = _random.Next(6) == 0 ? "USD" : "EUR";
        var total = Money(10, 300);
        var id = $"O{++_n}";
        referral.Convert(id, new Money(total, currency), "Code", flagged: _random.Next(4) == 0, "velocity", at);
        // The order may be paid at the conversion or later (or never, when it is cancelled unpaid).
        var order = new Order(_tenant, id, currency, at) { Total = total, PaidAt = _random.Next(5) == 0 ? null : at, ReferralId = referral.Id };
        db.Orders.Add(order);
        _orders.Add(order.Id);
        return true;
    }

    private bool PlainOrder(ReferralsDbContext db, DateTimeOffset at)
    {
        var order = new Order(_tenant, $"P{++_n}", _random.Next(5) == 0 ? "USD" : "EUR", at) { Total = Money(5, 500), PaidAt = _random.Next(4) == 0 ? null : at };
        db.Orders.Add(order);
        _orders.Add(order.Id);
        return true;
    }

    private async Task<bool> AttributeLateAsync(ReferralsDbContext db)
    {
        var order = await PickAsync(db.Orders, _orders, o => o.ReferralId is null);
        if (order is null || _referrals.Count == 0)
        {
            return false;
        }

        order.ReferralId = _referrals[_random.Next(_referrals.Count)];
        return true;
    }

    private async Task<bool> RewardAsync(ReferralsDbContext db, DateTimeOffset at)
    {
        // One reward per referral, as the ledger's idempotency key allows.
        var referral = await PickAsync(db.Referrals, _referrals, r => r.ConvertingOrderId != null && !_rewarded.Contains(r.Id));
        if (referral is null)
        {
            return false;
        }

        _rewarded.Add(referral.Id);

        var entry = LedgerEntry.PendingReward(_tenant, referral.ConvertingOrderId!, Beneficiary.Advocate, referral.AdvocateContactId, null, referral.Id,
            RewardKind.StoreCredit, new Money(Money(1, 30), referral.Currency), at.AddDays(30), at);
        db.Ledger.Add(entry);
        _ledger.Add(entry.Id);
        return true;
    }

    private async Task<bool> OnLedgerAsync(ReferralsDbContext db, DateTimeOffset at)
    {
        var entry = await PickAsync(db.Ledger, _ledger, _ => true);
        if (entry is null)
        {
            return false;
        }

        switch (entry.Type, entry.State, _random.Next(3))
        {
            case (LedgerEntryType.Reward, LedgerEntryState.Pending, 0):
                entry.Void("cancelled", at);
                return true;
            case (LedgerEntryType.Reward, LedgerEntryState.Pending, _):
                entry.Approve(at);
                return true;
            case (LedgerEntryType.Reward, LedgerEntryState.Approved, 0):
                entry.Void("cancelled", at);
                return true;
            case (LedgerEntryType.Reward, LedgerEntryState.Approved, _):
                entry.MarkIssued($"pay-{++_n}", at);
                return true;
            case (LedgerEntryType.Reward, LedgerEntryState.Issued or LedgerEntryState.Pending, _):
                var clawBack = LedgerEntry.ClawBackOf(entry, $"refund-{++_n}", Math.Min(entry.Amount, Money(1, 10)), at);
                db.Ledger.Add(clawBack);
                _ledger.Add(clawBack.Id);
                return true;
            case (LedgerEntryType.ClawBack, LedgerEntryState.Pending, _):
                entry.MarkOutstanding("credit spent", at);
                return true;
            default:
                return false;
        }
    }

    private bool PlanAsk(ReferralsDbContext db, DateTimeOffset at)
    {
        var trigger = _random.Next(5) == 0 ? AskTrigger.AdvocateNews : AskTrigger.Purchase;
        var ask = Ask.FromPlan(_tenant, Guid.NewGuid(), trigger, $"k-{++_n}", AskPlan.Schedule(at, AskChannel.Email), at);
        db.Asks.Add(ask);
        _asks.Add(ask.Id);
        return true;
    }

    private async Task<bool> OnAskAsync(ReferralsDbContext db, DateTimeOffset at)
    {
        var ask = await PickAsync(db.Asks, _asks, a => a.State is AskState.Scheduled or AskState.Sent);
        switch (ask?.State)
        {
            case AskState.Scheduled when _random.Next(5) == 0:
                ask.Cancel(at);
                return true;
            case AskState.Scheduled:
                ask.MarkSent(at);
                return true;
            case AskState.Sent:
                ask.MarkAnswered(_random.Next(11), at);
                return true;
            default:
                return false;
        }
    }

    private async Task<bool> OnReferralAsync(ReferralsDbContext db, Func<Referral, bool> eligible, Action<Referral> change)
    {
        var referral = await PickAsync(db.Referrals, _referrals, eligible);
        if (referral is null)
        {
            return false;
        }

        change(referral);
        return true;
    }

    private async Task<bool> OnOrderAsync(ReferralsDbContext db, Func<Order, bool> eligible, Action<Order> change)
    {
        var order = await PickAsync(db.Orders, _orders, eligible);
        if (order is null)
        {
            return false;
        }

        change(order);
        return true;
    }

    // A random row of those this world saved, loaded (tracked) from the database, that the change applies to.
    private async Task<T?> PickAsync<T>(DbSet<T> set, List<Guid> ids, Func<T, bool> eligible)
        where T : class
    {
        if (ids.Count == 0)
        {
            return null;
        }

        var rows = await set.Where(e => ids.Contains(EF.Property<Guid>(e, "Id"))).ToListAsync();
        var candidates = rows.Where(eligible).ToList();
        return candidates.Count == 0 ? null : candidates[_random.Next(candidates.Count)];
    }

    private decimal Money(int min, int max) => _random.Next(min * 100, max * 100) / 100m;
}
