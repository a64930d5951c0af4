using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.AppProxy;

/// <summary>
/// The landing path <c>/shopify/proxy/r/{code}</c> answers from the in-memory lookups; these check that a revoked or rotated
/// code and an uninstalled shop take effect on the very next request in the same process.
/// </summary>
public sealed class AppProxyLandingCacheTests
{
    private const string Code = "ALICE-7KQ2M9";
    private const string Discount = $"/discount/{Code}?redirect=%2F";
    private WebhookBridge _bridge = null!;
    private Tenant _tenant = null!;
    private Contact _alice = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync();
        _client = _bridge.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _tenant = await _bridge.ConnectShopAsync();
        _alice = await _bridge.CreateAdvocateAsync(_tenant, "alice@example.com", Code);
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _bridge.DisposeAsync();
    }

    [Test]
    public async Task ARevokedCodeGoesToTheShopHome_OnTheNextRequest()
    {
        Assert.That(await LandAsync(Code), Is.EqualTo(Discount));

        await WriteAsync(async db => (await db.ReferralCodes.SingleAsync(c => c.TenantId == _tenant.Id)).IsActive = false);

        Assert.That(await LandAsync(Code), Is.EqualTo("/"));
    }

    [Test]
    public async Task ARotatedCodeLandsOnTheNewCodeOnly_EvenWhenTheNewOneWasLookedUpBefore()
    {
        const string Rotated = "ALICE-NEW234";
        Assert.That(await LandAsync(Rotated), Is.EqualTo("/"));

        await WriteAsync(async db =>
        {
            (await db.ReferralCodes.SingleAsync(c => c.TenantId == _tenant.Id)).IsActive = false;
            db.ReferralCodes.Add(new ReferralCode(_tenant.Id, _alice.Id, Rotated, ReferralCodeKey.Create(Rotated), _bridge.Clock.GetUtcNow()));
        });

        Assert.That(await LandAsync(Rotated), Is.EqualTo($"/discount/{Rotated}?redirect=%2F"));
        Assert.That(await LandAsync(Code), Is.EqualTo("/"));
    }

    [Test]
    public async Task AnUninstalledShopIsNotFound_OnTheNextRequest()
    {
        Assert.That(await LandAsync(Code), Is.EqualTo(Discount));

        await WriteAsync(async db => (await db.Tenants.SingleAsync(t => t.Id == _tenant.Id)).MarkUninstalled(_bridge.Clock.GetUtcNow()));

        var response = await _client.GetAsync($"/shopify/proxy/r/{Code}" + ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, _bridge.Clock.GetUtcNow()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AnErasedAdvocatesCodeGoesToTheShopHome_OnTheNextRequest()
    {
        Assert.That(await LandAsync(Code), Is.EqualTo(Discount));

        await using (var scope = _bridge.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            await db.ReferralCodes.Where(c => c.AdvocateContactId == _alice.Id).ExecuteDeleteAsync();
        }

        Assert.That(await LandAsync(Code), Is.EqualTo("/"));
    }

    [Test]
    public async Task AVisitQueuedJustBeforeAGracefulStopIsStillRecorded()
    {
        var referral = await InviteBobAsync();

        var response = await _client.GetAsync($"/shopify/proxy/r/{Code}" + ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, _bridge.Clock.GetUtcNow(), 77));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        await _bridge.Factory.DisposeAsync(); // graceful stop: hosted services stop, the visit writer drains

        await using var db = _bridge.Database.CreateDbContext();
        Assert.That((await db.Referrals.SingleAsync(r => r.Id == referral)).State, Is.EqualTo(ReferralState.Visited));
    }

    private async Task<string> LandAsync(string code)
    {
        var response = await _client.GetAsync($"/shopify/proxy/r/{code}" + ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, _bridge.Clock.GetUtcNow()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return response.Headers.Location!.OriginalString;
    }

    private async Task WriteAsync(Func<ReferralsDbContext, Task> change)
    {
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    private async Task<Guid> InviteBobAsync()
    {
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var referral = await scope.ServiceProvider.GetRequiredService<ReferralInvitations>().InviteAsync(db, await db.Tenants.SingleAsync(t => t.Id == _tenant.Id),
            await db.Contacts.SingleAsync(c => c.Id == _alice.Id), "Bob", "bob@example.com", CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ContactDirectory>().UpsertAsync(db, _tenant.Id,
            new CustomerInfo { Email = "bob@example.com", FirstName = "Bob", ExternalId = "gid://shopify/Customer/77" }, ContactKind.Client, CancellationToken.None);
        await db.SaveChangesAsync();
        return referral.Id;
    }
}
