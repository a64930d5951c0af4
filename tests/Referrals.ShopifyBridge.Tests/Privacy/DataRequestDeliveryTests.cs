using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.Merchants;
using Referrals.ShopifyBridge.Tests.Connections;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Privacy;

/// <summary>
/// <c>customers/data_request</c> from the signed webhook to the merchant's download: the export is kept encrypted, listed
/// on the shop's status page, downloaded by that shop's merchant only, and marked downloaded. On SQLite and PostgreSQL.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed partial class DataRequestDeliveryTests
{
    private const string OtherShop = "globex.myshopify.com";
    private const long CustomerId = 7001;
    private const string Email = "jane.customer@example.com";
    private readonly StorageProvider _provider;
    private ConnectBridge _bridge = null!;

    public DataRequestDeliveryTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync(_provider);
        Assert.That((await _bridge.InstallAsync()).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var tenant = (await _bridge.TenantAsync())!;
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        await scope.ServiceProvider.GetRequiredService<ContactDirectory>().UpsertAsync(db, tenant.Id,
            new CustomerInfo { Email = Email, FirstName = "Jane", ExternalId = $"gid://shopify/Customer/{CustomerId}" }, ContactKind.Client, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public async Task ASignedDataRequest_BecomesADownloadableExportOnTheStatusPage_MarkedDownloaded()
    {
        var delivered = await DeliverAsync(4242);

        Assert.That(delivered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stored = await QueryAsync(db => db.DataRequests.SingleAsync());
        Assert.That(stored.RequestId, Is.EqualTo("4242"));
        Assert.That(stored.CustomerRef, Is.EqualTo($"gid://shopify/Customer/{CustomerId}"));
        Assert.That(stored.ContactId, Is.Not.Null);
        Assert.That(stored.ProtectedExport, Does.Not.Contain(Email).And.Not.Contain("Jane"), "kept encrypted");
        var status = await _bridge.Client.GetStringAsync(StatusPath(ConnectBridge.Shop));
        Assert.That(status, Does.Contain("Customer data requests").And.Contain("4242").And.Contain("not yet"));
        var link = DownloadLink().Match(status);
        Assert.That(link.Success, Is.True, status);
        Assert.That(link.Value, Is.EqualTo($"/shops/{ConnectBridge.Shop}/data-requests/{stored.Id:D}"));

        var download = await _bridge.Client.GetAsync(new Uri(link.Value, UriKind.Relative));

        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(download.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        using var export = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.That(export.RootElement.GetRawText(), Does.Contain(Email).And.Contain("Jane"));
        Assert.That((await QueryAsync(db => db.DataRequests.SingleAsync())).DownloadedAt, Is.EqualTo(_bridge.Clock.GetUtcNow()));
        Assert.That(await _bridge.Client.GetStringAsync(StatusPath(ConnectBridge.Shop)), Does.Not.Contain("not yet"));
    }

    [Test]
    public async Task ARedeliveredRequest_IsKeptOnce_AndARequestForNobodySaysNothingIsHeld()
    {
        await DeliverAsync(4242);
        await DeliverAsync(4242);
        await DeliverAsync(5353, customerId: 999, email: "stranger@example.com");

        var rows = await QueryAsync(db => db.DataRequests.OrderBy(x => x.RequestId).ToListAsync());
        Assert.That(rows.Select(r => r.RequestId), Is.EqualTo(new[] { "4242", "5353" }));
        Assert.That(rows[1].ContactId, Is.Null);
        var nobody = await _bridge.Client.GetStringAsync(new Uri($"/shops/{ConnectBridge.Shop}/data-requests/{rows[1].Id:D}", UriKind.Relative));
        Assert.That(nobody, Does.Contain("holds no personal data").And.Contain("stranger@example.com"));
    }

    [Test]
    public async Task TheExport_IsOnlyForItsShop()
    {
        await DeliverAsync(4242);
        var id = await QueryAsync(db => db.DataRequests.Select(x => x.Id).SingleAsync());
        using var anonymous = _bridge.NewClient();
        var anonymousAnswer = await anonymous.GetAsync(DownloadPath(ConnectBridge.Shop, id));
        await _bridge.InstallAsync(OtherShop); // the browser is now signed in for the other shop

        var viaOwnShop = await _bridge.Client.GetAsync(DownloadPath(OtherShop, id));
        var viaOtherShop = await _bridge.Client.GetAsync(DownloadPath(ConnectBridge.Shop, id));

        Assert.That(anonymousAnswer.Headers.Location?.AbsolutePath, Is.EqualTo(MerchantAuthorization.LoginPath));
        Assert.That(viaOwnShop.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another shop's id is not found under this shop");
        Assert.That(viaOtherShop.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await viaOwnShop.Content.ReadAsStringAsync(), Does.Not.Contain(Email));
        Assert.That(await QueryAsync(db => db.DataRequests.SingleAsync()), Has.Property("DownloadedAt").Null);
    }

    [Test]
    public async Task RedactingTheCustomer_ErasesTheKeptExport()
    {
        await DeliverAsync(4242);

        await _bridge.DeliverAndDrainAsync(new ShopifyWebhookDelivery("customers/redact", ConnectBridge.Shop,
            ShopifyPayloads.CustomerRedact(ConnectBridge.Shop, CustomerId, Email)) { Secret = _bridge.Fake.OAuth.ClientSecret });

        Assert.That(await QueryAsync(db => db.DataRequests.CountAsync()), Is.Zero);
    }

    private Task<HttpResponseMessage> DeliverAsync(long requestId, long customerId = CustomerId, string email = Email) =>
        _bridge.DeliverAndDrainAsync(new ShopifyWebhookDelivery("customers/data_request", ConnectBridge.Shop,
            ShopifyPayloads.DataRequest(ConnectBridge.Shop, customerId, email, requestId)) { Secret = _bridge.Fake.OAuth.ClientSecret });

    private async Task<T> QueryAsync<T>(Func<ReferralsDbContext, Task<T>> query)
    {
        await using var scope = _bridge.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ReferralsDbContext>());
    }

    private static Uri StatusPath(string shop) => new($"/shops/{shop}/status", UriKind.Relative);

    private static Uri DownloadPath(string shop, Guid id) => new($"/shops/{shop}/data-requests/{id:D}", UriKind.Relative);

    [GeneratedRegex(@"/shops/[^/""]+/data-requests/[0-9a-f-]{36}")]
    private static partial Regex DownloadLink();
}
