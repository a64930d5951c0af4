using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;

namespace Referrals.ShopifyBridge.Connections;

/// <summary>
/// The webhook secret of a shop connected as a custom app (its webhooks are signed with that app's API secret, not
/// the bridge's). Looked up per shop, decrypted, and cached for <see cref="CacheFor"/> so webhooks do not each pay a
/// query; a connection made in this process replaces the cached entry at once.
/// </summary>
internal sealed class ShopWebhookSecrets
{
    /// <summary>How long a looked-up secret (or its absence) is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (byte[]? Secret, DateTimeOffset LoadedAt)> _cache = new(StringComparer.Ordinal);
    private readonly ReferralsDbContextFactory _factory;
    private readonly CredentialProtector _protector;
    private readonly TimeProvider _clock;
    private readonly ILogger<ShopWebhookSecrets> _logger;

    public ShopWebhookSecrets(ReferralsDbContextFactory factory, CredentialProtector protector, TimeProvider clock, ILogger<ShopWebhookSecrets> logger)
    {
        _factory = factory;
        _protector = protector;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The UTF-8 secret of <paramref name="shop"/>'s custom app, or null when it has none.</summary>
    public async ValueTask<byte[]?> FindAsync(string shop, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_cache.TryGetValue(shop, out var cached) && now - cached.LoadedAt < CacheFor)
        {
            return cached.Secret;
        }

        await using var db = _factory.CreateDbContext();
        var protectedSecret = await db.TenantConnections.AsNoTracking().Where(c => c.TenantKey == shop).Select(c => c.ProtectedApiSecret).SingleOrDefaultAsync(cancellationToken);
        byte[]? secret = null;
        if (protectedSecret is not null)
        {
            try
            {
                secret = Encoding.UTF8.GetBytes(_protector.Unprotect(protectedSecret));
            }
            catch (CryptographicException)
            {
                _logger.LogWarning("The stored webhook secret of {Shop} cannot be decrypted; its webhooks are checked against the app secret", shop);
            }
        }

        _cache[shop] = (secret, now);
        return secret;
    }

    /// <summary>Drops the cached entry of <paramref name="shop"/>.</summary>
    public void Forget(string shop) => _cache.TryRemove(shop, out _);
}
