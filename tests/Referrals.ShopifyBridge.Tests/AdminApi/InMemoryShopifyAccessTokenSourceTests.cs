using Referrals.ShopifyBridge.AdminApi;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

public sealed class InMemoryShopifyAccessTokenSourceTests
{
    private const string Shop = "shop-a.myshopify.com";
    private InMemoryShopifyAccessTokenSource _tokens = null!;

    [SetUp]
    public void CreateSource() => _tokens = new InMemoryShopifyAccessTokenSource();

    [Test]
    public void Get_AsksToConnect_WhenTheShopHasNoToken()
    {
        Assert.That(async () => await _tokens.GetAccessTokenAsync(Shop, CancellationToken.None), Throws.TypeOf<ShopifyAccessTokenUnavailableException>().With.Message.Contains("Connect the store"));
    }

    [Test]
    public async Task Refresh_HandsOutTheNextToken_Once()
    {
        _tokens.Set(Shop, "old");
        _tokens.SetRefreshedToken(Shop, "new");

        Assert.That(await _tokens.RefreshAsync(Shop, "old", CancellationToken.None), Is.EqualTo("new"));
        Assert.That(await _tokens.GetAccessTokenAsync(Shop, CancellationToken.None), Is.EqualTo("new"));
        Assert.That(_tokens.RefreshCount(Shop), Is.EqualTo(1));
    }

    [Test]
    public async Task Refresh_ReturnsTheCurrentToken_WhenAnotherCallerAlreadyReplacedTheRejectedOne()
    {
        _tokens.Set(Shop, "old");
        _tokens.SetRefreshedToken(Shop, "new");
        await _tokens.RefreshAsync(Shop, "old", CancellationToken.None);

        Assert.That(await _tokens.RefreshAsync(Shop, "old", CancellationToken.None), Is.EqualTo("new"));
        Assert.That(_tokens.RefreshCount(Shop), Is.EqualTo(1));
    }

    [Test]
    public void Refresh_AsksToReconnect_WhenNoFreshTokenIsKnown()
    {
        _tokens.Set(Shop, "old");

        Assert.That(async () => await _tokens.RefreshAsync(Shop, "old", CancellationToken.None), Throws.TypeOf<ShopifyAccessTokenUnavailableException>().With.Message.Contains("Reconnect"));
    }

    [Test]
    public async Task Set_KeepsAPendingRefreshToken()
    {
        _tokens.SetRefreshedToken(Shop, "next");
        _tokens.Set(Shop, "current");

        Assert.That(await _tokens.RefreshAsync(Shop, "current", CancellationToken.None), Is.EqualTo("next"));
    }
}
