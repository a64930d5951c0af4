using System.Net;
using System.Text;
using System.Text.Json;
using Referrals.Umbraco.Tests.Hosting;

namespace Referrals.Umbraco.Tests.Api;

/// <summary>Overview, staff tasks and stores of the backoffice API, each test on its own site (their totals are site-wide).</summary>
public sealed class BackofficeApiTasksTests
{
    private const string Api = "/umbraco/referrals/api/v1";
    private UmbracoTestSite _site = null!;
    private SiteData _data = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _site = await UmbracoTestSite.StartAsync();
        _data = new SiteData(_site);
    }

    [TearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task ThankYouTasks_ListsTheEngineCardTask_AndMarksItDoneOnce()
    {
        var ada = await _data.AdvocateAsync("Ada", "ada@example.com", "Lovelace");
        var referral = await _data.ReferralAsync(ada, "grace@example.org", revenue: 50m);
        var task = await _data.ThankYouCardAsync(ada, referral);

        using var open = await GetJsonAsync($"{Api}/thank-you-tasks?kind=ThankYouCard");
        var item = open.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.That(item.GetProperty("id").GetGuid(), Is.EqualTo(task.Id));
        Assert.That(item.GetProperty("kind").GetString(), Is.EqualTo("ThankYouCard"));
        Assert.That(item.GetProperty("state").GetString(), Is.EqualTo("Open"));
        Assert.That(item.GetProperty("contactName").GetString(), Is.EqualTo("Ada Lovelace"));
        Assert.That(item.GetProperty("referralId").GetGuid(), Is.EqualTo(referral.Id));
        Assert.That(item.GetProperty("link").GetString(), Does.StartWith("https://site.example/r/"));

        using var done = await SendAsync(HttpMethod.Post, $"{Api}/thank-you-tasks/{task.Id}/done", "{}");
        using var again = await SendAsync(HttpMethod.Post, $"{Api}/thank-you-tasks/{task.Id}/done", "{}");
        using var unknown = await SendAsync(HttpMethod.Post, $"{Api}/thank-you-tasks/{Guid.NewGuid()}/done", "{}");
        using var openAfter = await GetJsonAsync($"{Api}/thank-you-tasks?kind=ThankYouCard");
        using var doneList = await GetJsonAsync($"{Api}/thank-you-tasks?state=Done");

        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var doneJson = JsonDocument.Parse(await done.Content.ReadAsStringAsync());
        Assert.That(doneJson.RootElement.GetProperty("doneBy").GetString(), Is.EqualTo(TestUsers.Editor));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(openAfter.RootElement.GetProperty("total").GetInt32(), Is.Zero);
        Assert.That(doneList.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Does.Contain(task.Id));
    }

    [Test]
    public async Task ThankYouTasks_CancelNeedsAReason()
    {
        var ada = await _data.AdvocateAsync("Ada", "ada@example.com", "Lovelace");
        var task = await _data.ThankYouCardAsync(ada, await _data.ReferralAsync(ada, "grace@example.org", revenue: 50m));

        using var bare = await SendAsync(HttpMethod.Post, $"{Api}/thank-you-tasks/{task.Id}/cancel", "{}");
        using var cancelled = await SendAsync(HttpMethod.Post, $"{Api}/thank-you-tasks/{task.Id}/cancel", """{"reason":"Moved abroad"}""");

        Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await bare.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty("reason", out _), Is.True);
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await cancelled.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("state").GetString(), Is.EqualTo("Cancelled"));
    }

    [Test]
    public async Task ThankYouTasks_RejectsAnUnknownKind()
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, $"{Api}/thank-you-tasks?kind=Postcard"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task ThankYouCard_IsTheServersPrintableHtml_AndBatchPrintHoldsEveryCard()
    {
        var ada = await _data.AdvocateAsync("Ada", "ada@example.com", "Lovelace");
        var grace = await _data.AdvocateAsync("Grace", "grace@example.com", "Hopper");
        var first = await _data.ThankYouCardAsync(ada, await _data.ReferralAsync(ada, "alan@example.org", revenue: 50m));
        var second = await _data.ThankYouCardAsync(grace, await _data.ReferralAsync(grace, "joan@example.org", revenue: 50m));

        using var card = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, $"{Api}/thank-you-tasks/{first.Id}/card"));
        using var missing = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, $"{Api}/thank-you-tasks/{Guid.NewGuid()}/card"));
        using var batch = await SendAsync(HttpMethod.Post, $"{Api}/thank-you-tasks/print", $$"""{"ids":["{{first.Id}}","{{second.Id}}"]}""");
        using var none = await SendAsync(HttpMethod.Post, $"{Api}/thank-you-tasks/print", """{"ids":[]}""");

        Assert.That(card.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(card.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var html = await card.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("<svg").And.Contain(first.ReferralLink!));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var sheet = await batch.Content.ReadAsStringAsync();
        Assert.That(sheet, Does.Contain(first.ReferralLink!).And.Contain(second.ReferralLink!));
        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Overview_CountsTheLast90Days_AndPacesTheGoalOnlyWhenThereIsOne()
    {
        var ada = await _data.AdvocateAsync("Ada", "ada@example.com", "Lovelace");
        await _data.ReferralAsync(ada, "alan@example.org", revenue: 50m);
        await _data.ReferralAsync(ada, "joan@example.org");

        using var noGoal = await GetJsonAsync($"{Api}/overview");
        await _data.SettingsAsync(s => s.MonthlyGoal = 4);
        using var withGoal = await GetJsonAsync($"{Api}/overview");

        var o = noGoal.RootElement;
        Assert.That(o.GetProperty("kpis").GetProperty("referrals").GetInt32(), Is.EqualTo(2));
        Assert.That(o.GetProperty("kpis").GetProperty("conversions").GetInt32(), Is.EqualTo(1));
        Assert.That(o.GetProperty("kpis").GetProperty("conversionRate").GetDecimal(), Is.EqualTo(0.5m));
        Assert.That(o.GetProperty("funnel").EnumerateArray().Select(s => s.GetProperty("stage").GetString()),
            Is.EqualTo(new[] { "Asked", "Invited", "Visited", "Converted", "Rewarded" }));
        Assert.That(o.GetProperty("weeks").GetArrayLength(), Is.EqualTo(13));
        Assert.That(o.GetProperty("goal").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(o.GetProperty("topAdvocates")[0].GetProperty("name").GetString(), Is.EqualTo("Ada Lovelace"));
        var goal = withGoal.RootElement.GetProperty("goal");
        Assert.That(goal.GetProperty("target").GetInt32(), Is.EqualTo(4));
        Assert.That(goal.GetProperty("actual").GetInt32(), Is.EqualTo(1));
        Assert.That(goal.GetProperty("cumulative").EnumerateArray().Last().GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Overview_RejectsAPeriodThatEndsBeforeItStarts()
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, $"{Api}/overview?from=2026-11-10&to=2026-11-01"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Stores_ListsShopifyTenantsWithTheirState_AndNotTheSite()
    {
        using var none = await GetJsonAsync($"{Api}/stores");
        await _data.ShopAsync("b-shop.myshopify.com", "B");
        await _data.ShopAsync("a-shop.myshopify.com", "A", uninstalled: true);
        using var two = await GetJsonAsync($"{Api}/stores");

        Assert.That(none.RootElement.GetArrayLength(), Is.Zero);
        var stores = two.RootElement.EnumerateArray().ToList();
        Assert.That(stores.Select(s => s.GetProperty("shopDomain").GetString()), Is.EqualTo(new[] { "a-shop.myshopify.com", "b-shop.myshopify.com" }));
        Assert.That(stores.Select(s => s.GetProperty("state").GetString()), Is.EqualTo(new[] { "Uninstalled", "Active" }));
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body) =>
        _site.Client.SendAsync(_site.Request(method, path, content: new StringContent(body, Encoding.UTF8, "application/json")));
}
