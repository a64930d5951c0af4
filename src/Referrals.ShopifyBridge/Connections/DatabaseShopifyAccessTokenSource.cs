using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.OAuth;

namespace Referrals.ShopifyBridge.Connections;

/// <summary>
/// Shops' access tokens from the database (<c>TenantConnections</c>), decrypted on use. An expiring token is refreshed
/// <see cref="RefreshMargin"/> before it expires and once when Shopify answers 401; the refresh token rotates. When
/// Shopify answers <c>invalid_grant</c> the connection is marked as needing re-authorisation and every later call fails
/// at once, without calling Shopify again: a dead token never loops. Tokens set in
/// <see cref="InMemoryShopifyAccessTokenSource"/> (configuration, tests) take precedence.
/// </summary>
/// <remarks>Thread-safe. Refreshes of one shop are serialised in this process; another instance that refreshed
/// first is noticed by re-reading the row under the lock.</remarks>
internal sealed class DatabaseShopifyAccessTokenSource : IShopifyAccessTokenSource
{
    /// <summary>How long before expiry a token is refreshed.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ReferralsDbContextFactory _factory;
    private readonly CredentialProtector _protector;
    private readonly ShopifyTokenClient _tokens;
    private readonly InMemoryShopifyAccessTokenSource _configured;
    private readonly TimeProvider _clock;
    private readonly ILogger<DatabaseShopifyAccessTokenSource> _logger;

    public DatabaseShopifyAccessTokenSource(ReferralsDbContextFactory factory, CredentialProtector protector, ShopifyTokenClient tokens,
        InMemoryShopifyAccessTokenSource configured, TimeProvider clock, ILogger<DatabaseShopifyAccessTokenSource> logger)
    {
        _factory = factory;
        _protector = protector;
        _tokens = tokens;
        _configured = configured;
        _clock = clock;
        _logger = logger;
    }

    public async ValueTask<string> GetAccessTokenAsync(string shopDomain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopDomain);
        if (_configured.TryGet(shopDomain, out var configured))
        {
            return configured;
        }

        var connection = await LoadUsableAsync(shopDomain, cancellationToken);
        if (!IsDue(connection))
        {
            return Decrypt(shopDomain, connection.ProtectedAccessToken);
        }

        return await RefreshUnderLockAsync(shopDomain, rejected: null, cancellationToken);
    }

    public async ValueTask<string> RefreshAsync(string shopDomain, string rejectedToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopDomain);
        if (_configured.TryGet(shopDomain, out _))
        {
            return await _configured.RefreshAsync(shopDomain, rejectedToken, cancellationToken);
        }

        return await RefreshUnderLockAsync(shopDomain, rejectedToken, cancellationToken);
    }

    private async Task<string> RefreshUnderLockAsync(string shop, string? rejected, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(shop, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = _factory.CreateDbContext();
            var connection = await db.TenantConnections.SingleOrDefaultAsync(c => c.TenantKey == shop, cancellationToken);
            ThrowIfUnusable(shop, connection);
            var current = Decrypt(shop, connection!.ProtectedAccessToken);

            // Someone else refreshed while this caller waited: use their token.
            if (rejected is null ? !IsDue(connection) : !string.Equals(current, rejected, StringComparison.Ordinal))
            {
                return current;
            }

            if (connection.ProtectedRefreshToken is null)
            {
                if (rejected is null)
                {
                    return current;
                }

                connection.MarkNeedsReauthorization("Shopify refused the access token and it cannot be refreshed. Connect the store again.", _clock.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
                throw Unavailable(shop, connection.StatusReason!);
            }

            ShopifyTokenResponse fresh;
            try
            {
                fresh = await _tokens.RefreshAsync(shop, Decrypt(shop, connection.ProtectedRefreshToken), cancellationToken);
            }
            catch (ShopifyInvalidGrantException ex)
            {
                connection.MarkNeedsReauthorization("Shopify refused to refresh the access token (invalid_grant). Open the bridge and connect the store again.", _clock.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
                _logger.LogWarning("Shopify refused to refresh the token of {Shop} (invalid_grant); the store must be connected again", shop);
                throw new ShopifyAccessTokenUnavailableException(shop, connection.StatusReason!, ex);
            }
            catch (ShopifyTokenEndpointException ex)
            {
                throw new ShopifyTransientFailureException(shop, "token refresh", 1, ex.Message, ex);
            }

            connection.Rotate(
                new TenantTokens(_protector.Protect(fresh.AccessToken), fresh.ExpiresAt, _protector.ProtectOptional(fresh.RefreshToken) ?? connection.ProtectedRefreshToken, fresh.RefreshTokenExpiresAt ?? connection.RefreshTokenExpiresAt),
                _clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            _logger.LogInformation("Refreshed the Shopify access token of {Shop}; it expires at {ExpiresAt}", shop, fresh.ExpiresAt);
            return fresh.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TenantConnection> LoadUsableAsync(string shop, CancellationToken cancellationToken)
    {
        await using var db = _factory.CreateDbContext();
        var connection = await db.TenantConnections.AsNoTracking().SingleOrDefaultAsync(c => c.TenantKey == shop, cancellationToken);
        ThrowIfUnusable(shop, connection);
        return connection!;
    }

    private static void ThrowIfUnusable(string shop, TenantConnection? connection)
    {
        if (connection is null)
        {
            throw Unavailable(shop, $"No access token is stored for {shop}. Connect the store first.");
        }

        if (connection.Status == ConnectionStatus.NeedsReauthorization)
        {
            throw Unavailable(shop, connection.StatusReason ?? $"The connection of {shop} needs to be authorised again.");
        }
    }

    private bool IsDue(TenantConnection connection) =>
        connection.AccessTokenExpiresAt is { } expires && connection.ProtectedRefreshToken is not null && _clock.GetUtcNow() >= expires - RefreshMargin;

    private string Decrypt(string shop, string protectedText)
    {
        try
        {
            return _protector.Unprotect(protectedText);
        }
        catch (CryptographicException ex)
        {
            throw new ShopifyAccessTokenUnavailableException(shop, $"The stored token of {shop} cannot be decrypted (the Data Protection key ring changed). Connect the store again.", ex);
        }
    }

    private static ShopifyAccessTokenUnavailableException Unavailable(string shop, string message) => new(shop, message);
}
