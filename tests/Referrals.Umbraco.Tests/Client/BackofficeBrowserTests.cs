using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Umbraco.Tests.Hosting;

namespace Referrals.Umbraco.Tests.Client;

/// <summary>
/// The built backoffice elements with the real @umbraco-cms/backoffice modules, in Debian's headless Chromium, against
/// the package API on <see cref="UmbracoTestSite"/> (Kestrel, SQLite) seeded through the engine: the Vitest suite
/// test/backoffice.browser.test.ts reads its expected values from the same API. The harness' Vite server proxies the
/// API, so the page and the API share one origin; the harness' bearer token signs in a user with the section.
/// Set REFERRALS_SCREENSHOTS=docs to write the screenshots to docs/images. Needs node (npm) and chromium.
/// </summary>
[NonParallelizable]
public sealed class BackofficeBrowserTests
{
    private const string Api = "/umbraco/referrals/api/v1";

    [Test]
    public async Task BuiltElements_PassTheirBrowserSuite_AgainstTheRealApiTestHost()
    {
        ClientSuiteRunner.EnsureBuilt();
        await using var site = await UmbracoTestSite.StartAsync();
        await SeedAsync(site);

        ClientSuiteRunner.RunSuite("test/backoffice.browser.test.ts", site.Address);
    }

    [Test]
    public async Task HarnessBearerToken_SignsInTheEditor_AndAnotherTokenDoesNot()
    {
        await using var site = await UmbracoTestSite.StartAsync();

        using var withToken = new HttpRequestMessage(HttpMethod.Get, $"{Api}/settings");
        withToken.Headers.Authorization = new("Bearer", FakeBackOfficeAuthentication.HarnessBearerToken);
        using var withOther = new HttpRequestMessage(HttpMethod.Get, $"{Api}/settings");
        withOther.Headers.Authorization = new("Bearer", "something-else");
        using var ok = await site.Client.SendAsync(withToken);
        using var refused = await site.Client.SendAsync(withOther);

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    /// <summary>
    /// What the browser suite needs: a page of advocates (one linked to a member, with a downline), two open review
    /// items, thank-you card tasks, answered asks for the NPS, a monthly goal, an ideal-client profile, two Shopify stores, an e-mail introduction,
    /// and this month's orders of a referred customer and of two others.
    /// </summary>
    private static async Task SeedAsync(UmbracoTestSite site)
    {
        var data = new SiteData(site);

        // Ada is an Umbraco member made an advocate through the API, as the "Invite to refer" action does.
        var member = site.AddMember("Ada Lovelace", "ada@example.com");
        using (var invite = await site.Client.SendAsync(site.Request(HttpMethod.Post, $"{Api}/members/{member.Key}/invite",
            content: new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))))
        {
            Assert.That(invite.StatusCode, Is.EqualTo(HttpStatusCode.OK), await invite.Content.ReadAsStringAsync());
        }

        var ada = await ContactAsync(site, "ada@example.com");
        var grace = await data.AdvocateAsync("Grace", "grace@example.com", "Hopper");
        var katherine = await data.AdvocateAsync("Katherine", "katherine@example.com", "Johnson");
        var margaret = await data.AdvocateAsync("Margaret", "margaret@example.com", "Hamilton");
        var hedy = await data.AdvocateAsync("Hedy", "hedy@example.com", "Lamarr");
        var radia = await data.AdvocateAsync("Radia", "radia@example.com", "Perlman");
        var barbara = await data.AdvocateAsync("Barbara", "barbara@example.com", "Liskov");
        await data.AdvocateAsync("Frances", "frances@example.com", "Allen");

        var adaFirst = await data.ReferralAsync(ada, "alan@example.org", revenue: 120m, visited: true, rewarded: true);
        var adaSecond = await data.ReferralAsync(ada, "joan@example.org", revenue: 80m, visited: true);
        await data.ReferralAsync(ada, "tommy@example.org", revenue: 160m, visited: true, rewarded: true);
        await data.ReferralAsync(ada, "john@example.org", visited: true);
        await data.ReferralAsync(grace, "linus@example.org", revenue: 95m, visited: true);
        await data.ReferralAsync(grace, "mallory@example.org", revenue: 40m, flagged: true, visited: true);
        await data.ReferralAsync(katherine, "eve@example.org", revenue: 75m, flagged: true);
        await data.ReferralAsync(katherine, "dorothy@example.org", revenue: 60m, visited: true);
        await data.ReferralAsync(margaret, "ken@example.org");

        await data.ThankYouCardAsync(ada, adaFirst);
        await data.ThankYouCardAsync(ada, adaSecond);

        foreach (var (contact, score) in new[] { (grace, 9), (radia, 10), (katherine, 10), (margaret, 8), (hedy, 4) })
        {
            await data.AnsweredAskAsync(contact, score);
        }

        await data.SettingsAsync(s =>
        {
            s.MonthlyGoal = 12;
            s.IdealClients.Add(new IdealClientProfile
            {
                Name = "New home owners", Who = "families who have just moved in", Situation = "has just bought a house",
                Benefit = "We get the garden ready before the first summer.",
            });
        });
        await data.ShopAsync("ada-supplies.myshopify.com", "Ada Supplies");
        await data.ShopAsync("old-corner-shop.myshopify.com", "Old Corner Shop", uninstalled: true);

        // The seed is what the suite asserts against: make sure it reads back as intended.
        using var overview = JsonDocument.Parse(await GetAsync(site, $"{Api}/overview"));
        Assert.That(overview.RootElement.GetProperty("kpis").GetProperty("referrals").GetInt32(), Is.EqualTo(9));
        using var review = JsonDocument.Parse(await GetAsync(site, $"{Api}/review?status=Open"));
        Assert.That(review.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(2));
        var advocates = await GetAsync(site, $"{Api}/advocates?take=100");
        using var list = JsonDocument.Parse(advocates);
        var linked = list.RootElement.GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("memberKey").ValueKind == JsonValueKind.String).Select(a => a.GetProperty("memberKey").GetGuid()).ToList();
        Assert.That(linked, Is.EqualTo(new[] { member.Key }), advocates);

        // For the introductions and referred-customer views; after the counts above, which these would change.
        var introduced = await data.EmailIntroductionAsync(grace, "Annie Easley", "annie@example.org");
        Assert.That(introduced.Accepted, Is.True, introduced.Status.ToString());
        var code = await data.CodeOfAsync(barbara);
        Assert.That((await data.OrderAsync("mary@example.org", 120m, code)).Status, Is.EqualTo(Events.ConversionStatus.Converted));
        await data.OrderAsync("mary@example.org", 60m);
        await data.OrderAsync("walk-in@example.org", 45m);
        await data.OrderAsync("regular@example.org", 80m);
        await data.OrderAsync("regular@example.org", 30m);
    }

    private static async Task<Contact> ContactAsync(UmbracoTestSite site, string email)
    {
        await using var db = site.Services.GetRequiredService<ReferralsDbContextFactory>().CreateDbContext();
        return await db.Contacts.AsNoTracking().SingleAsync(c => c.Email == email);
    }

    private static async Task<string> GetAsync(UmbracoTestSite site, string path)
    {
        using var response = await site.Client.SendAsync(site.Request(HttpMethod.Get, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }
}
