using Microsoft.Extensions.Diagnostics.HealthChecks;
using Referrals.Core.Persistence;

namespace Referrals.ShopifyBridge;

/// <summary>Healthy when the engine's database answers.</summary>
internal sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly ReferralsDbContextFactory _factory;

    public DatabaseHealthCheck(ReferralsDbContextFactory factory)
    {
        _factory = factory;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{_factory.Storage.Provider} answers.")
            : HealthCheckResult.Unhealthy($"{_factory.Storage.Provider} does not answer. Check Referrals:Storage:ConnectionString.");
    }
}
