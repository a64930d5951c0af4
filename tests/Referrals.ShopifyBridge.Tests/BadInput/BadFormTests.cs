using System.Net;
using System.Text;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.Tests.Connections;
using Referrals.Testing.Databases;

namespace Referrals.ShopifyBridge.Tests.BadInput;

/// <summary>
/// Bad form posts to the bridge's own pages (sign-in, the operator's custom-app form, the merchant's settings and review pages),
/// with a merchant signed in after a real install, on SQLite and PostgreSQL: oversized bodies (declared or chunked),
/// too many fields and missing antiforgery tokens each get a page that says what was wrong, and no row changes.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class BadFormTests
{
    private const string Settings = "/shops/" + ConnectBridge.Shop + "/settings";
    private readonly StorageProvider _provider;
    private ConnectBridge _bridge = null!;

    public BadFormTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private static IEnumerable<TestCaseData> Cases() => All().Select(c => new TestCaseData(c.Name).SetName("BadForm_ChangesNothing_" + c.Name));

    private static IEnumerable<BadRequest<ConnectBridge>> All()
    {
        var huge = new string('x', 300 * 1024);
        yield return new("OversizedLogin", async b =>
        {
            using var stranger = b.NewClient();
            return await Post(stranger, "/login", await Token(stranger, "/login"), new() { ["password"] = new string('p', 20 * 1024) }, chunked: false);
        }, HttpStatusCode.RequestEntityTooLarge, "Form too large");
        yield return new("OversizedChunkedLogin", async b =>
        {
            using var stranger = b.NewClient();
            return await Post(stranger, "/login", await Token(stranger, "/login"), new() { ["password"] = new string('p', 20 * 1024) }, chunked: true);
        }, HttpStatusCode.RequestEntityTooLarge, "Form too large");
        yield return new("LoginWithoutAntiforgeryToken", async b =>
        {
            using var stranger = b.NewClient();
            return await Post(stranger, "/login", null, new() { ["password"] = ConnectBridge.OperatorPassword }, chunked: false);
        }, HttpStatusCode.BadRequest, "The form expired");
        yield return new("OversizedSettings", async b => await Post(b.Client, Settings, await Token(b.Client, Settings), new() { ["HoldDays"] = "45", ["x"] = huge }, chunked: false),
            HttpStatusCode.RequestEntityTooLarge, "Nothing was saved");
        yield return new("OversizedChunkedSettings", async b => await Post(b.Client, Settings, await Token(b.Client, Settings), new() { ["HoldDays"] = "45", ["x"] = huge }, chunked: true),
            HttpStatusCode.RequestEntityTooLarge, "Nothing was saved");
        yield return new("SettingsWithThousandsOfFields", async b =>
            await Post(b.Client, Settings, await Token(b.Client, Settings), Enumerable.Range(0, 5_000).ToDictionary(i => "f" + i, _ => "1"), chunked: false),
            HttpStatusCode.RequestEntityTooLarge, "too many fields");
        yield return new("SettingsWithoutAntiforgeryToken", b => Post(b.Client, Settings, null, new() { ["HoldDays"] = "45" }, chunked: false),
            HttpStatusCode.BadRequest, "The form expired");
        yield return new("OversizedCustomAppConnect", async b =>
        {
            using var operatorClient = b.NewClient();
            Assert.That((await b.SignInOperatorAsync(operatorClient)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            return await Post(operatorClient, "/shopify/connect", await Token(operatorClient, "/shopify/connect"),
                new() { ["shop"] = "corner.myshopify.com", ["accessToken"] = huge, ["apiSecret"] = "s" }, chunked: true);
        }, HttpStatusCode.RequestEntityTooLarge, "Nothing was saved");
        yield return new("OversizedReviewDecision", async b =>
            await Post(b.Client, $"/shops/{ConnectBridge.Shop}/review/{Guid.Empty}", await Token(b.Client, Settings), new() { ["decision"] = "approve", ["note"] = huge }, chunked: false),
            HttpStatusCode.RequestEntityTooLarge, "Form too large");
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync(_provider);
        var install = await _bridge.InstallAsync();
        Assert.That(install.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await install.Content.ReadAsStringAsync());
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [TestCaseSource(nameof(Cases))]
    public async Task BadForm_GetsAClearPageAndChangesNothing(string name)
    {
        var bad = All().Single(c => c.Name == name);
        var settingsBefore = (await _bridge.TenantAsync())!.Settings.HoldDays;
        var before = await Snapshot();

        var response = await bad.Send(_bridge);

        var body = await RefusalBody.ReadAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(bad.Status), body.Raw);
        Assert.That(body.MediaType, Is.EqualTo("text/html"));
        Assert.That(body.Text, Does.Contain(bad.Phrase!));
        Assert.That(body.Raw, Does.Not.Contain("xxxxxxxx").And.Not.Contain("pppppppp"), "the form is not echoed");
        var after = await Snapshot();
        Assert.That(after.ChangesSince(before), Is.Empty, $"rows before: {before}");
        Assert.That((await _bridge.TenantAsync())!.Settings.HoldDays, Is.EqualTo(settingsBefore));
    }

    private async Task<RowCountSnapshot> Snapshot()
    {
        await using var db = _bridge.Database.CreateDbContext();
        return await RowCountSnapshot.TakeAsync(db);
    }

    private static async Task<string> Token(HttpClient client, string page) => ConnectBridge.AntiforgeryToken(await client.GetStringAsync(new Uri(page, UriKind.Relative)));

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, string? token, Dictionary<string, string> fields, bool chunked)
    {
        var all = new Dictionary<string, string>(fields);
        if (token is not null)
        {
            all["__RequestVerificationToken"] = token;
        }

        using HttpContent content = chunked ? new UnsizedFormContent(all) : new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>A urlencoded form sent without <c>Content-Length</c>, as a chunked upload is.</summary>
    private sealed class UnsizedFormContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedFormContent(Dictionary<string, string> fields)
        {
            _bytes = Encoding.ASCII.GetBytes(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
