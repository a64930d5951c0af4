using Microsoft.EntityFrameworkCore;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.ShopifyBridge.Connections;

/// <summary>
/// Records a shop as connected: creates its tenant (or resumes an uninstalled one), stores its credentials encrypted,
/// and forgets any cached webhook secret of it. Credentials are passed in plain text and encrypted here; nothing is logged
/// but the shop and the mode.
/// </summary>
internal sealed class ShopConnector
{
    private readonly ReferralsDbContextFactory _factory;
    private readonly TenantDirectory _tenants;
    private readonly CredentialProtector _protector;
    private readonly ShopWebhookSecrets _secrets;
    private readonly TimeProvider _clock;
    private readonly ILogger<ShopConnector> _logger;

    public ShopConnector(ReferralsDbContextFactory factory, TenantDirectory tenants, CredentialProtector protector, ShopWebhookSecrets secrets,
        TimeProvider clock, ILogger<ShopConnector> logger)
    {
        _factory = factory;
        _tenants = tenants;
        _protector = protector;
        _secrets = secrets;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Connects <paramref name="shop"/> and returns its tenant.</summary>
    /// <param name="shop">The validated shop domain.</param>
    /// <param name="displayName">A name for a new tenant.</param>
    /// <param name="mode">How access was granted.</param>
    /// <param name="credentials">The plain credentials.</param>
    /// <param name="cancellationToken">Cancels the work before it is saved.</param>
    public async Task<Tenant> ConnectAsync(string shop, string displayName, ConnectionMode mode, ShopCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        await using var db = _factory.CreateDbContext();
        var tenant = await _tenants.GetOrCreateAsync(db, shop, TenantKind.ShopifyShop, displayName, cancellationToken);
        if (tenant.State == TenantState.Uninstalled)
        {
            tenant.MarkReinstalled();
        }

        // Only an app installed through OAuth has the app proxy; a merchant-made custom app cannot configure one.
        tenant.HasStorefrontProxy = mode == ConnectionMode.OAuth;

        var now = _clock.GetUtcNow();
        var connection = await db.TenantConnections.SingleOrDefaultAsync(c => c.TenantId == tenant.Id, cancellationToken);
        if (connection is null)
        {
            connection = new TenantConnection(tenant.Id, tenant.Key, mode, now);
            db.TenantConnections.Add(connection);
        }

        var tokens = new TenantTokens(
            _protector.Protect(credentials.AccessToken), credentials.AccessTokenExpiresAt,
            _protector.ProtectOptional(credentials.RefreshToken), credentials.RefreshTokenExpiresAt);
        connection.Connect(mode, tokens, string.Join(',', credentials.GrantedScopes), _protector.ProtectOptional(credentials.ApiSecret), now);
        await db.SaveChangesAsync(cancellationToken);
        _secrets.Forget(tenant.Key);
        _logger.LogInformation("Connected Shopify shop {Shop} ({Mode})", tenant.Key, mode);
        return tenant;
    }
}
