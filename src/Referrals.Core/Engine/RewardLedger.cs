using Microsoft.EntityFrameworkCore;
using Referrals.Core.Audit;
using Referrals.Core.Messaging;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Writes the reward ledger for orders: pending rewards on conversion, claw-backs on refunds, voids on cancellation,
/// approval and issuing when the hold ends. Every write goes through the ledger's idempotency key, so processing an
/// event twice changes nothing. Each method saves its changes; run it inside the caller's transaction to make the
/// whole event atomic.
/// </summary>
public sealed class RewardLedger
{
    /// <summary>The outbox kind that issues a reward.</summary>
    public const string IssueKind = "reward.issue";

    /// <summary>The outbox kind that takes back an issued reward.</summary>
    public const string ClawBackKind = "reward.clawback";

    // The external reference of a reward closed as issued because nothing was left to pay.
    internal const string NothingToPayRef = "nothing-to-pay";

    // The claw-back source of a void or cancellation of a paid reward: one per reward.
    private const string VoidSource = "void";

    // The audit record of a payout the issuer refused (subject: the reward's id), which refunds read under the order's lock.
    private const string PayoutActor = "reward-payout";
    private const string PayoutRefusedAction = "reward.payout.refused";

    private readonly TimeProvider _clock;

    /// <summary>Creates the ledger.</summary>
    public RewardLedger(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Writes the pending rewards that <paramref name="referral"/>'s conversion by <paramref name="order"/> earns.</summary>
    /// <returns>The entries written now (empty when they existed already).</returns>
    public Task<IReadOnlyList<LedgerEntry>> WritePendingRewardsAsync(ReferralsDbContext db, Tenant tenant, Referral referral, Order order,
        string? advocateCauseId, CancellationToken cancellationToken) =>
        WritePendingRewardsAsync(db, tenant, referral, order, advocateCauseId, save: true, cancellationToken);

    /// <summary>
    /// Writes the pending rewards like the public overload; without <paramref name="save"/> the caller saves them (nothing
    /// may read the order's rewards from the database before that).
    /// </summary>
    internal async Task<IReadOnlyList<LedgerEntry>> WritePendingRewardsAsync(ReferralsDbContext db, Tenant tenant, Referral referral, Order order,
        string? advocateCauseId, bool save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(order);
        var now = _clock.GetUtcNow();
        var holdUntil = now.AddDays(tenant.Settings.HoldDays);
        // An order added in this unit of work has no stored rows, so no stored rewards either (orders are never deleted,
        // and its unique key stops a concurrent insert): only the tracked ones can exist.
        List<string> existing = db.Entry(order).State == EntityState.Added
            ? [.. ChangeTrackerEntries.AsDetected<LedgerEntry>(db.ChangeTracker)
                .Where(e => e.State == EntityState.Added && e.Entity.TenantId == tenant.Id && e.Entity.OrderId == order.ExternalId && e.Entity.Type == LedgerEntryType.Reward)
                .Select(e => e.Entity.BeneficiaryKey)]
            : await RewardsOf(db, tenant.Id, order.ExternalId).Select(e => e.BeneficiaryKey).ToListAsync(cancellationToken);
        var written = new List<LedgerEntry>();
        foreach (var planned in RewardCalculator.Plan(tenant.Settings, new Money(order.Total, order.Currency), advocateCauseId))
        {
            Guid? contactId = planned.Beneficiary switch
            {
                Beneficiary.Advocate => referral.AdvocateContactId,
                Beneficiary.Friend => referral.FriendContactId,
                _ => null,
            };
            if (planned.Beneficiary == Beneficiary.Friend && contactId is null)
            {
                continue;
            }

            var entry = LedgerEntry.PendingReward(tenant.Id, order.ExternalId, planned.Beneficiary, contactId, planned.CauseId, referral.Id,
                planned.Kind, planned.Amount, holdUntil, now);
            if (!existing.Contains(entry.BeneficiaryKey))
            {
                db.Ledger.Add(entry);
                written.Add(entry);
            }
        }

        if (save)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Applies one refund to the order's rewards: a refund of the whole order voids unpaid rewards; otherwise each
    /// reward loses its share of the refunded amount (settled at once when unpaid, collected through the issuer when paid).
    /// </summary>
    public async Task ApplyRefundAsync(ReferralsDbContext db, Order order, OrderRefund refund, decimal refundedBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(refund);
        var now = _clock.GetUtcNow();
        var fullyRefunded = order.Total > 0 && refundedBefore + refund.Amount >= order.Total;
        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        // Whether a reward is paid decides between voiding it and clawing it back: read it only under the order's lock,
        // which a payout takes before it records itself (see RecordPayoutAsync).
        await OrderLocks.LockAsync(db, order.TenantId, order.ExternalId, cancellationToken);
        foreach (var reward in await RewardsOf(db, order.TenantId, order.ExternalId).Where(e => e.State != LedgerEntryState.Voided).ToListAsync(cancellationToken))
        {
            var approved = reward.State == LedgerEntryState.Approved;
            if (fullyRefunded && reward.State is LedgerEntryState.Pending or LedgerEntryState.Approved)
            {
                reward.Void("The order was refunded in full.", now);
            }
            else
            {
                var clawedBefore = await ClawedBackAsync(db, reward, cancellationToken);
                var amount = ClawBackCalculator.AmountFor(reward.Amount, clawedBefore, order.Total, refundedBefore, refund.Amount, reward.Currency);
                await AddClawBackAsync(db, reward, refund.RefundId, amount, now, cancellationToken);
            }

            if (approved)
            {
                await ReturnRepaymentOfStoppedPayoutAsync(db, reward, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Voids the order's unpaid rewards and takes back what is left of paid ones (cancellation or rejection).</summary>
    public async Task VoidOrderAsync(ReferralsDbContext db, Guid tenantId, string orderId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = _clock.GetUtcNow();
        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        await OrderLocks.LockAsync(db, tenantId, orderId, cancellationToken);
        foreach (var reward in await RewardsOf(db, tenantId, orderId).Where(e => e.State != LedgerEntryState.Voided).ToListAsync(cancellationToken))
        {
            if (reward.State is LedgerEntryState.Pending or LedgerEntryState.Approved)
            {
                var approved = reward.State == LedgerEntryState.Approved;
                reward.Void(reason, now);
                if (approved)
                {
                    await ReturnRepaymentOfStoppedPayoutAsync(db, reward, now, cancellationToken);
                }

                continue;
            }

            await AddClawBackAsync(db, reward, VoidSource, reward.Amount - await ClawedBackAsync(db, reward, cancellationToken), now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Approves pending rewards whose hold has passed, pays off debt first, and queues the payout. Rewards of orders
    /// that were cancelled or refunded, or of rejected referrals, are voided; rewards of referrals under review wait.
    /// </summary>
    /// <returns>How many rewards were approved. Each reward is saved on its own.</returns>
    public async Task<int> MatureAsync(ReferralsDbContext db, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = _clock.GetUtcNow();
        var due = await db.Ledger
            .Where(e => e.Type == LedgerEntryType.Reward && e.State == LedgerEntryState.Pending && e.HoldUntil <= now)
            .OrderBy(e => e.HoldUntil).Take(batchSize).ToListAsync(cancellationToken);
        var approved = 0;
        foreach (var reward in due)
        {
            // An uninstalled shop gets no calls: its rewards wait, and mature if it comes back.
            if (await db.Tenants.FindAsync([reward.TenantId], cancellationToken) is not { State: TenantState.Active })
            {
                continue;
            }

            if (await ReferralStateAsync(db, reward, cancellationToken) == ReferralState.UnderReview)
            {
                continue;
            }

            // Another instance may have matured (and even paid) this reward since the batch was read: a stale copy
            // saved now would put a paid reward back to Approved. The conditional UPDATE re-checks and, on
            // PostgreSQL, locks the row until this reward's changes commit. The order's lock comes first, as in a
            // refund, a cancellation or a rejection, so the order and referral read after it cannot change before the commit.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await OrderLocks.LockAsync(db, reward.TenantId, reward.OrderId, cancellationToken);
            if (!await StillPendingAsync(db, reward, now, cancellationToken))
            {
                db.Entry(reward).State = EntityState.Detached;
                continue;
            }

            var referralState = await ReferralStateAsync(db, reward, cancellationToken);
            if (referralState == ReferralState.UnderReview)
            {
                continue;
            }

            var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.TenantId == reward.TenantId && o.ExternalId == reward.OrderId, cancellationToken);

            if (referralState == ReferralState.Rejected || order is null || order.IsVoid)
            {
                reward.Void(referralState == ReferralState.Rejected ? "The referral was rejected." : "The order was cancelled or refunded.", now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                continue;
            }

            reward.Approve(now);
            // Debt left by an earlier claw-back that could not be collected is paid off before anything is paid out.
            // The debt is the person's, not the order's: another pass may be approving a reward of another of their
            // orders right now, so the debt is read and consumed under the person's lock (after the order's, as everywhere).
            await BeneficiaryLocks.LockAsync(db, reward.TenantId, reward.BeneficiaryKey, cancellationToken);
            var payout = reward.Amount - await ClawedBackAsync(db, reward, cancellationToken);
            var offset = DebtOffsetCalculator.OffsetFor(payout, await OutstandingDebtAsync(db, reward, cancellationToken));
            if (offset > 0)
            {
                db.Ledger.Add(LedgerEntry.DebtOffsetOf(reward, offset, now));
            }

            await OutboxWriter.EnqueueAsync(db, new OutboxMessage(reward.TenantId, IssueKind, PayoutKey(reward), reward.Id.ToString("N"), now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            approved++;
        }

        return approved;
    }

    /// <summary>What is left to pay of <paramref name="reward"/> after settled claw-backs and debt offsets.</summary>
    public static async Task<decimal> NetPayoutAsync(ReferralsDbContext db, LedgerEntry reward, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reward);
        var reductions = await db.Ledger.Where(e => e.RelatedEntryId == reward.Id && e.State == LedgerEntryState.Settled).Select(e => e.Amount).ToListAsync(cancellationToken);
        return Math.Max(0m, reward.Amount + reductions.Sum());
    }

    /// <summary>
    /// Records a payout the issuer carried out for <paramref name="reward"/>, which the caller reloaded under the order's
    /// lock. The payout was decided from a read without a lock, so a refund, cancellation or rejection may have come
    /// while it was on its way; the ledger then ends as if that came after the payout: a reward voided meanwhile is
    /// issued and clawed back in full (a debt return written for it meanwhile is withdrawn), and claw-backs settled
    /// meanwhile (that the payout did not subtract) are collected, also when another worker closed the reward meanwhile
    /// with nothing left to pay. Call it whether or not the caller still holds the outbox row's claim: the payment
    /// happened in the store either way.
    /// </summary>
    /// <param name="db">The context, in a transaction holding the order's lock.</param>
    /// <param name="reward">The reward, reloaded after the lock.</param>
    /// <param name="externalRef">Where the issuer recorded the payout.</param>
    /// <param name="subtracted">The settled claw-backs the payout subtracted.</param>
    /// <param name="now">The time.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>False when the reward was voided meanwhile (the payout is being taken back), or issued already.</returns>
    internal static async Task<bool> RecordPayoutAsync(ReferralsDbContext db, LedgerEntry reward, string externalRef, IReadOnlyCollection<Guid> subtracted,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var voidedMeanwhile = reward.State == LedgerEntryState.Voided;
        switch (reward.State)
        {
            case LedgerEntryState.Issued when reward.ExternalRef == NothingToPayRef:
                // A worker that took the row after this payout's lease ran out found nothing left to pay (a refund's
                // claw-back settled meanwhile used it up) and closed the reward, returning the repayment it no longer
                // covered; but this payout went out: record it, collect the late claw-backs and withdraw the return.
                reward.MarkPaidAfterNothingToPay(externalRef, now);
                break;
            case LedgerEntryState.Issued:
                // Another worker recorded the same payout (the issuer is idempotent by key).
                return false;
            case LedgerEntryState.Voided:
                reward.MarkIssuedAfterVoid(externalRef, now);
                break;
            default:
                reward.MarkIssued(externalRef, now);
                break;
        }

        foreach (var late in await db.Ledger.Where(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.ClawBack && e.State == LedgerEntryState.Settled)
            .ToListAsync(cancellationToken))
        {
            if (!subtracted.Contains(late.Id))
            {
                late.CollectAfterPayout(now);
                await EnqueueClawBackAsync(db, late, now, cancellationToken);
            }
        }

        if (voidedMeanwhile)
        {
            // Voided meanwhile: what is left of it after the claw-backs above is taken back as a void of a paid reward,
            // less a returned repayment that another reward has paid off again (see WithdrawReturnedRepaymentAsync).
            var reusedReturn = await WithdrawReturnedRepaymentAsync(db, reward, now, cancellationToken);
            await AddClawBackAsync(db, reward, VoidSource, reward.Amount - await ClawedBackAsync(db, reward, cancellationToken) - reusedReturn, now, cancellationToken);
            return false;
        }

        // Only after a nothing-to-pay close (above) is there a return to withdraw here; voided rewards returned earlier.
        await WithdrawReturnedRepaymentAsync(db, reward, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Returns to the debt the part of the debt repayment <paramref name="reward"/> carried that it no longer covers:
    /// all of it when the reward was voided, the excess over what is left after its claw-backs when it was refunded
    /// in part (<see cref="DebtOffsetCalculator.RepaymentToReturn"/>). Called once the payout's fate is final and
    /// nothing was paid: by the payout handler, under the order's lock, for a reward voided before its payout or
    /// left with nothing to pay. Idempotent: a second call finds nothing left to return.
    /// </summary>
    /// <remarks>
    /// Not at the refund or void itself: a payout already on its way may have used the repayment (it paid the reward
    /// less its offsets), and then the ledger ends as if the refund came after the payout, keeping the repayment and
    /// clawing back the whole reward (<see cref="RecordPayoutAsync"/>). Returning at the void would have to be undone
    /// then, after another reward may already have paid off the returned debt again.
    /// </remarks>
    /// <param name="db">The context, in a transaction holding the reward's order lock.</param>
    /// <param name="reward">The reward, reloaded after the lock; approved or voided, not paid.</param>
    /// <param name="now">The time.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    internal static async Task ReturnUncoveredRepaymentAsync(ReferralsDbContext db, LedgerEntry reward, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var related = await db.Ledger.Where(e => e.RelatedEntryId == reward.Id && (e.Type == LedgerEntryType.ClawBack || e.Type == LedgerEntryType.DebtOffset))
            .ToListAsync(cancellationToken);
        var amount = DebtOffsetCalculator.RepaymentToReturn(reward, related);
        if (amount > 0)
        {
            // Numbered after the returns already made (a stopped payout's reward returns at each refund); the order's
            // lock, which every writer of returns holds, keeps two writers from taking the same number.
            var returnsBefore = related.Count(e => e.Type == LedgerEntryType.DebtOffset && e.Amount > 0);
            db.Ledger.Add(LedgerEntry.DebtReturnOf(reward, amount, now, returnsBefore + 1));
        }
    }

    /// <summary>
    /// Records, under the order's lock, that the issuer refused <paramref name="reward"/>'s payout: its message is
    /// dead-lettered for a person next, so until someone requeues it the reward will not be paid. A refund or void
    /// before this record returned nothing (the payout was still to run), so what the reward no longer covers of its
    /// debt repayment goes back now; refunds after it return at once (<see cref="ReturnRepaymentOfStoppedPayoutAsync"/>).
    /// Commits on its own, before the message is dead-lettered, so no refund falls between the two unseen.
    /// </summary>
    /// <param name="db">The context, with no transaction open.</param>
    /// <param name="reward">The reward whose payout was refused.</param>
    /// <param name="reason">The issuer's reason.</param>
    /// <param name="now">The time.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    internal static async Task RecordPayoutRefusedAsync(ReferralsDbContext db, LedgerEntry reward, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OrderLocks.LockAsync(db, reward.TenantId, reward.OrderId, cancellationToken);
        await db.Entry(reward).ReloadAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry(reward.TenantId, PayoutActor, PayoutRefusedAction, reward.Id.ToString("N"), reason, now));
        if (reward.State is LedgerEntryState.Approved or LedgerEntryState.Voided)
        {
            await ReturnUncoveredRepaymentAsync(db, reward, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // A refund or void of an approved reward whose payout has stopped (refused by the issuer, or its message dead-lettered
    // for another reason, such as an uninstalled shop) returns the repayment it no longer covers at once: nothing will pay
    // it until a person requeues the payout, and the payout handler, if requeued, finds it returned and returns nothing
    // more. A payout still to run returns it itself (ReturnUncoveredRepaymentAsync). Should a requeued payout pay after
    // all, its record withdraws the return (WithdrawReturnedRepaymentAsync). Under the order's lock.
    private static async Task ReturnRepaymentOfStoppedPayoutAsync(ReferralsDbContext db, LedgerEntry reward, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await RepaidDebtAsync(db, reward, cancellationToken))
        {
            return;
        }

        var key = PayoutKey(reward);
        var payout = await db.Outbox.AsNoTracking().Where(m => m.IdempotencyKey == key)
            .Select(m => new { m.ProcessedAt, m.DeadLetteredAt }).FirstOrDefaultAsync(cancellationToken);
        if (payout is null || payout.ProcessedAt is not null)
        {
            return;
        }

        var subject = reward.Id.ToString("N");
        if (payout.DeadLetteredAt is not null
            || await db.AuditLog.AnyAsync(a => a.TenantId == reward.TenantId && a.Subject == subject && a.Action == PayoutRefusedAction && a.Actor == PayoutActor, cancellationToken))
        {
            await ReturnUncoveredRepaymentAsync(db, reward, now, cancellationToken);
        }
    }

    // A worker that took the payout's row after its lease ran out found the reward voided and returned its debt repayment,
    // believing nothing would be paid; but this payout used it (it paid the reward less its offsets), so the return is
    // withdrawn and the repayment stands, as when the refund comes after the payout. Under the person's debt lock (after
    // the order's), reading the debt as maturation does: what another reward paid off again meanwhile is no longer debt
    // and cannot be withdrawn; that part is returned to the caller, which claws back that much less (the other reward's
    // offset took it from the person already; a claw-back of it as well would take it twice).
    private static async Task<decimal> WithdrawReturnedRepaymentAsync(ReferralsDbContext db, LedgerEntry reward, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var offsets = await db.Ledger.Where(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.DebtOffset).ToListAsync(cancellationToken);
        var returned = DebtOffsetCalculator.ReturnToWithdraw(reward, offsets);
        if (returned <= 0)
        {
            return 0m;
        }

        await BeneficiaryLocks.LockAsync(db, reward.TenantId, reward.BeneficiaryKey, cancellationToken);
        var withdraw = Math.Min(returned, await OutstandingDebtAsync(db, reward, cancellationToken));
        if (withdraw > 0)
        {
            db.Ledger.Add(LedgerEntry.DebtReturnWithdrawalOf(reward, withdraw, now));
        }

        return returned - withdraw;
    }

    /// <summary>Whether <paramref name="reward"/> paid off debt (it has an offset); such offsets are only written when it is approved.</summary>
    internal static Task<bool> RepaidDebtAsync(ReferralsDbContext db, LedgerEntry reward, CancellationToken cancellationToken) =>
        db.Ledger.AnyAsync(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.DebtOffset, cancellationToken);

    /// <summary>The settled claw-backs and offsets of <paramref name="reward"/>, which its payout subtracts.</summary>
    internal static async Task<IReadOnlyList<SettledReduction>> SettledReductionsAsync(ReferralsDbContext db, LedgerEntry reward, CancellationToken cancellationToken) =>
        (await db.Ledger.Where(e => e.RelatedEntryId == reward.Id && e.State == LedgerEntryState.Settled)
            .Select(e => new { e.Id, e.Type, e.Amount, e.CreatedAt }).ToListAsync(cancellationToken))
            .Select(e => new SettledReduction(e.Id, e.Type, e.Amount, e.CreatedAt)).ToList();

    // The outbox key of a reward's payout: one payout message per reward.
    private static string PayoutKey(LedgerEntry reward) => $"{IssueKind}:{reward.Id:N}";

    private static Task<ReferralState?> ReferralStateAsync(ReferralsDbContext db, LedgerEntry reward, CancellationToken cancellationToken) =>
        reward.ReferralId is { } referralId
            ? db.Referrals.Where(r => r.Id == referralId).Select(r => (ReferralState?)r.State).FirstOrDefaultAsync(cancellationToken)
            : Task.FromResult<ReferralState?>(null);

    private static async Task<bool> StillPendingAsync(ReferralsDbContext db, LedgerEntry reward, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Ledger.Where(e => e.Id == reward.Id && e.State == LedgerEntryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedAt, now), cancellationToken) == 1;

    // The beneficiary's debt in the reward's currency (a debt in another currency is not paid off with it). Read without
    // tracking: a copy tracked by an earlier reward of this pass would hide a claw-back that became outstanding since.
    private static async Task<decimal> OutstandingDebtAsync(ReferralsDbContext db, LedgerEntry reward, CancellationToken cancellationToken) =>
        DebtOffsetCalculator.OutstandingDebt(await db.Ledger.AsNoTracking()
            .Where(e => e.TenantId == reward.TenantId && e.BeneficiaryKey == reward.BeneficiaryKey && e.Currency == reward.Currency
                && (e.Type == LedgerEntryType.DebtOffset || (e.Type == LedgerEntryType.ClawBack && e.State == LedgerEntryState.Outstanding)))
            .ToListAsync(cancellationToken));

    private static IQueryable<LedgerEntry> RewardsOf(ReferralsDbContext db, Guid tenantId, string orderId) =>
        db.Ledger.Where(e => e.TenantId == tenantId && e.OrderId == orderId && e.Type == LedgerEntryType.Reward);

    private static async Task<decimal> ClawedBackAsync(ReferralsDbContext db, LedgerEntry reward, CancellationToken cancellationToken)
    {
        var amounts = await db.Ledger.Where(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.ClawBack).Select(e => e.Amount).ToListAsync(cancellationToken);
        return -amounts.Sum();
    }

    private static async Task AddClawBackAsync(ReferralsDbContext db, LedgerEntry reward, string sourceEventId, decimal amount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (amount <= 0)
        {
            return;
        }

        var exists = await db.Ledger.AnyAsync(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.ClawBack && e.SourceEventId == sourceEventId, cancellationToken);
        if (exists)
        {
            return;
        }

        var clawBack = LedgerEntry.ClawBackOf(reward, sourceEventId, amount, now);
        db.Ledger.Add(clawBack);
        if (clawBack.State == LedgerEntryState.Pending)
        {
            await EnqueueClawBackAsync(db, clawBack, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Task EnqueueClawBackAsync(ReferralsDbContext db, LedgerEntry clawBack, DateTimeOffset now, CancellationToken cancellationToken) =>
        OutboxWriter.EnqueueAsync(db, new OutboxMessage(clawBack.TenantId, ClawBackKind, $"{ClawBackKind}:{clawBack.Id:N}", clawBack.Id.ToString("N"), now), cancellationToken);
}
