using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.AdminApi.Operations;

namespace Referrals.ShopifyBridge.Advocates;

/// <summary>
/// The shop's customer segment of people who have not ordered yet (<see cref="Query"/>), which advocates' friend
/// discounts are limited to, so a friend's code only works on their first order. Made once per shop with
/// <c>segmentCreate</c> and remembered as the tenant reference <see cref="ReferenceName"/>.
/// </summary>
/// <remarks>
/// Idempotent: a remembered id is used as is; when the create's answer was lost, the next create meets the taken name
/// and the segment is found by <see cref="Name"/>. The id is saved at once, apart from the caller's work.
/// </remarks>
public sealed class FirstOrderSegment
{
    /// <summary>The segment's name in the shop (unique there).</summary>
    public const string Name = "Referrals: first-time customers";

    /// <summary>The segment's definition: customers with no orders.</summary>
    public const string Query = "number_of_orders = 0";

    /// <summary>The tenant reference that remembers the segment's gid.</summary>
    public const string ReferenceName = "shopify.first-order-segment";

    private readonly IShopifyAdminClient _shopify;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service.</summary>
    public FirstOrderSegment(IShopifyAdminClient shopify, TimeProvider clock)
    {
        _shopify = shopify;
        _clock = clock;
    }

    /// <summary>The segment's gid: the remembered one, or a new one (created and remembered).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PermanentMessageException">Shopify refused the segment for another reason than its taken name.</exception>
    /// <exception cref="ShopifyAdminApiException">The Admin API failed (transient failures are retried by the outbox).</exception>
    public async Task<string> GetOrCreateAsync(ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        var remembered = await db.TenantReferences.AsNoTracking()
            .Where(r => r.TenantId == tenant.Id && r.Name == ReferenceName).Select(r => r.Value).FirstOrDefaultAsync(cancellationToken);
        if (remembered is not null)
        {
            return remembered;
        }

        string id;
        try
        {
            id = (await _shopify.ExecuteAsync(tenant.Key, new SegmentCreate(Name, Query), cancellationToken)).SegmentId;
        }
        catch (ShopifyUserErrorsException e) when (SegmentCreate.IsNameTaken(e))
        {
            var existing = await _shopify.ExecuteAsync(tenant.Key, new SegmentByName(Name), cancellationToken);
            if (existing is null || !string.Equals(existing.Query.Trim(), Query, StringComparison.OrdinalIgnoreCase))
            {
                throw new PermanentMessageException(
                    $"The shop {tenant.Key} has a customer segment named '{Name}' that is not ours ({existing?.Query ?? "not readable"}), so friend codes cannot be limited to first orders. " +
                    "Rename that segment in Shopify, then retry this message.");
            }

            id = existing.SegmentId; // made by an earlier attempt whose answer was lost
        }
        catch (ShopifyUserErrorsException e)
        {
            throw new PermanentMessageException($"Shopify refused the first-order customer segment in {tenant.Key}: {e.Message}", e);
        }

        db.TenantReferences.Add(new TenantReference(tenant.Id, ReferenceName, id, _clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
