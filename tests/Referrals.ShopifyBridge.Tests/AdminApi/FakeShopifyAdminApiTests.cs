using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referrals.Testing.Shopify.FakeAdminApi;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

/// <summary>The fake itself, spoken to with a plain HttpClient: what the client tests rely on.</summary>
public sealed class FakeShopifyAdminApiTests
{
    private const string Shop = "shop-a.myshopify.com";
    private const string CustomersQuery = "query CustomerByEmail($query: String!) { customers(first: 1, query: $query) { nodes { id } } }";
    private FakeShopifyAdminApi _fake = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _fake = await FakeShopifyAdminApi.StartAsync();
        _http = new HttpClient { BaseAddress = _fake.BaseAddress };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Test]
    public void ItListens_OnLoopback()
    {
        Assert.That(_fake.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(_fake.BaseAddress.Port, Is.GreaterThan(0));
    }

    [Test]
    public async Task EveryResponse_ReportsTheShopsBucket()
    {
        var first = await PostAsync();
        var second = await PostAsync();

        var status = second.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus");
        Assert.That(first.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt32(), Is.EqualTo(4));
        Assert.That(status.GetProperty("maximumAvailable").GetDouble(), Is.EqualTo(FakeAdminApiOptions.DefaultMaximumAvailable));
        Assert.That(status.GetProperty("restoreRate").GetDouble(), Is.EqualTo(FakeAdminApiOptions.DefaultRestoreRate));
        Assert.That(status.GetProperty("currentlyAvailable").GetDouble(), Is.InRange(1992, 1996));
    }

    [Test]
    public async Task AShortBucket_AnswersThrottledInsideHttp200_AndRunsNothing()
    {
        _fake.SetBucket(Shop, available: 2, restoreRate: 1);

        var body = await PostAsync();

        Assert.That(body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("THROTTLED"));
        Assert.That(body.GetProperty("extensions").GetProperty("cost").GetProperty("actualQueryCost").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(body.TryGetProperty("data", out _), Is.False);
        Assert.That(_fake.Requests.Single(), Has.Property(nameof(FakeAdminRequest.Throttled)).True.And.Property(nameof(FakeAdminRequest.StatusCode)).EqualTo(200));
    }

    [Test]
    public async Task Buckets_ArePerShop()
    {
        _fake.SetBucket(Shop, available: 0, restoreRate: 1);

        var other = await PostAsync(shop: "shop-b.myshopify.com");

        Assert.That(other.TryGetProperty("data", out _), Is.True);
    }

    [Test]
    public async Task Requests_AreRecorded_WithShopTokenOperationAndVariables()
    {
        await PostAsync(token: "shpat_x");

        var request = _fake.Requests.Single();
        Assert.That((request.Shop, request.AccessToken, request.Operation, request.OperationName, request.ApiVersion), Is.EqualTo((Shop, "shpat_x", "customers", "CustomerByEmail", "2026-10")));
        Assert.That(request.Variables.GetProperty("query").GetString(), Is.EqualTo("email:\"a@example.com\""));
    }

    [Test]
    public async Task AMissingToken_Gets401()
    {
        using var response = await SendAsync(token: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AnotherPath_Gets404()
    {
        using var response = await SendAsync(path: "admin/api/2026-10/products.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task FailNext_ForOneOperation_LeavesOtherOperationsAlone()
    {
        _fake.FailNext(FakeFault.Http503, operation: "storeCreditAccountCredit");

        using var response = await SendAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task FailNext_ServesTheFaultsInOrder_ThenAnswersNormally()
    {
        _fake.FailNext(FakeFault.Http503, count: 2);
        _fake.FailNext(FakeFault.Http429);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await SendAsync();
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.OK }));
    }

    [Test]
    public async Task FailRandomly_IsReproducibleForASeed()
    {
        var first = await RandomStatusesAsync(_fake, seed: 7);
        await using var again = await FakeShopifyAdminApi.StartAsync();

        var second = await RandomStatusesAsync(again, seed: 7);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Count(s => s != HttpStatusCode.OK), Is.InRange(3, 17), "about 30 % of 40 requests fail");
    }

    [Test]
    public async Task StopFailing_ClearsTheRandomMode()
    {
        _fake.FailRandomly(1.0, seed: 1, FakeFault.Http500);
        _fake.StopFailing();

        using var response = await SendAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void RootField_IsTheFirstSelection_AfterAnAlias()
    {
        Assert.That(FakeShopifyAdminApi.RootField("mutation M($id: ID!) { tagsAdd(id: $id, tags: []) { node { id } } }"), Is.EqualTo("tagsAdd"));
        Assert.That(FakeShopifyAdminApi.RootField("{ c: customers(first: 1) { nodes { id } } }"), Is.EqualTo("customers"));
    }

    private static async Task<List<HttpStatusCode>> RandomStatusesAsync(FakeShopifyAdminApi fake, int seed)
    {
        fake.FailRandomly(0.3, seed, FakeFault.Http500, FakeFault.Http503, FakeFault.Http429);
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var request = NewRequest("admin/api/2026-10/graphql.json", Shop, "t");
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private async Task<JsonElement> PostAsync(string shop = Shop, string token = "shpat_x")
    {
        using var response = await SendAsync(shop: shop, token: token);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> SendAsync(string path = "admin/api/2026-10/graphql.json", string shop = Shop, string? token = "shpat_x")
    {
        using var request = NewRequest(path, shop, token);
        return await _http.SendAsync(request);
    }

    private static HttpRequestMessage NewRequest(string path, string shop, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new { query = CustomersQuery, operationName = "CustomerByEmail", variables = new { query = "email:\"a@example.com\"" } }),
        };
        request.Headers.Host = shop;
        if (token is not null)
        {
            request.Headers.Add("X-Shopify-Access-Token", token);
        }

        return request;
    }
}
