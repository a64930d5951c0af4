using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;

namespace Referrals.Umbraco.Api;

/// <summary>Shopify stores connected to this installation (read-only here: they connect from Shopify).</summary>
[Route(RoutePrefix + "/stores")]
internal sealed class StoresController : ReferralsApiController
{
    private readonly ReferralsDbContext _db;

    public StoresController(ReferralsDbContext db) => _db = db;

    /// <summary>Every Shopify tenant, by shop domain.</summary>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<StoreModel>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<StoreModel>>> List(CancellationToken cancellationToken)
    {
        var shops = await _db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.ShopifyShop).OrderBy(t => t.Key).ToListAsync(cancellationToken);
        return shops.Select(t => new StoreModel(t.Id, t.Key, t.DisplayName, t.State, t.CreatedAt, t.UninstalledAt)).ToList();
    }
}
