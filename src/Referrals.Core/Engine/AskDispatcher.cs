using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Sends asks that are due: checks the planner's rules again (consent may have been withdrawn, the contact redacted,
/// the trigger turned off since scheduling) and hands each ask to its channel. E-mail asks become an outbox message of
/// kind <see cref="EmailKind"/> (one per ask); task asks become a <see cref="Thanks.StaffTask"/> (a call, letter or
/// meeting per the timeline step, one per ask); on-site asks are only marked sent — the on-site block reads them.
/// Advocate news (<see cref="AskTrigger.AdvocateNews"/>) becomes an outbox message of kind
/// <see cref="FollowUpEmails.AdvocateNewsKind"/> instead of a satisfaction e-mail.
/// </summary>
public sealed class AskDispatcher
{
    /// <summary>The outbox kind that sends an ask's satisfaction e-mail; the payload is an <see cref="AskEmailMessage"/>.</summary>
    public const string EmailKind = "ask.email";

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private readonly TimeProvider _clock;
    private readonly StaffTasks _tasks;

    /// <summary>Creates the dispatcher.</summary>
    public AskDispatcher(TimeProvider clock, StaffTasks tasks)
    {
        _clock = clock;
        _tasks = tasks;
    }

    /// <summary>The outbox idempotency key of <paramref name="askId"/>'s e-mail.</summary>
    public static string EmailIdempotencyKey(Guid askId) => $"{EmailKind}:{askId:N}";

    /// <summary>The scheduled asks due by <paramref name="now"/>, longest due first: a walk of the scheduled asks' index.</summary>
    internal static IQueryable<Ask> Due(ReferralsDbContext db, DateTimeOffset now, int batchSize) =>
        db.Asks.Where(a => a.State == AskState.Scheduled && a.DueAt <= now).OrderBy(a => a.DueAt).Take(batchSize);

    /// <summary>Handles up to <paramref name="batchSize"/> scheduled asks due at or before now, oldest first.</summary>
    /// <returns>How many asks were sent (skipped and cancelled ones not counted).</returns>
    /// <remarks>
    /// May run more than once and on several servers: an ask's e-mail has one outbox key, so a second runner's save
    /// fails on the unique key instead of sending twice, and the job is retried.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    public async Task<int> DispatchDueAsync(ReferralsDbContext db, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var now = _clock.GetUtcNow();
        var due = await Due(db, now, batchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var ask in due)
        {
            var tenant = await db.Tenants.FindAsync([ask.TenantId], cancellationToken);
            var contact = await db.Contacts.FindAsync([ask.ContactId], cancellationToken);
            if (tenant is null || tenant.State != TenantState.Active || contact is null)
            {
                ask.Cancel(now);
                continue;
            }

            var skip = AskPlanner.CheckBeforeSending(ask.Trigger, ask.Channel, tenant.Settings.Timeline, tenant.Settings.Gate,
                contact.MarketingConsent, contact.RedactedAt is not null, contact.LastSatisfactionScore);
            if (skip is { } reason)
            {
                ask.MarkSkipped(reason, now);
                continue;
            }

            if (ask.Trigger == AskTrigger.AdvocateNews)
            {
                // News, not a question: its own e-mail, keyed by the ask so a retry enqueues it once.
                await FollowUpEmails.EnqueueAsync(db, contact, FollowUpEmails.AdvocateNewsKind, ask.Id, new FollowUpEmailMessage(contact.Id, ask.Id), now, cancellationToken);
            }
            else if (ask.Channel == AskChannel.Email)
            {
                var payload = JsonSerializer.Serialize(new AskEmailMessage(ask.Id), PayloadJson);
                await OutboxWriter.EnqueueAsync(db, new OutboxMessage(ask.TenantId, EmailKind, EmailIdempotencyKey(ask.Id), payload, now), cancellationToken);
            }
            else if (ask.Channel == AskChannel.Task)
            {
                await _tasks.AskTaskAsync(db, tenant, contact, ask, tenant.Settings.Timeline.StepFor(ask.Trigger).TaskKind, cancellationToken);
            }

            ask.MarkSent(now);
            sent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
