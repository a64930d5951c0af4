using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Referrals.Core.Configuration;

namespace Referrals.Core.Persistence;

/// <summary>Applies migrations when the host starts, unless <see cref="StorageOptions.MigrateOnStartup"/> is off.</summary>
internal sealed class ReferralsDatabaseInitializer : IHostedService
{
    private readonly ReferralsDbContextFactory _factory;
    private readonly ILogger<ReferralsDatabaseInitializer> _logger;

    public ReferralsDatabaseInitializer(ReferralsDbContextFactory factory, ILogger<ReferralsDatabaseInitializer> logger)
    {
        _factory = factory;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_factory.Storage.MigrateOnStartup)
        {
            return;
        }

        await ReferralsDatabase.MigrateAsync(_factory, cancellationToken);
        _logger.LogInformation("Referrals database ready ({Provider})", _factory.Storage.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
