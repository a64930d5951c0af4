using System.Net;
using Referrals.ShopifyBridge.Tests.Connections;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.BadInput;

/// <summary>
/// Bad steps of the OAuth install against the fake Shopify, sent to the real bridge on a real database: each gets its
/// status and a message the merchant can act on, no token is exchanged, and no table of the model gains or loses a row.
/// </summary>
public sealed class BadInstallTests
{
    private ConnectBridge _bridge = null!;

    // By name: the bridge type is internal, so the case itself cannot be a public test method's parameter.
    private static IEnumerable<TestCaseData> Cases() => All().Select(c => new TestCaseData(c.Name).SetName("BadInstall_ChangesNothing_" + c.Name));

    private static IEnumerable<BadRequest<ConnectBridge>> All()
    {
        yield return new("InstallForANonShopifyDomain", async b => (await b.StartInstallAsync("evil.example")).Response, HttpStatusCode.BadRequest, "not a Shopify shop domain");
        yield return new("InstallForALookalikeDomain", async b => (await b.StartInstallAsync("acme.myshopify.com.evil.example")).Response, HttpStatusCode.BadRequest, "not a Shopify shop domain");
        yield return new("InstallWithoutAShop", b => b.Client.GetAsync(new Uri("/shopify/install", UriKind.Relative)), HttpStatusCode.BadRequest, "not a Shopify shop domain");
        yield return new("CallbackWithTamperedState", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            return await b.CallbackAsync(ShopifyQuerySigner.SignedQuery(b.CallbackParameters(state! + "x"), b.Fake.OAuth.ClientSecret));
        }, HttpStatusCode.Forbidden, "does not belong to an install started in this browser");
        yield return new("CallbackWithAStateFromAnotherBrowser", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            using var other = b.NewClient();
            return await b.CallbackAsync(ShopifyQuerySigner.SignedQuery(b.CallbackParameters(state!), b.Fake.OAuth.ClientSecret), other);
        }, HttpStatusCode.Forbidden, "does not belong to an install started in this browser");
        yield return new("CallbackSignedWithAnotherSecret", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            return await b.CallbackAsync(ShopifyQuerySigner.SignedQuery(b.CallbackParameters(state!), "not-the-client-secret"));
        }, HttpStatusCode.Unauthorized, "Install");
        yield return new("CallbackForAnotherShopThanTheStateNames", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            return await b.CallbackAsync(ShopifyQuerySigner.SignedQuery(b.CallbackParameters(state!, "other.myshopify.com"), b.Fake.OAuth.ClientSecret));
        }, HttpStatusCode.Forbidden, "does not belong to an install started in this browser");
        yield return new("CallbackWithAnInvalidShopDomain", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            var parameters = b.CallbackParameters(state!);
            parameters["shop"] = "evil.example";
            return await b.CallbackAsync(ShopifyQuerySigner.SignedQuery(parameters, b.Fake.OAuth.ClientSecret));
        }, HttpStatusCode.BadRequest, "does not name a valid shop");
        yield return new("CallbackWithoutACode", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            var parameters = b.CallbackParameters(state!);
            parameters.Remove("code");
            return await b.CallbackAsync(ShopifyQuerySigner.SignedQuery(parameters, b.Fake.OAuth.ClientSecret));
        }, HttpStatusCode.BadRequest, "no authorization code");
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync();

        // A first install start creates the data-protection key the state cookie needs; that row is not the case's doing.
        using var warmUp = _bridge.NewClient();
        Assert.That((await _bridge.StartInstallAsync(client: warmUp)).State, Is.Not.Null);
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [TestCaseSource(nameof(Cases))]
    public async Task BadInstall_GetsAClearRefusalAndChangesNothing(string name)
    {
        var bad = All().Single(c => c.Name == name);
        var before = await Snapshot();

        var response = await bad.Send(_bridge);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(bad.Status), body);
        Assert.That(body, Does.Contain(bad.Phrase!));
        Assert.That(_bridge.Fake.OAuth.Grants, Is.Empty, "no code was exchanged for a token");
        var after = await Snapshot();
        Assert.That(after.ChangesSince(before), Is.Empty, $"rows before: {before}");
    }

    private async Task<RowCountSnapshot> Snapshot()
    {
        await using var db = _bridge.Database.CreateDbContext();
        return await RowCountSnapshot.TakeAsync(db);
    }
}
