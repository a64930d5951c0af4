using Microsoft.EntityFrameworkCore;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>Gives advocates their personal code and finds the advocate behind a code.</summary>
public sealed class AdvocateCodes
{
    private readonly ReferralCodeAllocator _allocator;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service.</summary>
    public AdvocateCodes(ReferralCodeAllocator allocator, TimeProvider clock)
    {
        _allocator = allocator;
        _clock = clock;
    }

    /// <summary>The advocate's active code, created (unique per tenant, retried on collision) when they have none.</summary>
    /// <exception cref="ReferralCodeExhaustedException">No free code could be found.</exception>
    public async Task<ReferralCode> GetOrCreateAsync(ReferralsDbContext db, Contact advocate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(advocate);
        var existing = db.ReferralCodes.Local.FirstOrDefault(c => c.AdvocateContactId == advocate.Id && c.IsActive)
            ?? await db.ReferralCodes.Where(c => c.TenantId == advocate.TenantId && c.AdvocateContactId == advocate.Id && c.IsActive)
                .OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var generated = await _allocator.AllocateAsync(
            advocate.FirstName,
            async (key, ct) => db.ReferralCodes.Local.Any(c => c.TenantId == advocate.TenantId && c.LookupKey == key)
                || await db.ReferralCodes.AnyAsync(c => c.TenantId == advocate.TenantId && c.LookupKey == key, ct),
            cancellationToken);
        var code = new ReferralCode(advocate.TenantId, advocate.Id, generated.Display, generated.LookupKey, _clock.GetUtcNow());
        db.ReferralCodes.Add(code);
        return code;
    }

    /// <summary>The active code matching what a customer typed or a link carried, in any case or spelling variant; null when none.</summary>
    public static async Task<ReferralCode?> FindAsync(ReferralsDbContext db, Guid tenantId, string? typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!ReferralCodeKey.TryCreate(typed, out var key))
        {
            return null;
        }

        return await db.ReferralCodes.FirstOrDefaultAsync(c => c.TenantId == tenantId && c.LookupKey == key && c.IsActive, cancellationToken);
    }
}
