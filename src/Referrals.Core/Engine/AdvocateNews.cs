using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>
/// Plans the advocate news: for every active tenant whose <see cref="AskTimeline.AdvocateNews"/> step is on, one news
/// per advocate and referral partner per <see cref="CadencePeriod"/> of <see cref="AskTimeline.AdvocateNewsIntervalDays"/>.
/// An advocate is a contact with a referral code or a referral they started; a <see cref="ContactKind.ReferralPartner"/>
/// is always one. The news is stored as an ask with trigger <see cref="AskTrigger.AdvocateNews"/>, so the planner's
/// rules apply unchanged: redacted contacts are left out, and a contact without marketing consent (unsubscribed), a
/// detractor, a contact with another ask waiting, or one sent an ask or news within the frequency cap is recorded as
/// skipped with the reason. A sent news counts toward the cap of the asks that follow it.
/// </summary>
/// <remarks>
/// As <see cref="CadenceAsks"/>: contacts are read in batches of candidates without a news for the period, so memory
/// stays flat and a stopped run resumes; a second runner fails on the ask's unique key and is retried.
/// </remarks>
public sealed class AdvocateNews
{
    private readonly AskScheduler _scheduler;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service.</summary>
    public AdvocateNews(AskScheduler scheduler, TimeProvider clock)
    {
        _scheduler = scheduler;
        _clock = clock;
    }

    /// <summary>Plans the current period's news of every active tenant.</summary>
    /// <param name="db">The context; its change tracker is cleared after each batch.</param>
    /// <param name="batchSize">How many contacts to read at a time.</param>
    /// <param name="cancellationToken">Cancels the work; news already planned stay.</param>
    /// <returns>How many news were planned (scheduled or skipped).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    public Task<int> PlanAsync(ReferralsDbContext db, int batchSize, CancellationToken cancellationToken) =>
        PeriodicAskPlanner.PlanAsync(
            db, _scheduler, _clock, AskTrigger.AdvocateNews,
            (tenant, now) => tenant.Settings.Timeline.AdvocateNews.Enabled ? SourceKeyFor(tenant.Settings.Timeline, now) : null,
            (contacts, tenant) => contacts
                .Where(c => c.Kind == ContactKind.ReferralPartner
                    || db.ReferralCodes.Any(k => k.TenantId == tenant.Id && k.AdvocateContactId == c.Id)
                    || db.Referrals.Any(r => r.TenantId == tenant.Id && r.AdvocateContactId == c.Id))
                .OrderBy(c => c.Id),
            batchSize,
            cancellationToken);

    /// <summary>The source key of the news planned at <paramref name="now"/> under <paramref name="timeline"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="timeline"/> is null.</exception>
    public static string SourceKeyFor(AskTimeline timeline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return CadencePeriod.For(now, timeline.AdvocateNewsIntervalDays).AdvocateNewsSourceKey;
    }
}
