using Microsoft.Extensions.Options;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Umbraco.Configuration;

namespace Referrals.Umbraco.Hosting;

/// <summary>The one tenant an Umbraco site's program lives in (<c>Referrals:Umbraco:TenantKey</c>), created on first use.</summary>
internal sealed class SiteTenant
{
    private readonly TenantDirectory _tenants;
    private readonly ReferralsUmbracoOptions _options;

    public SiteTenant(TenantDirectory tenants, IOptions<ReferralsUmbracoOptions> options)
    {
        _tenants = tenants;
        _options = options.Value;
    }

    /// <summary>The site's tenant, tracked by <paramref name="db"/>. Saves when it had to create it.</summary>
    public Task<Tenant> GetAsync(ReferralsDbContext db, CancellationToken cancellationToken) =>
        _tenants.GetOrCreateAsync(db, _options.TenantKey, TenantKind.UmbracoSite, _options.SiteName, cancellationToken);
}
