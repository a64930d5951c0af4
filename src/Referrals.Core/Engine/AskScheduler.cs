using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Plans asks from events: loads the contact's facts, asks <see cref="AskPlanner"/>, and stores the ask as Scheduled or
/// Skipped with its reason. Idempotent: the same <c>(tenant, contact, trigger, source key)</c> plans one ask, however
/// often the event arrives. Saves its changes; run it inside the caller's transaction to make the event atomic.
/// </summary>
public sealed class AskScheduler
{
    private readonly TimeProvider _clock;

    /// <summary>Creates the scheduler.</summary>
    public AskScheduler(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Plans the ask that <paramref name="trigger"/> for <paramref name="contactId"/> calls for.</summary>
    /// <param name="db">The context.</param>
    /// <param name="tenant">The tenant; its settings give the timeline and the gate.</param>
    /// <param name="contactId">The contact to ask.</param>
    /// <param name="trigger">The event.</param>
    /// <param name="sourceKey">The event's own key (an order id, a ticket id, a cadence period), at most 100 characters.</param>
    /// <param name="eventTime">When the event happened; the due time counts from it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The ask (new, or the one the same event planned before).</returns>
    /// <exception cref="ArgumentException"><paramref name="sourceKey"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The contact does not exist in this tenant.</exception>
    /// <remarks>A concurrent call for the same event fails on the unique key when saving; retry it and it returns the stored ask.</remarks>
    public Task<Ask> ScheduleAsync(ReferralsDbContext db, Tenant tenant, Guid contactId, AskTrigger trigger, string sourceKey,
        DateTimeOffset eventTime, CancellationToken cancellationToken) =>
        ScheduleAsync(db, tenant, contactId, trigger, sourceKey, eventTime, save: true, contactAddedHere: false, cancellationToken);

    /// <summary>
    /// Plans the ask like the public overload. Without <paramref name="save"/> the caller saves (nothing may read the
    /// contact's asks from the database before that). <paramref name="contactAddedHere"/> says the contact was added
    /// through this context and it was not cleared since, so all of its asks are tracked and none is read from the database.
    /// </summary>
    internal async Task<Ask> ScheduleAsync(ReferralsDbContext db, Tenant tenant, Guid contactId, AskTrigger trigger, string sourceKey,
        DateTimeOffset eventTime, bool save, bool contactAddedHere, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        // A contact added in this unit of work has nothing in the database yet: its asks, if any, are all in memory.
        // The tracker is read without a DetectChanges pass each (ChangeTrackerEntries): the save runs one.
        var newContact = contactAddedHere
            || ChangeTrackerEntries.AsDetected<Contact>(db.ChangeTracker).Any(e => e.Entity.Id == contactId && e.State == EntityState.Added);
        var existing = ChangeTrackerEntries.Tracked<Ask>(db.ChangeTracker).FirstOrDefault(a => Same(a, tenant.Id, contactId, trigger, sourceKey))
            ?? (newContact ? null : await db.Asks.FirstOrDefaultAsync(
                a => a.TenantId == tenant.Id && a.ContactId == contactId && a.Trigger == trigger && a.SourceKey == sourceKey, cancellationToken));
        if (existing is not null)
        {
            return existing;
        }

        var contact = await db.Contacts.FindAsync([contactId], cancellationToken);
        if (contact is null || contact.TenantId != tenant.Id)
        {
            throw new InvalidOperationException($"Contact {contactId} does not exist in tenant {tenant.Key}.");
        }

        var history = newContact
            ? AskHistory.InMemory(db, tenant.Id, contactId, exceptAskId: null)
            : await AskHistory.LoadAsync(db, tenant.Id, contactId, exceptAskId: null, cancellationToken);
        var plan = AskPlanner.Plan(new AskPlanInput
        {
            Trigger = trigger,
            EventTime = eventTime,
            Timeline = tenant.Settings.Timeline,
            Gate = tenant.Settings.Gate,
            MarketingConsent = contact.MarketingConsent,
            Redacted = contact.RedactedAt is not null,
            LastScore = contact.LastSatisfactionScore,
            LastAskedAt = history.LastSentAt,
            OpenAskExists = history.OpenAskExists,
        });
        var ask = Ask.FromPlan(tenant.Id, contactId, trigger, sourceKey, plan, _clock.GetUtcNow());
        db.Asks.Add(ask);
        if (save)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return ask;
    }

    private static bool Same(Ask ask, Guid tenantId, Guid contactId, AskTrigger trigger, string sourceKey) =>
        ask.TenantId == tenantId && ask.ContactId == contactId && ask.Trigger == trigger && ask.SourceKey == sourceKey;
}
