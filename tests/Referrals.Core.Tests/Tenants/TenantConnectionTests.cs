using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Tenants;

public sealed class TenantConnectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private static TenantConnection Connected()
    {
        var connection = new TenantConnection(Guid.NewGuid(), " Shop-A.myshopify.com ", ConnectionMode.OAuth, Now);
        connection.Connect(ConnectionMode.OAuth, new TenantTokens("enc-access", Now.AddHours(1), "enc-refresh", Now.AddDays(90)), "read_orders", null, Now);
        return connection;
    }

    [Test]
    public void Connect_StoresTheTokensAndNormalisesTheKey()
    {
        var connection = Connected();

        Assert.That(connection.TenantKey, Is.EqualTo("shop-a.myshopify.com"));
        Assert.That(connection.Status, Is.EqualTo(ConnectionStatus.Connected));
        Assert.That(connection.ProtectedAccessToken, Is.EqualTo("enc-access"));
        Assert.That(connection.AccessTokenExpiresAt, Is.EqualTo(Now.AddHours(1)));
        Assert.That(connection.ProtectedRefreshToken, Is.EqualTo("enc-refresh"));
    }

    [Test]
    public void MarkNeedsReauthorization_KeepsTheFirstReason()
    {
        var connection = Connected();

        connection.MarkNeedsReauthorization("invalid_grant", Now.AddHours(2));
        connection.MarkNeedsReauthorization("uninstalled", Now.AddHours(3));

        Assert.That(connection.Status, Is.EqualTo(ConnectionStatus.NeedsReauthorization));
        Assert.That(connection.StatusReason, Is.EqualTo("invalid_grant"));
        Assert.That(connection.UpdatedAt, Is.EqualTo(Now.AddHours(2)));
    }

    [Test]
    public void Rotate_MakesTheConnectionUsableAgain()
    {
        var connection = Connected();
        connection.MarkNeedsReauthorization("invalid_grant", Now);

        connection.Rotate(new TenantTokens("enc-access-2", Now.AddHours(2), "enc-refresh-2", null), Now.AddHours(1));

        Assert.That(connection.Status, Is.EqualTo(ConnectionStatus.Connected));
        Assert.That(connection.StatusReason, Is.Null);
        Assert.That(connection.ProtectedRefreshToken, Is.EqualTo("enc-refresh-2"));
    }

    [Test]
    public void Rotate_RefusesAnEmptyAccessToken()
    {
        Assert.That(() => Connected().Rotate(new TenantTokens("", null, null, null), Now), Throws.ArgumentException);
    }

    [Test]
    public void Revoke_ForgetsTheTokens_ButKeepsACustomAppsSecret()
    {
        var connection = new TenantConnection(Guid.NewGuid(), "shop-a.myshopify.com", ConnectionMode.CustomApp, Now);
        connection.Connect(ConnectionMode.CustomApp, new TenantTokens("enc-access", null, null, null), "read_orders", "enc-secret", Now);

        connection.Revoke("uninstalled", Now.AddDays(1));

        Assert.That(connection.ProtectedAccessToken, Is.Empty);
        Assert.That(connection.ProtectedRefreshToken, Is.Null);
        Assert.That(connection.ProtectedApiSecret, Is.EqualTo("enc-secret"));
        Assert.That(connection.Status, Is.EqualTo(ConnectionStatus.NeedsReauthorization));
    }
}
