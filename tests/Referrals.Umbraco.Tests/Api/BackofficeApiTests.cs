using System.Net;
using System.Text;
using System.Text.Json;
using Referrals.Umbraco.Tests.Hosting;

namespace Referrals.Umbraco.Tests.Api;

/// <summary>The backoffice API against the engine on SQLite, through HTTP as the client calls it.</summary>
public sealed class BackofficeApiTests
{
    private const string Api = "/umbraco/referrals/api/v1";
    private UmbracoTestSite _site = null!;
    private SiteData _data = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await UmbracoTestSite.StartAsync();
        _data = new SiteData(_site);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task Advocates_SortsByReferralsAndPages_WithinASearch()
    {
        var domain = Unique("sort");
        var none = await _data.AdvocateAsync("Nora", $"nora@{domain}");
        var one = await _data.AdvocateAsync("Olga", $"olga@{domain}");
        var two = await _data.AdvocateAsync("Tom", $"tom@{domain}");
        await _data.ReferralAsync(one, $"f1@{Unique("f")}");
        await _data.ReferralAsync(two, $"f2@{Unique("f")}");
        await _data.ReferralAsync(two, $"f3@{Unique("f")}", revenue: 50m);

        using var first = await GetJsonAsync($"{Api}/advocates?search={domain}&sort=referrals&take=2");
        using var rest = await GetJsonAsync($"{Api}/advocates?search={domain}&sort=referrals&take=2&skip=2");

        Assert.That(first.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(3));
        var page = first.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.That(page.Select(i => i.GetProperty("id").GetGuid()), Is.EqualTo(new[] { two.Id, one.Id }));
        Assert.That(page[0].GetProperty("referrals").GetInt32(), Is.EqualTo(2));
        Assert.That(page[0].GetProperty("converted").GetInt32(), Is.EqualTo(1));
        Assert.That(page[0].GetProperty("revenue").GetProperty("amount").GetDecimal(), Is.EqualTo(50m));
        Assert.That(page[0].GetProperty("kind").GetString(), Is.EqualTo("Client"), "enums travel as strings");
        Assert.That(rest.RootElement.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid(), Is.EqualTo(none.Id));
    }

    [Test]
    public async Task Advocates_SortsByName_AscendingByDefault()
    {
        var domain = Unique("name");
        await _data.AdvocateAsync("Zed", $"zed@{domain}");
        await _data.AdvocateAsync("Amy", $"amy@{domain}");

        using var json = await GetJsonAsync($"{Api}/advocates?search={domain}");

        Assert.That(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "Amy Tester", "Zed Tester" }));
    }

    [TestCase("sort=shoeSize", "sort")]
    [TestCase("take=0", "take")]
    [TestCase("take=101", "take")]
    [TestCase("skip=-1", "skip")]
    [TestCase("direction=up", "direction")]
    public async Task Advocates_AnswersAValidationProblem_ForBadPaging(string query, string key)
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, $"{Api}/advocates?{query}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(400));
        Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty(key, out _), Is.True);
    }

    [Test]
    public async Task AdvocateDetail_ShowsCodesReferralsAndTheDownline()
    {
        var domain = Unique("tree");
        var root = await _data.AdvocateAsync("Rita", $"rita@{domain}");
        var friend = await _data.AdvocateAsync("Fred", $"fred@{domain}");
        await _data.ReferralAsync(root, friend.Email!, revenue: 100m, friendContactId: friend.Id);
        await _data.ReferralAsync(friend, $"grand@{domain}", revenue: 20m);

        using var json = await GetJsonAsync($"{Api}/advocates/{root.Id}");

        var detail = json.RootElement;
        Assert.That(detail.GetProperty("advocate").GetProperty("email").GetString(), Is.EqualTo(root.Email));
        Assert.That(detail.GetProperty("codes")[0].GetProperty("link").GetString(), Does.StartWith("https://site.example/r/"));
        Assert.That(detail.GetProperty("referrals").GetArrayLength(), Is.EqualTo(1));
        var tree = detail.GetProperty("tree");
        Assert.That(tree.GetProperty("referrals").GetInt32(), Is.EqualTo(2));
        Assert.That(tree.GetProperty("maxDepth").GetInt32(), Is.EqualTo(2));
        Assert.That(tree.GetProperty("revenue").GetProperty("amount").GetDecimal(), Is.EqualTo(120m));
    }

    [Test]
    public async Task AdvocateDetail_Answers404_ForAnUnknownId()
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, $"{Api}/advocates/{Guid.NewGuid()}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Referrals_FiltersByStateAndAdvocate()
    {
        var advocate = await _data.AdvocateAsync("Sue", $"sue@{Unique("state")}");
        await _data.ReferralAsync(advocate, $"a@{Unique("f")}");
        var converted = await _data.ReferralAsync(advocate, $"b@{Unique("f")}", revenue: 10m);

        using var json = await GetJsonAsync($"{Api}/referrals?advocateId={advocate.Id}&state=Converted");

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("id").GetGuid()), Is.EqualTo(new[] { converted.Id }));
        Assert.That(items[0].GetProperty("state").GetString(), Is.EqualTo("Converted"));
        Assert.That(items[0].GetProperty("advocateEmail").GetString(), Is.EqualTo(advocate.Email));
    }

    [Test]
    public async Task Review_Approve_DecidesOnce_ThenAnswersConflict()
    {
        var advocate = await _data.AdvocateAsync("Val", $"val@{Unique("approve")}");
        var item = await _data.ReviewItemOfAsync(await _data.ReferralAsync(advocate, $"x@{Unique("f")}", revenue: 30m, flagged: true));

        using var listed = await GetJsonAsync($"{Api}/review?take=100");
        using var approved = await SendJsonAsync(HttpMethod.Post, $"{Api}/review/{item}/approve", """{"note":"Known family."}""");
        using var again = await _site.Client.SendAsync(_site.Request(HttpMethod.Post, $"{Api}/review/{item}/approve", content: Json("{}")));

        Assert.That(listed.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Does.Contain(item));
        Assert.That(approved.RootElement.GetProperty("status").GetString(), Is.EqualTo("Approved"));
        Assert.That(approved.RootElement.GetProperty("decidedBy").GetString(), Is.EqualTo(TestUsers.Editor));
        Assert.That(approved.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "SameAddress", "Velocity" }));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [TestCase("{}")]
    [TestCase("""{"reason":"  "}""")]
    [TestCase("""{"reason":"no"}""")]
    [TestCase("")]
    public async Task Review_Reject_AnswersAValidationProblem_WithoutAUsableReason(string body)
    {
        var advocate = await _data.AdvocateAsync("Rob", $"rob@{Unique("reject")}");
        var item = await _data.ReviewItemOfAsync(await _data.ReferralAsync(advocate, $"y@{Unique("f")}", revenue: 30m, flagged: true));

        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Post, $"{Api}/review/{item}/reject", content: Json(body)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty("reason", out _), Is.True);
    }

    [Test]
    public async Task Review_Reject_RecordsTheReason()
    {
        var advocate = await _data.AdvocateAsync("Ron", $"ron@{Unique("reject")}");
        var referral = await _data.ReferralAsync(advocate, $"z@{Unique("f")}", revenue: 30m, flagged: true);
        var item = await _data.ReviewItemOfAsync(referral);

        using var rejected = await SendJsonAsync(HttpMethod.Post, $"{Api}/review/{item}/reject", """{"reason":"Same card as the advocate."}""");
        using var after = await GetJsonAsync($"{Api}/referrals/{referral.Id}");

        Assert.That(rejected.RootElement.GetProperty("status").GetString(), Is.EqualTo("Rejected"));
        Assert.That(rejected.RootElement.GetProperty("note").GetString(), Is.EqualTo("Same card as the advocate."));
        Assert.That(after.RootElement.GetProperty("state").GetString(), Is.EqualTo("Rejected"));
    }

    [Test]
    public async Task Review_Answers404_ForAnUnknownItem()
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Post, $"{Api}/review/{Guid.NewGuid()}/reject",
            content: Json("""{"reason":"Not a real item."}""")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Settings_Put_AnswersProblemsKeyedByConfigurationKey_AndKeepsTheStoredSettings()
    {
        using var before = await GetJsonAsync($"{Api}/settings");
        var node = System.Text.Json.Nodes.JsonNode.Parse(before.RootElement.GetRawText())!;
        node["holdDays"] = -1;

        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Put, $"{Api}/settings", content: Json(node.ToJsonString())));
        using var after = await GetJsonAsync($"{Api}/settings");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty("Referrals:Program:HoldDays", out var messages), Is.True);
        Assert.That(messages[0].GetString(), Does.Contain("0-365"));
        Assert.That(after.RootElement.GetProperty("holdDays").GetInt32(), Is.EqualTo(before.RootElement.GetProperty("holdDays").GetInt32()));
    }

    [Test]
    public async Task Settings_Put_SavesValidSettings()
    {
        using var before = await GetJsonAsync($"{Api}/settings");
        var node = System.Text.Json.Nodes.JsonNode.Parse(before.RootElement.GetRawText())!;
        node["monthlyGoal"] = 42;
        node["friendOffer"]!["type"] = "Percentage";

        using var saved = await SendJsonAsync(HttpMethod.Put, $"{Api}/settings", node.ToJsonString());
        using var after = await GetJsonAsync($"{Api}/settings");

        Assert.That(after.RootElement.GetProperty("monthlyGoal").GetInt32(), Is.EqualTo(42));
        Assert.That(after.RootElement.GetProperty("friendOffer").GetProperty("type").GetString(), Is.EqualTo("Percentage"));
    }

    [Test]
    public async Task Settings_Put_AnswersAValidationProblem_ForAnUnknownEnumName()
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Put, $"{Api}/settings",
            content: Json("""{"friendOffer":{"type":"FreeLunch"}}""")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty("$.friendOffer.type", out _), Is.True);
    }

    [Test]
    public async Task Templates_Put_RefusesAnAdvocateNewsHtmlThatIsNotLiquid_KeyedByItsField_AndSavesAFixedOne()
    {
        using var before = await GetJsonAsync($"{Api}/asks/templates");
        var stored = before.RootElement.GetProperty("advocateNewsHtml").GetString()!;
        var node = System.Text.Json.Nodes.JsonNode.Parse(before.RootElement.GetRawText())!;
        node["advocateNewsHtml"] = stored.Replace("<p>With thanks", "<p>{{ referral_link </p><p>With thanks", StringComparison.Ordinal);

        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Put, $"{Api}/asks/templates", content: Json(node.ToJsonString())));
        using var unchanged = await GetJsonAsync($"{Api}/asks/templates");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.That(errors.TryGetProperty("Referrals:Program:Templates:AdvocateNewsHtml", out var messages), Is.True, errors.GetRawText());
        Assert.That(messages[0].GetString(), Does.StartWith("The template is not valid Liquid"));
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "Referrals:Program:Templates:AdvocateNewsHtml" }), "only the broken template");
        Assert.That(unchanged.RootElement.GetProperty("advocateNewsHtml").GetString(), Is.EqualTo(stored));

        var edited = stored.Replace("<p>With thanks", "<p>Who do you know who would like this?</p><p>With thanks", StringComparison.Ordinal);
        Assert.That(edited, Is.Not.EqualTo(stored));
        node["advocateNewsHtml"] = edited;
        using var saved = await SendJsonAsync(HttpMethod.Put, $"{Api}/asks/templates", node.ToJsonString());
        using var after = await GetJsonAsync($"{Api}/asks/templates");

        Assert.That(saved.RootElement.GetProperty("advocateNewsHtml").GetString(), Is.EqualTo(edited));
        Assert.That(after.RootElement.GetProperty("advocateNewsHtml").GetString(), Is.EqualTo(edited));
    }

    [Test]
    public async Task WordingCheck_FindsAClosedQuestion_WithItsPlace()
    {
        const string text = "Do you know anyone who needs a plumber?";

        using var json = await SendJsonAsync(HttpMethod.Post, $"{Api}/asks/wording-check", JsonSerializer.Serialize(new { text }));

        Assert.That(json.RootElement.GetProperty("supported").GetBoolean(), Is.True);
        var closed = json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "ClosedQuestion");
        var start = closed.GetProperty("start").GetInt32();
        Assert.That(closed.GetProperty("excerpt").GetString(), Is.EqualTo(text.Substring(start, closed.GetProperty("length").GetInt32())));
        Assert.That(closed.GetProperty("excerpt").GetString(), Does.StartWith("Do you know"));
    }

    [Test]
    public async Task WordingCheck_FindsNothing_ForPhrasingOnlyOpenQuestion()
    {
        using var json = await SendJsonAsync(HttpMethod.Post, $"{Api}/asks/wording-check",
            """{"text":"Who do you know who would like this?","scope":"PhrasingOnly"}""");

        Assert.That(json.RootElement.GetProperty("findings").GetArrayLength(), Is.Zero);
    }

    [TestCase("{}", "text")]
    [TestCase("""{"text":"Hi","scope":"Everything"}""", "$.scope")]
    public async Task WordingCheck_AnswersAValidationProblem_ForBadInput(string body, string key)
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Post, $"{Api}/asks/wording-check", content: Json(body)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty(key, out _), Is.True);
    }

    [Test]
    public async Task Members_Invite_MakesTheMemberAnAdvocateWithACodeAndAnAsk()
    {
        var member = _site.AddMember("Mia Member", $"mia@{Unique("member")}");

        using var invited = await SendJsonAsync(HttpMethod.Post, $"{Api}/members/{member.Key}/invite", "{}");
        using var again = await SendJsonAsync(HttpMethod.Post, $"{Api}/members/{member.Key}/invite", "{}");
        using var tab = await GetJsonAsync($"{Api}/members/{member.Key}");

        Assert.That(invited.RootElement.GetProperty("code").GetString(), Is.Not.Empty);
        Assert.That(invited.RootElement.GetProperty("ask").GetProperty("trigger").GetString(), Is.EqualTo("Manual"));
        Assert.That(again.RootElement.GetProperty("ask").GetProperty("id").GetGuid(), Is.EqualTo(invited.RootElement.GetProperty("ask").GetProperty("id").GetGuid()));
        Assert.That(tab.RootElement.GetProperty("contactId").GetGuid(), Is.EqualTo(invited.RootElement.GetProperty("contactId").GetGuid()));
        Assert.That(tab.RootElement.GetProperty("code").GetString(), Is.EqualTo(invited.RootElement.GetProperty("code").GetString()));
    }

    [Test]
    public async Task Members_Answers404_ForAnUnknownMember()
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Post, $"{Api}/members/{Guid.NewGuid()}/invite", content: Json("{}")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task OpenApi_EveryOperationRequiresTheBackofficeUser()
    {
        using var json = await GetJsonAsync($"{Api}/openapi.json");

        var operations = json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete").Select(o => (Path: p.Name, Operation: o.Value)))
            .ToList();
        Assert.That(json.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Backoffice-User", out _), Is.True);
        Assert.That(operations, Has.Count.GreaterThanOrEqualTo(14));
        Assert.That(operations.Select(o => o.Path), Has.All.StartWith("/umbraco/referrals/api/v1/"));
        foreach (var (path, operation) in operations)
        {
            Assert.That(operation.GetProperty("security")[0].TryGetProperty("Backoffice-User", out _), Is.True, path);
        }
    }

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 12)] + ".example";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body);
    }

    private async Task<JsonDocument> SendJsonAsync(HttpMethod method, string path, string body)
    {
        using var response = await _site.Client.SendAsync(_site.Request(method, path, content: Json(body)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text);
    }
}
