using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Persistence;
using Referrals.Core.Thanks;
using Referrals.Umbraco.Tests.Hosting;

namespace Referrals.Umbraco.Tests.Api;

/// <summary>Introductions, ideal-client profiles, advocate news and the referred-customer comparison through the API (SQLite).</summary>
public sealed class BackofficeApiIntroductionsTests
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
    public async Task RecordIntroduction_ByPhone_CreatesTheReferralAndThankYouTask_SendsNothing_AndIsListed()
    {
        var ada = await _data.AdvocateAsync("Ada", "ada@example.com", "Lovelace");

        using var response = await SendAsync(HttpMethod.Post, $"{Api}/introductions",
            $$"""{"advocateId":"{{ada.Id}}","friendName":"Carl","friendEmail":"carl@example.org","note":"Called about the garden","channel":"Phone"}""");

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var json = JsonDocument.Parse(body);
        var id = json.RootElement.GetProperty("id").GetGuid();
        Assert.That(json.RootElement.GetProperty("channel").GetString(), Is.EqualTo("Phone"));
        Assert.That(json.RootElement.GetProperty("advocateName").GetString(), Is.EqualTo("Ada Lovelace"));

        await using (var db = Db())
        {
            Assert.That(await db.StaffTasks.CountAsync(t => t.ReferralId == id && t.Kind == StaffTaskKind.ThankYouCard), Is.EqualTo(1));
            Assert.That(await db.Outbox.CountAsync(m => m.Kind == Core.Engine.Introductions.EmailKind), Is.Zero);
        }

        using var list = await GetJsonAsync($"{Api}/introductions");
        var item = list.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.That(item.GetProperty("id").GetGuid(), Is.EqualTo(id));
        Assert.That(item.GetProperty("friend").GetString(), Is.EqualTo("Carl"));
        Assert.That(item.GetProperty("note").GetString(), Is.EqualTo("Called about the garden"));
        Assert.That(item.GetProperty("state").GetString(), Is.EqualTo("Invited"));
    }

    [Test]
    public async Task Introductions_MaskTheAddressOfAFriendWithoutAName_AndListEmailIntroductions()
    {
        var ada = await _data.AdvocateAsync("Ada", "ada@example.com", "Lovelace");
        using var recorded = await SendAsync(HttpMethod.Post, $"{Api}/introductions",
            $$"""{"advocateId":"{{ada.Id}}","friendEmail":"dora@example.org","channel":"InPerson"}""");
        var emailed = await _data.EmailIntroductionAsync(ada, "Eve", "eve@example.org");

        using var list = await GetJsonAsync($"{Api}/introductions");
        var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(emailed.Accepted, Is.True);
        Assert.That(items.Select(i => i.GetProperty("channel").GetString()), Is.EquivalentTo(new[] { "InPerson", "Email" }));
        var masked = items.Single(i => i.GetProperty("channel").GetString() == "InPerson");
        Assert.That(masked.GetProperty("friend").GetString(), Is.EqualTo("d…@example.org"));
        Assert.That(list.RootElement.ToString(), Does.Not.Contain("dora@"));
    }

    [TestCase("""{"channel":"Phone"}""", "advocateId")]
    [TestCase("""{"advocateId":"{advocate}","channel":"Email","friendEmail":"x@example.org"}""", "channel")]
    [TestCase("""{"advocateId":"{advocate}","channel":"Phone","friendEmail":"not an address"}""", "friendEmail")]
    [TestCase("""{"advocateId":"{advocate}","channel":"Phone","friendEmail":"ada@example.com"}""", "friendEmail")]
    public async Task RecordIntroduction_RefusesBadInput_WithTheFieldNamed(string body, string field)
    {
        var ada = await _data.AdvocateAsync("Ada", "ada@example.com", "Lovelace");

        using var response = await SendAsync(HttpMethod.Post, $"{Api}/introductions", body.Replace("{advocate}", ada.Id.ToString(), StringComparison.Ordinal));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.RootElement.ToString());
        await using var db = Db();
        Assert.That(await db.StaffTasks.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task RecordIntroduction_Answers404_ForAnUnknownAdvocate()
    {
        using var response = await SendAsync(HttpMethod.Post, $"{Api}/introductions", $$"""{"advocateId":"{{Guid.NewGuid()}}","channel":"Phone"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Settings_SaveUpToFourIdealClients_AndNameTheFieldOfEachProblem()
    {
        using var settings = await GetJsonAsync($"{Api}/settings");
        var node = System.Text.Json.Nodes.JsonNode.Parse(settings.RootElement.GetRawText())!;
        node["idealClients"] = System.Text.Json.Nodes.JsonNode.Parse("""
            [{"name":"New home owners","who":"families who have just moved in","situation":"has just bought a house","benefit":"A garden ready for summer."},
             {"name":"Landlords","who":"","situation":"lets flats","benefit":"Tidy common areas."}]
            """);

        using var invalid = await SendAsync(HttpMethod.Put, $"{Api}/settings", node.ToJsonString());
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        var keys = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(keys, Is.EqualTo(new[] { "Referrals:Program:IdealClients:1:Who" }));

        node["idealClients"]![1]!["who"] = "owners of rented flats";
        node["timeline"]!["purchase"]!["idealClientName"] = "Landlords";
        using var saved = await SendAsync(HttpMethod.Put, $"{Api}/settings", node.ToJsonString());
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        using var after = await GetJsonAsync($"{Api}/settings");
        Assert.That(after.RootElement.GetProperty("idealClients").GetArrayLength(), Is.EqualTo(2));
        Assert.That(after.RootElement.GetProperty("timeline").GetProperty("purchase").GetProperty("idealClientName").GetString(), Is.EqualTo("Landlords"));
    }

    [Test]
    public async Task AskTimeline_TurnsAdvocateNewsOn_WithItsInterval_AndRefusesAnotherChannel()
    {
        using var timeline = await GetJsonAsync($"{Api}/asks/timeline");
        var node = System.Text.Json.Nodes.JsonNode.Parse(timeline.RootElement.GetRawText())!;
        Assert.That((bool)node["advocateNews"]!["enabled"]!, Is.False);
        node["advocateNews"]!["enabled"] = true;
        node["advocateNewsIntervalDays"] = 45;

        using var saved = await SendAsync(HttpMethod.Put, $"{Api}/asks/timeline", node.ToJsonString());
        node["advocateNews"]!["channel"] = "Task";
        using var refused = await SendAsync(HttpMethod.Put, $"{Api}/asks/timeline", node.ToJsonString());

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        using var after = await GetJsonAsync($"{Api}/asks/timeline");
        Assert.That(after.RootElement.GetProperty("advocateNews").GetProperty("enabled").GetBoolean(), Is.True);
        Assert.That(after.RootElement.GetProperty("advocateNewsIntervalDays").GetInt32(), Is.EqualTo(45));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("AdvocateNews:Channel"));
    }

    [Test]
    public async Task CustomerValue_ComparesReferredAndOtherCustomers_WithTheCountsAndSmallSamplesMarked()
    {
        var ada = await _data.AdvocateAsync("Ada", "ada@example.com", "Lovelace");
        var code = await _data.CodeOfAsync(ada);
        await _data.OrderAsync("friend@example.org", 100m, code);
        await _data.OrderAsync("friend@example.org", 50m);
        await _data.OrderAsync("walkin@example.org", 40m);

        using var json = await GetJsonAsync($"{Api}/customer-value?months=3");

        var months = json.RootElement.GetProperty("months").EnumerateArray().ToList();
        Assert.That(months, Has.Count.EqualTo(3));
        var current = months[^1];
        var referred = current.GetProperty("referred");
        var other = current.GetProperty("other");
        Assert.That(referred.GetProperty("customers").GetInt32(), Is.EqualTo(1));
        Assert.That(referred.GetProperty("orders").GetInt32(), Is.EqualTo(2));
        Assert.That(referred.GetProperty("averageOrderValue").GetDecimal(), Is.EqualTo(75m));
        Assert.That(referred.GetProperty("repeatRate").GetDecimal(), Is.EqualTo(1m));
        Assert.That(referred.GetProperty("smallSample").GetBoolean(), Is.True);
        Assert.That(other.GetProperty("customers").GetInt32(), Is.EqualTo(1));
        Assert.That(other.GetProperty("revenuePerCustomer").GetDecimal(), Is.EqualTo(40m));
        Assert.That(months[0].GetProperty("referred").GetProperty("averageOrderValue").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(json.RootElement.GetProperty("period").EnumerateArray().Single().GetProperty("referred").GetProperty("orders").GetInt32(), Is.EqualTo(2));
    }

    [TestCase(0)]
    [TestCase(37)]
    public async Task CustomerValue_RefusesAPeriodOutside1To36Months(int months)
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, $"{Api}/customer-value?months={months}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task OpenApi_DescribesTheIntroductionAndCustomerValueOperations_WithTheirShapes()
    {
        using var json = await GetJsonAsync($"{Api}/openapi.json");

        var paths = json.RootElement.GetProperty("paths");
        Assert.That(paths.GetProperty($"{Api}/introductions").TryGetProperty("get", out _), Is.True);
        Assert.That(paths.GetProperty($"{Api}/introductions").TryGetProperty("post", out var post), Is.True);
        Assert.That(post.GetProperty("responses").TryGetProperty("400", out _), Is.True);
        Assert.That(paths.GetProperty($"{Api}/customer-value").TryGetProperty("get", out _), Is.True);
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(schemas, Does.Contain("IntroductionModel").And.Contain("CustomerValueModel").And.Contain("CustomerValueFiguresModel"), string.Join(", ", schemas));
    }

    private ReferralsDbContext Db() => _site.Services.GetRequiredService<ReferralsDbContextFactory>().CreateDbContext();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body) =>
        _site.Client.SendAsync(_site.Request(method, path, content: new StringContent(body, Encoding.UTF8, "application/json")));

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body);
    }
}
