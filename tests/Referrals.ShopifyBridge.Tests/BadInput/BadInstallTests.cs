using System.Net;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.OAuth;
using Referrals.ShopifyBridge.Tests.Connections;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.BadInput;

/// <summary>
/// Bad steps of the OAuth install against the fake Shopify, sent to the real bridge on a real database: each gets its
/// status and a page that says what was wrong and what to do (never a secret), no token is exchanged, and no table of
/// the model gains or loses a row, on SQLite and on PostgreSQL.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class BadInstallTests
{
    private readonly StorageProvider _provider;
    private ConnectBridge _bridge = null!;

    public BadInstallTests(StorageProvider provider)
    {
        _provider = provider;
    }

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
        }, HttpStatusCode.Unauthorized, "signature on this address is missing or wrong");
        yield return new("CallbackWithoutHmac", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            var query = string.Join('&', b.CallbackParameters(state!).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
            return await b.CallbackAsync(query);
        }, HttpStatusCode.Unauthorized, "signature on this address is missing or wrong");
        yield return new("CallbackWithAChangedCode", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            var signed = ShopifyQuerySigner.SignedQuery(b.CallbackParameters(state!), b.Fake.OAuth.ClientSecret);
            return await b.CallbackAsync(signed.Replace("code=", "code=x", StringComparison.Ordinal));
        }, HttpStatusCode.Unauthorized, "signature on this address is missing or wrong");
        yield return new("CallbackTooOld", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            return await b.CallbackAsync(ShopifyQuerySigner.SignedQuery(b.CallbackParameters(state!, age: TimeSpan.FromMinutes(3)), b.Fake.OAuth.ClientSecret));
        }, HttpStatusCode.Unauthorized, "too old");
        yield return new("CallbackAfterTheStateExpired", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            b.Clock.Advance(OAuthState.Lifetime + TimeSpan.FromSeconds(1));
            return await b.CallbackAsync(ShopifyQuerySigner.SignedQuery(b.CallbackParameters(state!), b.Fake.OAuth.ClientSecret));
        }, HttpStatusCode.Forbidden, "or it took too long");
        yield return new("CallbackWithARepeatedState", async b =>
        {
            var (_, state) = await b.StartInstallAsync();
            var parameters = b.CallbackParameters(state!);
            var signed = ShopifyQuerySigner.SignedQuery(parameters, b.Fake.OAuth.ClientSecret);
            return await b.CallbackAsync(signed + "&state=" + Uri.EscapeDataString(state!));
        }, HttpStatusCode.Unauthorized, "signature on this address is missing or wrong");
        yield return new("InstallHitWithABadSignature", b =>
        {
            var query = ShopifyQuerySigner.SignedQuery(new Dictionary<string, string>
            {
                ["shop"] = ConnectBridge.Shop,
                ["timestamp"] = b.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, "not-the-client-secret");
            return b.Client.GetAsync(new Uri("/shopify/install?" + query, UriKind.Relative));
        }, HttpStatusCode.Unauthorized, "signature on this address is missing or wrong");
        yield return new("InstallForAShopDomainWithAPath", async b => (await b.StartInstallAsync("acme.myshopify.com/admin")).Response, HttpStatusCode.BadRequest, "not a Shopify shop domain");
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
        _bridge = await ConnectBridge.StartAsync(_provider);

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

        var body = await RefusalBody.ReadAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(bad.Status), body.Raw);
        Assert.That(body.Text, Does.Contain(bad.Phrase!));
        Assert.That(body.Raw, Does.Not.Contain(_bridge.Fake.OAuth.ClientSecret).And.Not.Contain(ConnectBridge.PreviousSecret), "no secret in the answer");
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
