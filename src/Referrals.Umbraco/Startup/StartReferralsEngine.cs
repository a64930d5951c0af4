using Hangfire;
using Microsoft.Extensions.Logging;
using Referrals.Core.Configuration;
using Referrals.Core.Jobs;
using Referrals.Core.Persistence;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Services;

namespace Referrals.Umbraco.Startup;

/// <summary>
/// When Umbraco has started on an installed, up-to-date database (<see cref="RuntimeLevel.Run"/>): applies the
/// engine's migrations (unless <c>Referrals:Storage:MigrateOnStartup</c> is off), then registers the recurring jobs
/// (unless <c>Referrals:Jobs:RegisterRecurringJobs</c> is off). Before install there is no database, so it waits.
/// </summary>
internal sealed partial class StartReferralsEngine : INotificationAsyncHandler<UmbracoApplicationStartedNotification>
{
    private readonly IRuntimeState _runtime;
    private readonly ReferralsDbContextFactory _databases;
    private readonly ReferralsOptions _options;
    private readonly IServiceProvider _services;
    private readonly ILogger<StartReferralsEngine> _logger;

    public StartReferralsEngine(IRuntimeState runtime, ReferralsDbContextFactory databases, ReferralsOptions options, IServiceProvider services,
        ILogger<StartReferralsEngine> logger)
    {
        _runtime = runtime;
        _databases = databases;
        _options = options;
        _services = services;
        _logger = logger;
    }

    /// <summary>Whether the last notification ran the migrations (for tests and diagnostics).</summary>
    public bool Migrated { get; private set; }

    public async Task HandleAsync(UmbracoApplicationStartedNotification notification, CancellationToken cancellationToken)
    {
        if (_runtime.Level != RuntimeLevel.Run)
        {
            LogWaiting(_logger, _runtime.Level);
            return;
        }

        if (_options.Storage.MigrateOnStartup)
        {
            await ReferralsDatabase.MigrateAsync(_databases, cancellationToken);
            Migrated = true;
            LogMigrated(_logger, _databases.Storage.Provider);
        }

        if (_options.Jobs.RegisterRecurringJobs && _services.GetService(typeof(IRecurringJobManager)) is IRecurringJobManager jobs)
        {
            ReferralsRecurringJobs.AddOrUpdate(jobs);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referrals waits for Umbraco: runtime level {Level}")]
    private static partial void LogWaiting(ILogger logger, RuntimeLevel level);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referrals database ready ({Provider})")]
    private static partial void LogMigrated(ILogger logger, StorageProvider provider);
}
