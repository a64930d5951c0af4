using System.Security.Cryptography;
using System.Text;

namespace Referrals.Core.Referrals;

/// <summary>
/// The per-tenant hash a <see cref="FriendSuppression"/> is keyed by: SHA-256 over the tenant id and the normalized
/// e-mail, as lower-case hex. Unkeyed on purpose, so it survives a rotation of the link signing key (an opt-out must
/// never be forgotten); the tenant id in the input keeps hashes of different tenants apart.
/// </summary>
public static class FriendEmailHash
{
    /// <summary>The hash of <paramref name="normalizedEmail"/> (already normalized with <c>EmailNormalizer</c>) for <paramref name="tenantId"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="normalizedEmail"/> is null or blank.</exception>
    public static string Compute(Guid tenantId, string normalizedEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(normalizedEmail);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId:N}:{normalizedEmail}"));
        return Convert.ToHexStringLower(bytes);
    }
}
