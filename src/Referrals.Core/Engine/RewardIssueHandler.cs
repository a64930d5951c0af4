using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;

namespace Referrals.Core.Engine;

/// <summary>
/// Pays an approved reward through the <see cref="IRewardIssuer"/>. Idempotent: an issued or voided entry is left
/// alone, and the issuer gets the same key on every attempt.
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
        if (entry.State != LedgerEntryState.Approved)
        {
            // Issued by an earlier attempt, or voided by a refund while it waited.
            return entry.ExternalRef;
        }

        var now = _clock.GetUtcNow();
        var payout = await RewardLedger.NetPayoutAsync(db, entry, cancellationToken);
        if (payout <= 0)
        {
            entry.MarkIssued("nothing-to-pay", now);
        }
        else
        {
            var result = await _issuer.IssueAsync(
                new RewardIssueRequest(entry.Id, entry.TenantId, entry.Beneficiary, entry.ContactId, entry.CauseId, entry.Kind,
                    new Money(payout, entry.Currency), message.IdempotencyKey),
                cancellationToken);
            if (!result.Succeeded)
            {
                throw new PermanentMessageException($"The reward could not be issued: {result.Reason}");
            }

            entry.MarkIssued(result.ExternalRef!, now);
            await TellAdvocateAsync(db, entry, new Money(payout, entry.Currency), now, cancellationToken);
        }

        await MarkReferralRewardedWhenAllIssuedAsync(db, entry, now, cancellationToken);
        return entry.ExternalRef;
    }

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
