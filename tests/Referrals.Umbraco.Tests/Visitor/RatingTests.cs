using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Asks;
using Referrals.Core.Engine;
using Referrals.Core.Satisfaction;
using Referrals.Umbraco.Hosting;
using Referrals.Umbraco.Tests.Hosting;

namespace Referrals.Umbraco.Tests.Visitor;

/// <summary>Signed rating links: a GET only confirms (mail scanners follow links), the POST records.</summary>
public sealed class RatingTests
{
    private UmbracoTestSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await UmbracoTestSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task Get_ShowsAConfirmation_AndRecordsNothing()
    {
        var (askId, token) = await SentAskAsync(score: 10);

        using var response = await _site.Client.GetAsync($"/rate/{token}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("method=\"post\"").And.Contain("Confirm 10"));
        Assert.That(await StateAsync(askId), Is.EqualTo(AskState.Sent));
    }

    [Test]
    public async Task Post_RecordsTheScore_AndShowsAPromoterTheirLink()
    {
        var (askId, token) = await SentAskAsync(score: 10);
        var (cookie, form, _) = await _site.AntiforgeryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rate/{token}")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", form)]),
        };
        request.Headers.Add("Cookie", cookie);

        using var response = await _site.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("https://site.example/r/"));
        Assert.That(await StateAsync(askId), Is.EqualTo(AskState.Answered));
    }

    [Test]
    public async Task Post_IsRefused_WithoutTheAntiforgeryToken()
    {
        var (askId, token) = await SentAskAsync(score: 3);

        using var response = await _site.Client.PostAsync($"/rate/{token}", new FormUrlEncodedContent([]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("did not come from this site"));
        Assert.That(await StateAsync(askId), Is.EqualTo(AskState.Sent));
    }

    [Test]
    public async Task Post_IsRefusedWith413AndAClearPage_WhenTheBodyIsTooLarge()
    {
        var (askId, token) = await SentAskAsync(score: 9);
        var (cookie, form, _) = await _site.AntiforgeryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rate/{token}")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", form), new("pad", new string('x', 10_000))]),
        };
        request.Headers.Add("Cookie", cookie);

        using var response = await _site.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Form too large"));
        Assert.That(await StateAsync(askId), Is.EqualTo(AskState.Sent));
    }

    [Test]
    public async Task Get_RefusesATamperedToken()
    {
        var (_, token) = await SentAskAsync(score: 10);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        using var response = await _site.Client.GetAsync($"/rate/{tampered}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private async Task<(Guid AskId, string Token)> SentAskAsync(int score)
    {
        var services = _site.Services;
        var advocate = await new SiteData(_site).AdvocateAsync("Rae", $"rae{Guid.NewGuid():N}@rate.example");
        await using var db = services.GetRequiredServiceDb();
        var tenant = await services.GetRequiredService<SiteTenant>().GetAsync(db, default);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var ask = await services.GetRequiredService<AskScheduler>().ScheduleAsync(db, tenant, advocate.Id, AskTrigger.Manual, "rate-" + Guid.NewGuid().ToString("N"), now, default);
        ask.MarkSent(now);
        await db.SaveChangesAsync();
        var token = services.GetRequiredService<LinkSigningKey>().CreateRatingSigner().Sign(new RatingToken(tenant.Id, ask.Id, advocate.Id, score, now.AddDays(7)));
        return (ask.Id, token);
    }

    private async Task<AskState> StateAsync(Guid askId)
    {
        await using var db = _site.Services.GetRequiredServiceDb();
        return await db.Asks.Where(a => a.Id == askId).Select(a => a.State).SingleAsync();
    }
}
