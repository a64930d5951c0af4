using Hangfire;

namespace Referrals.Core.Jobs;

/// <summary>Registers the engine's recurring jobs. Hosts call this once at start-up; calling it again updates them.</summary>
public static class ReferralsRecurringJobs
{
    /// <summary>Recurring job id of the inbox drain.</summary>
    public const string DrainInbox = "referrals:drain-inbox";

    /// <summary>Recurring job id of the outbox pass.</summary>
    public const string ProcessOutbox = "referrals:process-outbox";

    /// <summary>Recurring job id of reward maturation.</summary>
    public const string MatureRewards = "referrals:mature-rewards";

    /// <summary>Recurring job id of the sweeper.</summary>
    public const string Sweeper = "referrals:sweeper";

    /// <summary>Recurring job id of the due-ask dispatch.</summary>
    public const string DispatchDueAsks = "referrals:dispatch-due-asks";

    /// <summary>Recurring job id of cadence ask planning.</summary>
    public const string PlanCadenceAsks = "referrals:plan-cadence-asks";

    /// <summary>Recurring job id of advocate news planning.</summary>
    public const string PlanAdvocateNews = "referrals:plan-advocate-news";

    /// <summary>Recurring job id of the invited-friend retention.</summary>
    public const string EraseStaleFriends = "referrals:erase-stale-friends";

    /// <summary>Every id, for hosts that list or remove them.</summary>
    public static IReadOnlyList<string> All { get; } = [DrainInbox, ProcessOutbox, MatureRewards, Sweeper, DispatchDueAsks, PlanCadenceAsks, PlanAdvocateNews, EraseStaleFriends];

    /// <summary>Adds or updates the recurring jobs: drain and outbox every minute, maturation every 15 minutes, sweeper and due asks every 5, cadence and advocate news planning hourly, friend retention daily.</summary>
    public static void AddOrUpdate(IRecurringJobManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.AddOrUpdate<DrainInboxJob>(DrainInbox, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        manager.AddOrUpdate<ProcessOutboxJob>(ProcessOutbox, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        manager.AddOrUpdate<MatureRewardsJob>(MatureRewards, job => job.RunAsync(CancellationToken.None), "*/15 * * * *");
        manager.AddOrUpdate<SweeperJob>(Sweeper, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        manager.AddOrUpdate<DispatchDueAsksJob>(DispatchDueAsks, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        manager.AddOrUpdate<PlanCadenceAsksJob>(PlanCadenceAsks, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        manager.AddOrUpdate<PlanAdvocateNewsJob>(PlanAdvocateNews, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        manager.AddOrUpdate<EraseStaleFriendsJob>(EraseStaleFriends, job => job.RunAsync(CancellationToken.None), Cron.Daily());
    }
}
