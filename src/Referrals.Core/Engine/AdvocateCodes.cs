using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>Gives advocates their personal code and finds the advocate behind a code.</summary>
public sealed class AdvocateCodes
{
    private readonly ReferralCodeAllocator _allocator;
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private readonly TimeProvider _clock;
    private readonly AdvocateCodeEffect[] _effects;

    /// <summary>Creates the service, with no effects on new codes.</summary>
    public AdvocateCodes(ReferralCodeAllocator allocator, TimeProvider clock)
        : this(allocator, clock, [])
    {
    }

    /// <summary>Creates the service.</summary>
    /// <param name="allocator">Finds free codes.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="effects">Outbox kinds enqueued for every new code (in the caller's unit of work).</param>
    public AdvocateCodes(ReferralCodeAllocator allocator, TimeProvider clock, IEnumerable<AdvocateCodeEffect> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        _allocator = allocator;
        _clock = clock;
        _effects = [.. effects.DistinctBy(e => e.OutboxKind, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The advocate's active code, created (unique per tenant, retried on collision) when they have none. A new code is
    /// added to <paramref name="db"/> together with one outbox message per registered <see cref="AdvocateCodeEffect"/>;
    /// the caller saves both in one unit of work, so the effects happen (at least once) exactly when the code exists.
    /// </summary>
    /// <exception cref="ReferralCodeExhaustedException">No free code could be found.</exception>
    public async Task<ReferralCode> GetOrCreateAsync(ReferralsDbContext db, Contact advocate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(advocate);
        var existing = ChangeTrackerEntries.Tracked<ReferralCode>(db.ChangeTracker).FirstOrDefault(c => c.AdvocateContactId == advocate.Id && c.IsActive)
            ?? await db.ReferralCodes.Where(c => c.TenantId == advocate.TenantId && c.AdvocateContactId == advocate.Id && c.IsActive)
                .OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var generated = await _allocator.AllocateAsync(
            advocate.FirstName,
            async (key, ct) => ChangeTrackerEntries.Tracked<ReferralCode>(db.ChangeTracker).Any(c => c.TenantId == advocate.TenantId && c.LookupKey == key)
                || await db.ReferralCodes.AnyAsync(c => c.TenantId == advocate.TenantId && c.LookupKey == key, ct),
            cancellationToken);
        var code = new ReferralCode(advocate.TenantId, advocate.Id, generated.Display, generated.LookupKey, _clock.GetUtcNow());
        db.ReferralCodes.Add(code);
        var now = _clock.GetUtcNow();
        foreach (var effect in _effects)
        {
            var payload = JsonSerializer.Serialize(new AdvocateCodeMessage(code.Id), PayloadJson);
            await OutboxWriter.EnqueueAsync(db, new OutboxMessage(advocate.TenantId, effect.OutboxKind, $"{effect.OutboxKind}:{code.Id:N}", payload, now), cancellationToken);
        }

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

    /// <summary>
    /// Like <see cref="FindAsync"/>, in the same statement also the code's advocate (tracked, so a later
    /// <c>Contacts.FindAsync</c> of them needs no query) and the advocate's stored id in <paramref name="system"/>.
    /// </summary>
    internal static async Task<CodeWithAdvocate?> FindWithAdvocateAsync(ReferralsDbContext db, Guid tenantId, string? typed, string system,
        CancellationToken cancellationToken)
    {
        if (!ReferralCodeKey.TryCreate(typed, out var key))
        {
            return null;
        }

        return await CodeWithAdvocateQuery.For(db)(db, tenantId, key, system, cancellationToken);
    }

    // Compiled once per model (CompiledPerModel; every coded order runs it). A code's advocate always exists (the foreign key cascades a deleted
    // contact to their codes), so the join drops nothing.
    private static readonly CompiledPerModel<Func<ReferralsDbContext, Guid, string, string, CancellationToken, Task<CodeWithAdvocate?>>> CodeWithAdvocateQuery =
        new(() => EF.CompileAsyncQuery((ReferralsDbContext db, Guid tenantId, string key, string system, CancellationToken _) =>
            (from c in db.ReferralCodes
             where c.TenantId == tenantId && c.LookupKey == key && c.IsActive
             join a in db.Contacts on c.AdvocateContactId equals a.Id
             select new CodeWithAdvocate(
                 c,
                 a,
                 db.ContactExternalIds.Where(x => x.ContactId == a.Id && x.System == system).Select(x => x.Value).FirstOrDefault()))
            .FirstOrDefault()));
}
