using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Referrals.Core.Jobs;

namespace Referrals.ShopifyBridge.Tests.Faults;

/// <summary>
/// Runs the recurring jobs a production host schedules through Hangfire (drain, maturation, outbox), every
/// <see cref="FaultBridgeHost.PumpInterval"/> instead of every minute, each in its own scope as Hangfire's activator
/// does. A failing pass (the database restarting) is logged and the next one runs as usual.
/// </summary>
internal sealed partial class FaultJobPump : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<FaultJobPump> _logger;

    public FaultJobPump(IServiceScopeFactory scopes, ILogger<FaultJobPump> logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FaultBridgeHost.PumpInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DrainInboxJob>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<MatureRewardsJob>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<ProcessOutboxJob>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A job pass failed; the next pass runs as usual.")]
    private partial void LogPassFailed(Exception ex);
}
