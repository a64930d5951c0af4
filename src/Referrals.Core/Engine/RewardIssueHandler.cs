using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;

namespace Referrals.Core.Engine;

/// <summary>
/// Pays an approved reward through the <see cref="IRewardIssuer"/>. Idempotent: an issued entry is left alone, a voided
/// one is never paid, and the issuer gets the same key on every attempt. A refund, cancellation or rejection that voids the reward
/// or settles a claw-back while the payout is on its way is not lost: the payout is recorded under the order's lock and
/// what it paid too much is clawed back (<see cref="RewardLedger.RecordPayoutAsync"/>). A payment the issuer confirmed is
/// recorded even when this worker's claim on the message ran out meanwhile (its record commits before the message's
/// completion, which needs the claim), so a second worker that completed the message without paying loses nothing. A
/// reward that will not be paid (voided before its payout, or left with nothing to pay) gives back to the debt the
/// repayment it no longer covers (<see cref="RewardLedger.ReturnUncoveredRepaymentAsync"/>).
/// </summary>
internal sealed class RewardIssueHandler : IOutboxHandler
{
    private readonly IRewardIssuer _issuer;
    private readonly TimeProvider _clock;

    public RewardIssueHandler(IRewardIssuer issuer, TimeProvider clock)
    {
        _issuer = issuer;
        _clock = clock;
    }

    public string Kind => RewardLedger.IssueKind;

    public async Task<string?> HandleAsync(OutboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var entry = await LedgerEntries.FindAsync(db, message, cancellationToken);
        if (entry.State is not (LedgerEntryState.Approved or LedgerEntryState.Voided))
        {
            // Issued by an earlier attempt.
            return entry.ExternalRef;
        }

        // A reward voided by a refund, cancellation or rejection before its payout started has nothing to pay.
        var subtracted = await RewardLedger.SettledReductionsAsync(db, entry, cancellationToken);
        var payout = entry.State == LedgerEntryState.Approved ? Math.Max(0m, entry.Amount + subtracted.Sum(r => r.Amount)) : 0m;
        string? paidRef = null;
        var paid = payout;
        if (payout > 0)
        {
            // No transaction is open across this call, on purpose. It can take many seconds (retries, read-backs), and
            // the issuer commits its own attempt records on another connection before it sends anything: on SQLite an
            // open transaction holds the database's write lock, so the issuer would wait for us until it timed out, and
            // on PostgreSQL the order's refunds would wait on the network. Holding nothing is safe because the call is
            // idempotent by key (a repeat returns the same payout, read back from Shopify when an answer was lost) and
            // because what happened meanwhile is reconciled below, under the lock.
            var result = await _issuer.IssueAsync(Request(entry, payout, message), cancellationToken);
            if (!result.Succeeded)
            {
                // Recorded under the order's lock before the message is dead-lettered, so a refund from now on returns
                // the debt repayment at once instead of waiting for someone to requeue the payout.
                await RewardLedger.RecordPayoutRefusedAsync(db, entry, result.Reason, _clock.GetUtcNow(), cancellationToken);
                throw new PermanentMessageException($"The reward could not be issued: {result.Reason}");
            }

            paidRef = result.ExternalRef!;
            // A repeat of the key returns the first try's payment (its record never committed), which may be more than
            // asked now: a claw-back settled in between was not subtracted by it, so it is collected after the payout.
            if (result.Moved is { } moved && string.Equals(moved.Currency, entry.Currency, StringComparison.OrdinalIgnoreCase))
            {
                paid = moved.Amount;
            }
        }
        else if (await _issuer.FindPaymentAsync(Request(entry, entry.Amount, message), cancellationToken) is { Succeeded: true, Moved: { } earlier } found
            && string.Equals(earlier.Currency, entry.Currency, StringComparison.OrdinalIgnoreCase))
        {
            // Nothing is left to pay now, but an earlier try of this key paid and its record never committed (its
            // answer was lost, or the commit failed) before a refund voided or used up the reward: the store holds
            // that payment, so it is recorded and what it paid too much is taken back, as for any payout a refund overtook.
            paidRef = found.ExternalRef!;
            paid = earlier.Amount;
        }

        // The order's lock is the one refunds, cancellations and rejections take before they read the reward, so the
        // state read now stays true until the commit. When nothing was paid, the outbox completes the message in this
        // transaction; a payment is committed on its own below.
        await db.Database.BeginTransactionAsync(cancellationToken);
        await OrderLocks.LockAsync(db, entry.TenantId, entry.OrderId, cancellationToken);
        await db.Entry(entry).ReloadAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        if (paidRef is null)
        {
            // Nothing was paid, so a void or claw-back meanwhile needs nothing back; but the debt this reward paid off
            // and no longer covers (refunded beyond what it kept for the debt, or voided) is owed again.
            if (entry.State is LedgerEntryState.Approved or LedgerEntryState.Voided)
            {
                await RewardLedger.ReturnUncoveredRepaymentAsync(db, entry, now, cancellationToken);
            }

            if (entry.State == LedgerEntryState.Approved)
            {
                entry.MarkIssued(RewardLedger.NothingToPayRef, now);
                await MarkReferralRewardedWhenAllIssuedAsync(db, entry, now, cancellationToken);
            }

            return entry.ExternalRef;
        }

        if (await RewardLedger.RecordPayoutAsync(db, entry, paidRef, PaymentReductions.SubtractedBy(paid, entry.Amount, subtracted), now, cancellationToken))
        {
            await TellAdvocateAsync(db, entry, new Money(paid, entry.Currency), now, cancellationToken);
            await MarkReferralRewardedWhenAllIssuedAsync(db, entry, now, cancellationToken);
        }

        // Committed here, not with the row's completion: the payment is a fact about the store, not about our claim on
        // the row. If the call outlived the lease, another worker may hold the row now, or may already have completed
        // it without paying (it found the reward voided); rolling this back with the lost claim would leave money paid
        // that the ledger never takes back. The outbox then completes the row only if the claim is still ours; a worker
        // that handles it again finds the reward issued, or voided and recorded as paid here, and pays nothing.
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.CommitTransactionAsync(cancellationToken);
        return entry.ExternalRef;
    }

    private static RewardIssueRequest Request(LedgerEntry entry, decimal amount, OutboxMessage message) =>
        new(entry.Id, entry.TenantId, entry.Beneficiary, entry.ContactId, entry.CauseId, entry.Kind, new Money(amount, entry.Currency), message.IdempotencyKey);

    // The advocate hears about a reward actually paid; the outbox key (the entry) makes a retried issue send one e-mail.
    private static async Task TellAdvocateAsync(ReferralsDbContext db, LedgerEntry entry, Money paid, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (entry.Beneficiary != Beneficiary.Advocate || entry.ContactId is not { } contactId
            || await db.Contacts.FindAsync([contactId], cancellationToken) is not { } advocate)
        {
            return;
        }

        await FollowUpEmails.EnqueueAsync(db, advocate, FollowUpEmails.RewardIssuedKind, entry.Id,
            new FollowUpEmailMessage(advocate.Id, ReferralId: entry.ReferralId, LedgerEntryId: entry.Id, Reward: RewardPhrase.For(entry.Kind, paid)), now, cancellationToken);
    }

    private static async Task MarkReferralRewardedWhenAllIssuedAsync(ReferralsDbContext db, LedgerEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (entry.ReferralId is not { } referralId)
        {
            return;
        }

        var othersOutstanding = await db.Ledger.AnyAsync(
            e => e.ReferralId == referralId && e.Id != entry.Id && e.Type == LedgerEntryType.Reward
                && (e.State == LedgerEntryState.Pending || e.State == LedgerEntryState.Approved),
            cancellationToken);
        if (!othersOutstanding && await db.Referrals.FindAsync([referralId], cancellationToken) is { State: ReferralState.Converted } referral)
        {
            referral.MarkRewarded(now);
        }
    }
}
