using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Merchants;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;
using Referrals.Testing.Shopify.FakeAdminApi;

namespace Referrals.ShopifyBridge.Tests.Connections;

/// <summary>
/// The real bridge set up as a Shopify app (client id and secret of the fake's token endpoint, app URL, operator
/// password) over a test database, talking to the fake Admin API on loopback, with a fake clock and a cookie-keeping
/// client that does not follow redirects. Drives installs the way Shopify and a browser would.
/// </summary>
internal sealed partial class ConnectBridge : IAsyncDisposable
{
    public const string Shop = "acme.myshopify.com";
    public const string AppUrl = "http://localhost";
    public const string PreviousSecret = "secret-before-rotation";
    public const string OperatorPassword = "correct horse battery staple";
    public const string RequiredScopes = "read_orders,write_customers,write_discounts,write_store_credit_account_transactions";

    private static readonly Lazy<string> OperatorHash = new(() =>
    {
        using var random = RandomNumberGenerator.Create();
        return OperatorPasswordHash.Create(OperatorPassword, random, OperatorPasswordHash.MinimumIterations);
    });

    private ConnectBridge(FakeShopifyAdminApi fake, TestDatabase database, FakeTimeProvider clock, bool ownsDatabase, string configuredScopes = RequiredScopes)
    {
        ConfiguredScopes = configuredScopes;
        Fake = fake;
        Database = database;
        Clock = clock;
        OwnsDatabase = ownsDatabase;
        Factory = NewFactory();
        Client = NewClient();
    }

    public FakeShopifyAdminApi Fake { get; }

    /// <summary>Every log line of every bridge started by this instance, at Trace level.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public BridgeFactory Factory { get; private set; }

    public HttpClient Client { get; private set; }

    public IServiceProvider Services => Factory.Services;

    private bool OwnsDatabase { get; }

    /// <summary>The bridge's <c>Referrals:Shopify:Scopes</c>.</summary>
    public string ConfiguredScopes { get; }

    public static async Task<ConnectBridge> StartAsync(StorageProvider provider = StorageProvider.Sqlite, string configuredScopes = RequiredScopes)
    {
        var fake = await FakeShopifyAdminApi.StartAsync(new FakeAdminApiOptions { RetryAfter = TimeSpan.FromMilliseconds(20), HangLimit = TimeSpan.FromSeconds(1) });
        var database = await TestDatabase.CreateAsync(provider);
        return new ConnectBridge(fake, database, new FakeTimeProvider(WebhookBridge.Start), ownsDatabase: true, configuredScopes);
    }

    /// <summary>Stops the bridge and starts a new one over the same database: a restart.</summary>
    public async Task RestartAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Factory = NewFactory();
        Client = NewClient();
    }

    /// <summary>A new browser: no cookies.</summary>
    public HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary><c>GET /shopify/install</c>; returns the response and the <c>state</c> sent to Shopify (null when not redirected there).</summary>
    public async Task<(HttpResponseMessage Response, string? State)> StartInstallAsync(string shop = Shop, HttpClient? client = null)
    {
        var response = await (client ?? Client).GetAsync(new Uri("/shopify/install?shop=" + Uri.EscapeDataString(shop), UriKind.Relative));
        var location = response.Headers.Location;
        var state = response.StatusCode == HttpStatusCode.Redirect && location is not null ? HttpUtility.ParseQueryString(location.Query)["state"] : null;
        return (response, state);
    }

    /// <summary>The callback parameters Shopify would send after the merchant approved <paramref name="scopes"/>.</summary>
    public Dictionary<string, string> CallbackParameters(string state, string shop = Shop, string scopes = RequiredScopes, TimeSpan? age = null) => new()
    {
        ["code"] = Fake.OAuth.IssueCode(shop, scopes),
        ["host"] = Convert.ToBase64String("admin.shopify.com/store/acme"u8.ToArray()),
        ["shop"] = shop,
        ["state"] = state,
        ["timestamp"] = (Clock.GetUtcNow() - (age ?? TimeSpan.Zero)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
    };

    public Task<HttpResponseMessage> CallbackAsync(string query, HttpClient? client = null) =>
        (client ?? Client).GetAsync(new Uri("/shopify/callback?" + query, UriKind.Relative));

    /// <summary>A whole install of <paramref name="shop"/>, approved with <paramref name="scopes"/>; returns the callback's response.</summary>
    public async Task<HttpResponseMessage> InstallAsync(string shop = Shop, string scopes = RequiredScopes)
    {
        var (_, state) = await StartInstallAsync(shop);
        Assert.That(state, Is.Not.Null, "the install redirects to Shopify with a state");
        return await CallbackAsync(ShopifyQuerySigner.SignedQuery(CallbackParameters(state!, shop, scopes), Fake.OAuth.ClientSecret));
    }

    /// <summary>Signs the operator in on <paramref name="client"/>.</summary>
    public async Task<HttpResponseMessage> SignInOperatorAsync(HttpClient? client = null, string password = OperatorPassword)
    {
        client ??= Client;
        var form = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["password"] = password,
            ["returnUrl"] = "/",
        });
        return await client.PostAsync(new Uri("/login", UriKind.Relative), content);
    }

    /// <summary>Posts the custom-app form as the (signed-in) operator.</summary>
    public async Task<HttpResponseMessage> ConnectCustomAppAsync(string shop, string token, string secret)
    {
        var form = await Client.GetStringAsync(new Uri("/shopify/connect", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["shop"] = shop,
            ["accessToken"] = token,
            ["apiSecret"] = secret,
        });
        return await Client.PostAsync(new Uri("/shopify/connect", UriKind.Relative), content);
    }

    public async Task<TenantConnection?> ConnectionAsync(string shop = Shop)
    {
        await using var db = Database.CreateDbContext();
        return await db.TenantConnections.AsNoTracking().SingleOrDefaultAsync(c => c.TenantKey == shop);
    }

    public async Task<Tenant?> TenantAsync(string shop = Shop)
    {
        await using var db = Database.CreateDbContext();
        return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Key == shop);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        if (OwnsDatabase)
        {
            await Database.DisposeAsync();
        }

        await Fake.DisposeAsync();
    }

    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryField().Match(html);
        Assert.That(match.Success, Is.True, "the form carries an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    private BridgeFactory NewFactory() => new(
        new Dictionary<string, string?>
        {
            ["Referrals:Shopify:ClientId"] = Fake.OAuth.ClientId,
            ["Referrals:Shopify:ClientSecret"] = Fake.OAuth.ClientSecret,
            ["Referrals:Shopify:PreviousClientSecret"] = PreviousSecret,
            ["Referrals:Shopify:AppUrl"] = AppUrl,
            ["Referrals:Shopify:Scopes"] = ConfiguredScopes,
            ["Referrals:Shopify:OperatorPasswordHash"] = OperatorHash.Value,
            ["Referrals:Shopify:AdminApi:BaseAddress"] = Fake.BaseAddress.ToString(),
            ["Referrals:Shopify:AdminApi:MaxAttempts"] = "2",
            ["Logging:LogLevel:Default"] = "Trace",
        },
        Database,
        services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            // Drains run when a test asks (DrainAsync), never behind its back.
            services.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient());
        });

    /// <summary>Sends a delivery signed as <paramref name="delivery"/> says, then runs one inbox drain.</summary>
    public async Task<HttpResponseMessage> DeliverAndDrainAsync(ShopifyWebhookDelivery delivery)
    {
        using var request = delivery.ToRequest();
        var response = await Client.SendAsync(request);
        await Services.GetRequiredService<Referrals.Core.Messaging.InboxProcessor>().RunAsync();
        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
