using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Persistence;

namespace Referrals.Umbraco.Tests.Hosting;

public static class ServiceProviderExtensions
{
    /// <summary>A new context on the site's database; the caller disposes it.</summary>
    public static ReferralsDbContext GetRequiredServiceDb(this IServiceProvider services) =>
        services.GetRequiredService<ReferralsDbContextFactory>().CreateDbContext();
}
