using Referrals.Core.Tenants;

namespace Referrals.Core.Persistence;

/// <summary>
/// Tenants a context read without tracking them, by key, for as long as the context lives (one inbox drain group, one
/// request). A tracked tenant costs every <c>DetectChanges</c> pass a comparison of its settings, which are serialized
/// to JSON to be compared; on the order drain that was about a quarter of the CPU per order.
/// </summary>
internal sealed class ReadOnlyTenants
{
    private readonly Dictionary<string, Tenant> _byKey = new(StringComparer.Ordinal);

    public bool TryGet(string normalizedKey, out Tenant tenant) => _byKey.TryGetValue(normalizedKey, out tenant!);

    public void Remember(Tenant tenant) => _byKey[tenant.Key] = tenant;

    /// <summary>Forgets every tenant, so the next read sees the database again (after a rollback, say).</summary>
    public void Clear() => _byKey.Clear();
}
