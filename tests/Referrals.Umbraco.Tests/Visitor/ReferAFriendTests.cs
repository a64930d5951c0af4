using System.Net;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Referrals;
using Referrals.Umbraco.Tests.Hosting;

namespace Referrals.Umbraco.Tests.Visitor;

/// <summary>The refer-a-friend form: the prompt renders it, antiforgery and the friend's permission are required.</summary>
public sealed class ReferAFriendTests
{
    private UmbracoTestSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await UmbracoTestSite.StartAsync(s => s["Referrals:Umbraco:ReferFormPermitLimit"] = "1000");

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task Prompt_RendersAFormThatPostsToTheEndpoint_WithAnAntiforgeryToken()
    {
        var (_, token, html) = await _site.AntiforgeryAsync();

        Assert.That(token, Is.Not.Empty);
        Assert.That(html, Does.Contain("action=\"/referrals/refer-a-friend\"").And.Contain("name=\"Permission\""));
        Assert.That(html, Does.Contain("Who do you know who"));
    }

    [Test]
    public async Task Post_InvitesTheFriend_AndRedirectsWithSeeOther()
    {
        var friend = $"friend{Guid.NewGuid():N}@form.example";

        using var response = await PostAsync(Fields($"ada{Guid.NewGuid():N}@form.example", friend, permission: true));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
        using var db = _site.Services.GetRequiredServiceDb();
        var referral = await db.Referrals.SingleAsync(r => r.FriendEmail == friend);
        Assert.That(referral.Source, Is.EqualTo(ReferralSource.Named));
        Assert.That(referral.State, Is.EqualTo(ReferralState.Invited));
    }

    [Test]
    public async Task Post_IsRefused_WithoutThePermissionAttestation()
    {
        var friend = $"friend{Guid.NewGuid():N}@form.example";

        using var response = await PostAsync(Fields($"bob{Guid.NewGuid():N}@form.example", friend, permission: false));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Permission"));
        using var db = _site.Services.GetRequiredServiceDb();
        Assert.That(await db.Referrals.AnyAsync(r => r.FriendEmail == friend), Is.False);
    }

    [Test]
    public async Task Post_IsRefused_WithoutTheAntiforgeryToken()
    {
        using var content = new FormUrlEncodedContent(Fields("c@form.example", "d@form.example", permission: true));

        using var response = await _site.Client.PostAsync("/referrals/refer-a-friend", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("did not come from this site").And.Contain("Nothing was saved"));
        using var db = _site.Services.GetRequiredServiceDb();
        Assert.That(await db.Referrals.AnyAsync(r => r.FriendEmail == "d@form.example"), Is.False);
    }

    [Test]
    public async Task Post_IsRefused_WhenTheBodyIsTooLarge()
    {
        var fields = Fields("e@form.example", "f@form.example", permission: true);
        fields.Add(new("FriendName", new string('x', 20_000)));

        using var response = await PostAsync(fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Form too large").And.Contain("Nothing was saved"));
        using var db = _site.Services.GetRequiredServiceDb();
        Assert.That(await db.Referrals.AnyAsync(r => r.FriendEmail == "f@form.example"), Is.False);
    }

    [Test]
    public async Task Post_IsRefusedClearly_WhenTheFormHasTooManyFields()
    {
        var fields = Fields("g@form.example", "h@form.example", permission: true);
        fields.AddRange(Enumerable.Range(0, 40).Select(i => new KeyValuePair<string, string>("x" + i, "1")));

        using var response = await PostAsync(fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("could not be read").And.Contain("Nothing was saved"));
        using var db = _site.Services.GetRequiredServiceDb();
        Assert.That(await db.Referrals.AnyAsync(r => r.FriendEmail == "h@form.example"), Is.False);
    }

    internal static List<KeyValuePair<string, string>> Fields(string advocate, string friend, bool permission) =>
    [
        new("AdvocateEmail", advocate), new("AdvocateName", "Ada Advocate"), new("FriendName", "Fay Friend"), new("FriendEmail", friend),
        new("Permission", permission ? "true" : "false"),
    ];

    private Task<HttpResponseMessage> PostAsync(List<KeyValuePair<string, string>> fields) => PostWithTokenAsync(_site, fields);

    internal static async Task<HttpResponseMessage> PostWithTokenAsync(UmbracoTestSite site, List<KeyValuePair<string, string>> fields)
    {
        var (cookie, token, _) = await site.AntiforgeryAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/referrals/refer-a-friend")
        {
            Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", cookie);
        return await site.Client.SendAsync(request);
    }
}
