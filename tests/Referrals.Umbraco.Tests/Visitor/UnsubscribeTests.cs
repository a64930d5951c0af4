using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Engine;
using Referrals.Core.Referrals;
using Referrals.Umbraco.Hosting;
using Referrals.Umbraco.Tests.Hosting;

namespace Referrals.Umbraco.Tests.Visitor;

/// <summary>The unsubscribe and introduction opt-out links of the site's e-mails: a GET only confirms, the POST acts.</summary>
public sealed class UnsubscribeTests
{
    private static readonly Uri Site = new("https://site.example");
    private UmbracoTestSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await UmbracoTestSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    [Test]
    public async Task Unsubscribe_GetConfirmsOnly_PostTurnsConsentOff_WithoutAnAntiforgeryToken()
    {
        var (contactId, path) = await SubscribedContactAsync();

        using var get = await _site.Client.GetAsync(path);
        var consentAfterGet = await ConsentAsync(contactId);
        using var post = await _site.Client.PostAsync(path, OneClick());
        using var again = await _site.Client.PostAsync(path, OneClick());

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await get.Content.ReadAsStringAsync(), Does.Contain("method=\"post\""));
        Assert.That(consentAfterGet, Is.True, "a scanner fetching the link unsubscribes nobody");
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ConsentAsync(contactId), Is.False);
    }

    [Test]
    public async Task Unsubscribe_Returns400AndKeepsConsent_WhenTheTokenWasTampered()
    {
        var (contactId, path) = await SubscribedContactAsync();
        var tampered = path[..^1] + (path[^1] == 'A' ? 'B' : 'A');

        using var get = await _site.Client.GetAsync(tampered);
        using var post = await _site.Client.PostAsync(tampered, OneClick());

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ConsentAsync(contactId), Is.True);
    }

    [Test]
    public async Task Unsubscribe_Returns413AndKeepsConsent_WhenThePostIsTooLarge()
    {
        var (contactId, path) = await SubscribedContactAsync();
        using var huge = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click"), new("pad", new string('x', 10_000))]);

        using var post = await _site.Client.PostAsync(path, huge);

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await post.Content.ReadAsStringAsync(), Does.Contain("Form too large"));
        Assert.That(await ConsentAsync(contactId), Is.True);
    }

    [Test]
    public async Task IntroductionOptOut_GetConfirmsOnly_PostRecordsIt_AndATamperedTokenIsRefused()
    {
        var services = _site.Services;
        FriendSuppression friend;
        Guid tenantId;
        await using (var db = services.GetRequiredServiceDb())
        {
            var tenant = await services.GetRequiredService<SiteTenant>().GetAsync(db, default);
            tenantId = tenant.Id;
            friend = new FriendSuppression(tenant.Id, FriendEmailHash.Compute(tenant.Id, $"ben{Guid.NewGuid():N}@example.com"), services.GetRequiredService<TimeProvider>().GetUtcNow());
            db.FriendSuppressions.Add(friend);
            await db.SaveChangesAsync();
        }

        var path = services.GetRequiredService<Introductions>().OptOutLink(Site, tenantId, friend.Id).PathAndQuery;
        var tampered = path[..^1] + (path[^1] == 'A' ? 'B' : 'A');

        using var get = await _site.Client.GetAsync(path);
        var afterGet = await OptedOutAtAsync(friend.Id);
        using var refused = await _site.Client.PostAsync(tampered, OneClick());
        var afterRefused = await OptedOutAtAsync(friend.Id);
        using var post = await _site.Client.PostAsync(path, OneClick());

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterGet, Is.Null);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(afterRefused, Is.Null);
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await OptedOutAtAsync(friend.Id), Is.Not.Null);
    }

    private async Task<(Guid ContactId, string Path)> SubscribedContactAsync()
    {
        var advocate = await new SiteData(_site).AdvocateAsync("Uma", $"uma{Guid.NewGuid():N}@unsubscribe.example");
        await using var db = _site.Services.GetRequiredServiceDb();
        var contact = await db.Contacts.SingleAsync(c => c.Id == advocate.Id);
        contact.MarketingConsent = true;
        await db.SaveChangesAsync();
        var link = _site.Services.GetRequiredService<LinkSigningKey>().CreateUnsubscribeLinks().CreateLink(Site, contact.TenantId, contact.Id);
        return (contact.Id, link.PathAndQuery);
    }

    private async Task<bool> ConsentAsync(Guid contactId)
    {
        await using var db = _site.Services.GetRequiredServiceDb();
        return await db.Contacts.Where(c => c.Id == contactId).Select(c => c.MarketingConsent).SingleAsync();
    }

    private async Task<DateTimeOffset?> OptedOutAtAsync(Guid id)
    {
        await using var db = _site.Services.GetRequiredServiceDb();
        return await db.FriendSuppressions.Where(s => s.Id == id).Select(s => s.OptedOutAt).SingleAsync();
    }
}
