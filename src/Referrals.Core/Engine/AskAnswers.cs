using Microsoft.EntityFrameworkCore;
using Referrals.Core.Analytics;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Satisfaction;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Stores a contact's answer to the satisfaction question from a one-click rating link, once per ask, and returns the
/// gate's decision. This is where rating links become single-use (<see cref="RatingToken"/> alone is not).
/// </summary>
public sealed class AskAnswers
{
    private readonly AdvocateCodes _codes;
    private readonly StaffTasks _tasks;

    /// <summary>Creates the service.</summary>
    public AskAnswers(AdvocateCodes codes, StaffTasks tasks)
    {
        _codes = codes;
        _tasks = tasks;
    }

    /// <summary>
    /// Records the score <paramref name="token"/> carries against its ask. The token must already be verified with
    /// <see cref="RatingLinkSigner.Verify"/> (signature and expiry); this method checks the ask.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="token">The verified token.</param>
    /// <param name="now">The time of the click.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>
    /// <see cref="AskAnswerStatus.Recorded"/> with the gate's decision (promoter → referral ask, passive → thank-you,
    /// detractor → service-recovery task) and the score stored on the ask and as the contact's last score;
    /// <see cref="AskAnswerStatus.AlreadyAnswered"/> for a replay (a second click, on the same or another score);
    /// <see cref="AskAnswerStatus.UnknownAsk"/> or <see cref="AskAnswerStatus.NotSent"/> otherwise. Refusals change nothing.
    /// The decision is carried out in the same transaction as the answer: a promoter gets a referral code and the referral
    /// ask e-mail (<see cref="FollowUpEmails.ReferralAskKind"/>), a passive the thank-you e-mail
    /// (<see cref="FollowUpEmails.ThankYouKind"/>), both only with consent; a detractor creates a service-recovery
    /// <see cref="Thanks.StaffTask"/>. Each is keyed by the ask, so a replay adds nothing.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="db"/> or <paramref name="token"/> is null.</exception>
    /// <remarks>
    /// The answer is written with one conditional update (<c>... WHERE State = 'Sent'</c>), so of two clicks at the same
    /// moment exactly one is recorded and the other gets <see cref="AskAnswerStatus.AlreadyAnswered"/>.
    /// </remarks>
    public async Task<AskAnswerResult> RecordAsync(ReferralsDbContext db, RatingToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(token);
        var ask = await db.Asks.AsNoTracking().FirstOrDefaultAsync(a => a.Id == token.AskId, cancellationToken);
        if (ask is null || ask.TenantId != token.TenantId || ask.ContactId != token.ContactId)
        {
            return AskAnswerResult.Refused(AskAnswerStatus.UnknownAsk);
        }

        switch (ask.State)
        {
            case AskState.Answered:
                return AskAnswerResult.Refused(AskAnswerStatus.AlreadyAnswered);
            case AskState.Scheduled or AskState.Skipped or AskState.Cancelled:
                return AskAnswerResult.Refused(AskAnswerStatus.NotSent);
        }

        var tenant = await db.Tenants.FindAsync([token.TenantId], cancellationToken);
        var contact = await db.Contacts.FindAsync([token.ContactId], cancellationToken);
        if (tenant is null || contact is null)
        {
            return AskAnswerResult.Refused(AskAnswerStatus.UnknownAsk);
        }

        var decision = SatisfactionGate.Classify(token.Score, tenant.Settings.Gate);
        // The rollups move by the row as it was and as it will be: the conditional update below bypasses SaveChanges.
        var rollups = new RollupDelta();
        rollups.Ask(ask.TenantId, ask.Trigger, ask.CreatedAt, ask.SentAt, ask.AnsweredAt, ask.Score, -1);
        ask.MarkAnswered(token.Score, now); // the state machine's check; the row is written below, conditionally
        rollups.Ask(ask.TenantId, ask.Trigger, ask.CreatedAt, ask.SentAt, ask.AnsweredAt, ask.Score, +1);
        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        var answered = await db.Asks
            .Where(a => a.Id == ask.Id && a.State == AskState.Sent)
            .ExecuteUpdateAsync(
                set => set.SetProperty(a => a.State, AskState.Answered)
                    .SetProperty(a => a.Score, token.Score)
                    .SetProperty(a => a.AnsweredAt, now),
                cancellationToken);
        if (answered == 0)
        {
            return AskAnswerResult.Refused(AskAnswerStatus.AlreadyAnswered);
        }

        await AnalyticsRollupWriter.ApplyAsync(db, rollups, cancellationToken);
        contact.LastSatisfactionScore = token.Score;
        contact.UpdatedAt = now;
        await FollowThroughAsync(db, tenant, contact, ask, decision, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new AskAnswerResult(AskAnswerStatus.Recorded, decision);
    }

    private async Task FollowThroughAsync(ReferralsDbContext db, Tenant tenant, Contact contact, Ask ask, GateDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (decision.NextStep)
        {
            case GateNextStep.ReferralAsk:
                // Every promoter gets a code, so staff and the on-site block can show their link even without e-mail consent.
                await _codes.GetOrCreateAsync(db, contact, cancellationToken);
                await FollowUpEmails.EnqueueAsync(db, contact, FollowUpEmails.ReferralAskKind, ask.Id, new FollowUpEmailMessage(contact.Id, AskId: ask.Id), now, cancellationToken);
                break;
            case GateNextStep.ThankYouOnly:
                await FollowUpEmails.EnqueueAsync(db, contact, FollowUpEmails.ThankYouKind, ask.Id, new FollowUpEmailMessage(contact.Id, AskId: ask.Id), now, cancellationToken);
                break;
            case GateNextStep.ServiceRecoveryTask:
                await _tasks.ServiceRecoveryAsync(db, tenant, contact, ask, cancellationToken);
                break;
        }
    }
}
