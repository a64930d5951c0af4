using Microsoft.EntityFrameworkCore;
using Referrals.Core.Audit;
using Referrals.Core.Fraud;
using Referrals.Core.Persistence;
using Referrals.Core.Review;

namespace Referrals.Core.Engine;

/// <summary>
/// Decisions on flagged referrals: a person approves or rejects before the deadline, or the program's lapse policy
/// decides after it. Approving lets the held rewards mature; rejecting voids them. Every decision is audited.
/// </summary>
public sealed class ReviewQueue
{
    /// <summary>The actor recorded when the lapse policy decides.</summary>
    public const string LapseActor = "lapse-policy";

    private readonly RewardLedger _ledger;
    private readonly TimeProvider _clock;

    /// <summary>Creates the queue.</summary>
    public ReviewQueue(RewardLedger ledger, TimeProvider clock)
    {
        _ledger = ledger;
        _clock = clock;
    }

    /// <summary>Records a person's decision.</summary>
    /// <exception cref="KeyNotFoundException">No such item for the tenant.</exception>
    /// <exception cref="InvalidOperationException">The item was already decided.</exception>
    public async Task DecideAsync(ReferralsDbContext db, Guid tenantId, Guid itemId, bool approve, string actor, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("Say why the referral is rejected: the advocate may ask.", nameof(note));
        }

        var item = await db.ReviewItems.FirstOrDefaultAsync(i => i.Id == itemId && i.TenantId == tenantId, cancellationToken)
            ?? throw new KeyNotFoundException($"Review item {itemId} does not exist.");
        if (!await ApplyAsync(db, item, approve, actor, note, cancellationToken))
        {
            // Someone else decided it between our read and our claim: say who, as a late second reviewer hears.
            await db.Entry(item).ReloadAsync(cancellationToken);
            item.Decide(approve, actor, note, _clock.GetUtcNow());
            throw new InvalidOperationException("This referral was decided by someone else at the same time.");
        }
    }

    /// <summary>Applies each tenant's lapse policy to open items whose deadline has passed.</summary>
    /// <returns>How many items were decided.</returns>
    public async Task<int> ApplyLapsesAsync(ReferralsDbContext db, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = _clock.GetUtcNow();
        var lapsed = await db.ReviewItems.Where(i => i.Status == ReviewStatus.Open && i.Deadline <= now)
            .OrderBy(i => i.Deadline).Take(batchSize).ToListAsync(cancellationToken);
        var decided = 0;
        foreach (var tenantItems in lapsed.GroupBy(i => i.TenantId))
        {
            var tenant = await db.Tenants.FindAsync([tenantItems.Key], cancellationToken);
            var policy = tenant?.Settings.ReviewLapsePolicy ?? ReviewLapsePolicy.KeepWaiting;
            foreach (var item in tenantItems)
            {
                var outcome = ReviewLapse.Decide(item.Deadline, now, policy);
                if (outcome == ReviewLapseOutcome.StillOpen)
                {
                    continue;
                }

                if (await ApplyAsync(db, item, outcome == ReviewLapseOutcome.Approve, LapseActor, $"Not reviewed by the deadline; the program's policy is {policy}.", cancellationToken))
                {
                    decided++;
                }
            }
        }

        return decided;
    }

    /// <summary>
    /// Decides <paramref name="item"/> in its own transaction (or the caller's). Two deciders at once (two reviewers, a
    /// reviewer and the lapse policy, a cancellation) must not both act on an item each read as open: the item is
    /// claimed by a conditional UPDATE, after the order's lock that a rejection's void needs (taken first, as in a
    /// refund, so the two never wait for each other in a circle).
    /// </summary>
    /// <returns>False when the item was no longer open: nothing was changed.</returns>
    private async Task<bool> ApplyAsync(ReferralsDbContext db, ReviewItem item, bool approve, string actor, string? note, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        var referral = await db.Referrals.FindAsync([item.ReferralId], cancellationToken);
        if (referral?.ConvertingOrderId is { } lockedOrderId)
        {
            await OrderLocks.LockAsync(db, referral.TenantId, lockedOrderId, cancellationToken);
        }

        if (await db.ReviewItems.Where(i => i.Id == item.Id && i.Status == ReviewStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, i => i.Status), cancellationToken) != 1)
        {
            return false;
        }

        await db.Entry(item).ReloadAsync(cancellationToken);
        item.Decide(approve, actor, note, now);
        if (referral is not null)
        {
            await db.Entry(referral).ReloadAsync(cancellationToken);
        }

        if (referral is not null && approve)
        {
            referral.Approve(now);
        }
        else if (referral is not null)
        {
            referral.Reject(note ?? "Rejected in review.", now);
            if (referral.ConvertingOrderId is { } orderId)
            {
                await _ledger.VoidOrderAsync(db, referral.TenantId, orderId, "The referral was rejected in review.", cancellationToken);
            }
        }

        db.AuditLog.Add(new AuditEntry(item.TenantId, actor, approve ? "review.approve" : "review.reject", $"referral:{item.ReferralId:N}", note, now));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }
}
