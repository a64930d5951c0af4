using System.Net;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.Tests.Connections;
using Referrals.Testing.Databases;
using Referrals.Testing.Privacy;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.BadInput;

/// <summary>
/// A whole run of the bridge (OAuth install against the fake Shopify, operator sign-in and a custom-app connect,
/// signed webhooks drained, a thank-you extension call) with every log line captured at Trace level: no secret or
/// token appears in any log message or exception, nor in plain text in any column of any table the database holds
/// (the model's and any other, read through the database's own catalogue), on SQLite and on PostgreSQL.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class SecretsStayOutOfLogsAndDatabaseTests
{
    private const string CustomShop = "corner.myshopify.com";
    private const string CustomToken = "shpat_custom0123456789abcdef";
    private const string CustomSecret = "custom-api-secret-5f1d2c";
    private const string WrongPassword = "wrong horse battery staple";
    private readonly StorageProvider _provider;
    private ConnectBridge _bridge = null!;

    public SecretsStayOutOfLogsAndDatabaseTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp() => _bridge = await ConnectBridge.StartAsync(_provider);

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public async Task AFullRun_WritesNoSecretToTheLogsOrInPlainTextToTheDatabase()
    {
        var install = await _bridge.InstallAsync();
        Assert.That(install.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await install.Content.ReadAsStringAsync());
        using (var stranger = _bridge.NewClient())
        {
            await _bridge.SignInOperatorAsync(stranger, WrongPassword);
        }

        Assert.That((await _bridge.SignInOperatorAsync()).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        _bridge.Fake.RequireToken(CustomShop, CustomToken);
        _bridge.Fake.Shop(CustomShop).AccessScopes = ["read_orders", "write_customers", "write_discounts", "write_store_credit_account_transactions"];
        var connect = await _bridge.ConnectCustomAppAsync(CustomShop, CustomToken, CustomSecret);
        Assert.That(await connect.Content.ReadAsStringAsync(), Does.Contain("is connected as a custom app"));
        var order = ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder);
        var paid = await _bridge.DeliverAndDrainAsync(new ShopifyWebhookDelivery("orders/paid", ConnectBridge.Shop, order) { Secret = _bridge.Fake.OAuth.ClientSecret });
        var customPaid = await _bridge.DeliverAndDrainAsync(new ShopifyWebhookDelivery("orders/paid", CustomShop, order) { Secret = CustomSecret });
        var forged = await _bridge.DeliverAndDrainAsync(new ShopifyWebhookDelivery("orders/paid", CustomShop, order) { Secret = "x" });
        Assert.That(new[] { paid.StatusCode, customPaid.StatusCode, forged.StatusCode }, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized }));
        var sessionToken = ShopifySessionTokens.Sign(
            ShopifySessionTokens.Claims(ConnectBridge.Shop, _bridge.Fake.OAuth.ClientId, _bridge.Clock.GetUtcNow(), "gid://shopify/Customer/115310627314723954"),
            _bridge.Fake.OAuth.ClientSecret);
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/shopify/extension/ask?order=1", UriKind.Relative)))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", sessionToken);
            await _bridge.Client.SendAsync(request);
        }

        var secrets = new Dictionary<string, string?>
        {
            ["access token"] = _bridge.Fake.OAuth.AccessTokenOf(ConnectBridge.Shop),
            ["refresh token"] = _bridge.Fake.OAuth.RefreshTokenOf(ConnectBridge.Shop),
            ["client secret"] = _bridge.Fake.OAuth.ClientSecret,
            ["previous client secret"] = ConnectBridge.PreviousSecret,
            ["custom-app token"] = CustomToken,
            ["custom-app API secret"] = CustomSecret,
            ["operator password"] = ConnectBridge.OperatorPassword,
            ["wrong password typed at the login"] = WrongPassword,
            ["session token"] = sessionToken,
        };
        Assert.That(secrets.Where(s => s.Value is null).Select(s => s.Key), Is.Empty, "the run handled every secret");
        var logs = _bridge.Logs.AllText();
        Assert.That(logs, Does.Contain("orders/paid"), "logs were captured");
        IReadOnlyList<StoredText> stored;
        await using (var db = _bridge.Database.CreateDbContext())
        {
            stored = await DatabaseWideTextScanner.ReadAllAsync(db);
        }

        Assert.That(stored.Where(s => s.Value.Contains(CustomShop, StringComparison.Ordinal)).Select(s => s.Table).Distinct().Count(), Is.GreaterThan(1),
            "the scan reads the rows of several tables");
        Assert.That(stored.Select(s => s.Table), Has.Some.Contains("__EFMigrationsHistory"), "tables outside the model are scanned too");

        Assert.Multiple(() =>
        {
            foreach (var (name, value) in secrets)
            {
                Assert.That(logs, Does.Not.Contain(value), $"the {name} is in the logs");
                Assert.That(stored.Where(s => s.Value.Contains(value!, StringComparison.Ordinal)).Select(s => s.ToString()), Is.Empty, $"the {name} is stored in plain text");
            }
        });
    }
}
