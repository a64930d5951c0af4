using Referrals.Core.Asks;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// The host's way to report the moments of a customer relationship that call for an ask and that only the business
/// knows about (DESIGN.md §2.1): a problem was solved, work is about to start, or someone wants to ask a contact by
/// hand. Order events plan their own asks (<see cref="OrderEventProcessor"/>) and the cadence job plans cadence asks,
/// so those triggers are refused here.
/// </summary>
/// <remarks>
/// Every trigger follows the same planner rules (<see cref="AskPlanner"/>), <see cref="AskTrigger.Manual"/> included:
/// the Manual step's <see cref="AskTimelineStep.Enabled"/> flag is the program owner's switch for asks planned by
/// hand, so turning it off records them as skipped with <see cref="AskSkipReason.TriggerDisabled"/>. A person asking
/// by hand does not override consent, the frequency cap or a detractor's last score either: those protect the
/// contact, not the program.
/// </remarks>
public sealed class AskTriggers
{
    /// <summary>The longest source key, in characters.</summary>
    public const int MaximumSourceKeyLength = 100;

    private readonly AskScheduler _scheduler;

    /// <summary>Creates the service.</summary>
    public AskTriggers(AskScheduler scheduler)
    {
        _scheduler = scheduler;
    }

    /// <summary>Whether hosts may report <paramref name="trigger"/> through <see cref="RecordAsync"/>.</summary>
    public static bool IsReportable(AskTrigger trigger) => trigger is AskTrigger.ProblemSolved or AskTrigger.BeforeStart or AskTrigger.Manual;

    /// <summary>Plans the ask that <paramref name="trigger"/> calls for, once per <paramref name="sourceKey"/>.</summary>
    /// <param name="db">The context.</param>
    /// <param name="tenant">The tenant; its timeline gives the delay and channel.</param>
    /// <param name="contactId">The contact to ask.</param>
    /// <param name="trigger"><see cref="AskTrigger.ProblemSolved"/>, <see cref="AskTrigger.BeforeStart"/> or <see cref="AskTrigger.Manual"/>.</param>
    /// <param name="sourceKey">
    /// The host's own key for the moment (a ticket id, a project id, a request id), at most
    /// <see cref="MaximumSourceKeyLength"/> characters. Reporting the same key again returns the stored ask unchanged.
    /// </param>
    /// <param name="occurredAt">When it happened; the ask is due the step's delay after it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The ask: scheduled, or skipped with the planner's reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="db"/> or <paramref name="tenant"/> is null.</exception>
    /// <exception cref="ArgumentException">The trigger is not one hosts report, or the source key is empty or too long.</exception>
    /// <exception cref="InvalidOperationException">The tenant is not active, or the contact does not exist in it.</exception>
    public async Task<Ask> RecordAsync(ReferralsDbContext db, Tenant tenant, Guid contactId, AskTrigger trigger, string sourceKey,
        DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        if (!IsReportable(trigger))
        {
            throw new ArgumentException(
                $"'{trigger}' asks are planned by the engine itself (order events and the cadence job); report ProblemSolved, BeforeStart or Manual.",
                nameof(trigger));
        }

        if (string.IsNullOrWhiteSpace(sourceKey) || sourceKey.Length > MaximumSourceKeyLength)
        {
            throw new ArgumentException(
                $"The source key must be 1-{MaximumSourceKeyLength} characters: the host's own id for the moment, such as a ticket or project id.",
                nameof(sourceKey));
        }

        if (tenant.State != TenantState.Active)
        {
            throw new InvalidOperationException($"Tenant {tenant.Key} is {tenant.State}; no asks are planned for it.");
        }

        return await _scheduler.ScheduleAsync(db, tenant, contactId, trigger, sourceKey, occurredAt, cancellationToken);
    }
}
