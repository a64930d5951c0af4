using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Connections;

/// <summary>What happens to stored credentials when the store uninstalls the app, and after it installs again.</summary>
public sealed class ConnectionLifecycleTests
{
    private ConnectBridge _bridge = null!;

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync();
        await _bridge.InstallAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    private string AppSecret => _bridge.Fake.OAuth.ClientSecret;

    [Test]
    public async Task Uninstall_MarksTheConnectionAsNeedingReauthorisation_SoNoTokenIsUsed()
    {
        var response = await _bridge.DeliverAndDrainAsync(new ShopifyWebhookDelivery("app/uninstalled", ConnectBridge.Shop, ShopifyPayloads.Shop(1, ConnectBridge.Shop)) { Secret = AppSecret });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var connection = await _bridge.ConnectionAsync();
        Assert.That(connection?.Status, Is.EqualTo(ConnectionStatus.NeedsReauthorization));
        Assert.That(connection?.StatusReason, Does.Contain("uninstalled"));
        Assert.That(async () => await _bridge.Services.GetRequiredService<IShopifyAccessTokenSource>().GetAccessTokenAsync(ConnectBridge.Shop, CancellationToken.None),
            Throws.InstanceOf<ShopifyAccessTokenUnavailableException>());
    }

    [Test]
    public async Task Uninstall_ForgetsTheRevokedTokens()
    {
        await _bridge.DeliverAndDrainAsync(new ShopifyWebhookDelivery("app/uninstalled", ConnectBridge.Shop, ShopifyPayloads.Shop(1, ConnectBridge.Shop)) { Secret = AppSecret });

        var connection = await _bridge.ConnectionAsync();
        Assert.That(connection?.ProtectedAccessToken, Is.Empty);
        Assert.That(connection?.ProtectedRefreshToken, Is.Null);
        Assert.That((await _bridge.TenantAsync())?.State, Is.EqualTo(TenantState.Uninstalled));
    }

    [Test]
    public async Task Reinstall_AfterAnUninstall_ConnectsAgain()
    {
        await _bridge.DeliverAndDrainAsync(new ShopifyWebhookDelivery("app/uninstalled", ConnectBridge.Shop, ShopifyPayloads.Shop(1, ConnectBridge.Shop)) { Secret = AppSecret });

        await _bridge.InstallAsync();

        Assert.That((await _bridge.ConnectionAsync())?.Status, Is.EqualTo(ConnectionStatus.Connected));
        Assert.That((await _bridge.TenantAsync())?.State, Is.EqualTo(TenantState.Active));
        Assert.That(await _bridge.Services.GetRequiredService<IShopifyAccessTokenSource>().GetAccessTokenAsync(ConnectBridge.Shop, CancellationToken.None),
            Is.EqualTo(_bridge.Fake.OAuth.AccessTokenOf(ConnectBridge.Shop)));
    }
}
