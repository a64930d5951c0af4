using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Codes;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Connections;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Email;

namespace Referrals.ShopifyBridge.Tests.AppProxy;

/// <summary>
/// A Shopify shop's referral links point at its storefront's app proxy (<c>https://{shop}/apps/referrals/r/{code}</c>),
/// wherever the engine builds them, while rating and unsubscribe links stay on the bridge; and the bridge sends old
/// <c>{PublicBaseUrl}/r/{code}</c> links there. A shop connected as a custom app has no app proxy: its links stay on the
/// bridge, which sends friends straight to the shop's <c>/discount/{code}</c>. (The extension's answer and the metafield
/// are checked in their own tests.)
/// </summary>
public sealed class ShopReferralLinkTests
{
    private const string Bridge = "https://bridge.example";
    private const string Code = "ALICE-7KQ2M9";
    private const string StorefrontLink = $"https://{WebhookBridge.Shop}/apps/referrals/r/{Code}";
    private const string CustomShop = "corner.myshopify.com";

    private PickupMailbox _mailbox = null!;
    private WebhookBridge _bridge = null!;
    private Tenant _tenant = null!;

    [SetUp]
    public async Task SetUp()
    {
        _mailbox = new PickupMailbox();
        _bridge = await WebhookBridge.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Referrals:Links:PublicBaseUrl"] = Bridge,
            ["Referrals:Links:KeyFile"] = _mailbox.KeyFile,
            ["Referrals:Email:Mode"] = "Pickup",
            ["Referrals:Email:PickupDirectory"] = _mailbox.Directory,
            ["Referrals:Email:From:Address"] = "hello@acme.example",
        });
        _tenant = await _bridge.ConnectShopAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _bridge.DisposeAsync();
        _mailbox.Dispose();
    }

    [Test]
    public async Task AReferralAskEmail_CarriesTheStorefrontLink_AndKeepsUnsubscribeOnTheBridge()
    {
        var advocate = await _bridge.CreateAdvocateAsync(_tenant, "alice@example.com", Code);
        await using (var scope = _bridge.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            var contact = await db.Contacts.SingleAsync(c => c.Id == advocate.Id);
            contact.MarketingConsent = true;
            await FollowUpEmails.EnqueueAsync(db, contact, FollowUpEmails.ReferralAskKind, Guid.NewGuid(), new FollowUpEmailMessage(contact.Id), _bridge.Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var drained = await _bridge.Services.GetRequiredService<OutboxProcessor>().RunAsync();

        Assert.That(drained.Succeeded, Is.EqualTo(1));
        var mail = _mailbox.Messages().Single();
        Assert.That(mail.TextBody, Does.Contain(StorefrontLink));
        Assert.That(mail.HtmlBody, Does.Contain(StorefrontLink));
        Assert.That(mail.TextBody, Does.Not.Contain($"{Bridge}/r/"));
        Assert.That(mail.Headers["List-Unsubscribe"], Does.Contain($"{Bridge}/unsubscribe/"));
    }

    [Test]
    public async Task AThankYouCard_PrintsTheStorefrontLinkAsItsQrCode()
    {
        var advocate = await _bridge.CreateAdvocateAsync(_tenant, "alice@example.com", Code);
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Id == _tenant.Id);
        var contact = await db.Contacts.SingleAsync(c => c.Id == advocate.Id);
        var referral = new Referral(tenant.Id, contact.Id, ReferralSource.Code, ChainPosition.For(contact.Id, null), "EUR", _bridge.Clock.GetUtcNow());
        db.Referrals.Add(referral);

        var card = await scope.ServiceProvider.GetRequiredService<StaffTasks>().ThankYouCardAsync(db, tenant, referral, contact, CancellationToken.None);
        await db.SaveChangesAsync();
        var sheet = await StaffTasks.PrintCardsAsync(db, tenant, [card.Id], CancellationToken.None);

        Assert.That(card.ReferralLink, Is.EqualTo(StorefrontLink));
        Assert.That(sheet, Does.Contain($"data-link=\"{StorefrontLink}\""));
    }

    [Test]
    public async Task APlainLinkOnTheBridge_RedirectsToTheShopsStorefrontLink()
    {
        await _bridge.CreateAdvocateAsync(_tenant, "alice@example.com", Code);

        using var client = _bridge.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/r/alice-7kq2m9", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsoluteUri, Is.EqualTo(StorefrontLink));
    }

    [Test]
    public async Task APlainLinkOnTheBridge_IsNotFound_WhenTheCodeIsUnknownOrItsShopUninstalled()
    {
        await _bridge.CreateAdvocateAsync(_tenant, "alice@example.com", Code);
        var unknown = await _bridge.Client.GetAsync(new Uri("/r/NOBODY-0000", UriKind.Relative));
        await using (var scope = _bridge.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            (await db.Tenants.SingleAsync(t => t.Id == _tenant.Id)).MarkUninstalled(_bridge.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var uninstalled = await _bridge.Client.GetAsync(new Uri($"/r/{Code}", UriKind.Relative));

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(uninstalled.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ACustomAppShopsEmail_CarriesTheBridgeLink_NotTheStorefrontProxyLink()
    {
        var tenant = await ConnectAsync(CustomShop, ConnectionMode.CustomApp);
        var advocate = await _bridge.CreateAdvocateAsync(tenant, "alice@example.com", Code);

        await SendReferralAskAsync(advocate.Id);

        var mail = _mailbox.Messages().Single();
        Assert.That(mail.TextBody, Does.Contain($"{Bridge}/r/{Code}"));
        Assert.That(mail.HtmlBody, Does.Contain($"{Bridge}/r/{Code}"));
        Assert.That(mail.TextBody, Does.Not.Contain("/apps/referrals/"));
    }

    [Test]
    public async Task ACustomAppShopsLink_RedirectsStraightToTheShopsDiscountLink()
    {
        var tenant = await ConnectAsync(CustomShop, ConnectionMode.CustomApp);
        await _bridge.CreateAdvocateAsync(tenant, "alice@example.com", Code);

        using var client = _bridge.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/r/alice-7kq2m9", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsoluteUri, Is.EqualTo($"https://{CustomShop}/discount/{Code}?redirect=%2F"));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task AnOAuthConnectedShop_KeepsTheStorefrontProxyLink_InEmailAndRedirect()
    {
        var tenant = await ConnectAsync(WebhookBridge.Shop, ConnectionMode.OAuth);
        var advocate = await _bridge.CreateAdvocateAsync(tenant, "alice@example.com", Code);

        await SendReferralAskAsync(advocate.Id);
        using var client = _bridge.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri($"/r/{Code}", UriKind.Relative));

        Assert.That(_mailbox.Messages().Single().TextBody, Does.Contain(StorefrontLink));
        Assert.That(response.Headers.Location?.AbsoluteUri, Is.EqualTo(StorefrontLink));
    }

    [Test]
    public async Task TheLinkBase_FollowsTheConnectionMode_WhenAShopSwitches()
    {
        await ConnectAsync(CustomShop, ConnectionMode.CustomApp);
        var asCustomApp = await LinkBaseAsync(CustomShop);
        await ConnectAsync(CustomShop, ConnectionMode.OAuth);
        var asOAuth = await LinkBaseAsync(CustomShop);

        Assert.That(asCustomApp?.AbsoluteUri, Is.EqualTo(new Uri(Bridge).AbsoluteUri));
        Assert.That(asOAuth?.AbsoluteUri, Is.EqualTo($"https://{CustomShop}/apps/referrals"));
    }

    // Through the bridge's own connector, as the OAuth callback and the custom-app form do.
    private async Task<Tenant> ConnectAsync(string shop, ConnectionMode mode)
    {
        var credentials = new ShopCredentials("shpat_test_token", null, null, null, ["read_orders"], mode == ConnectionMode.CustomApp ? "api-secret" : null);
        await _bridge.Services.GetRequiredService<ShopConnector>().ConnectAsync(shop, "Corner", mode, credentials, CancellationToken.None);
        return await _bridge.ConnectShopAsync(shop);
    }

    private async Task<Uri?> LinkBaseAsync(string shop)
    {
        await using var db = _bridge.Services.GetRequiredService<ReferralsDbContextFactory>().CreateDbContext();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Key == shop);
        return _bridge.Services.GetRequiredService<IReferralLinkBase>().For(tenant);
    }

    private async Task SendReferralAskAsync(Guid advocateId)
    {
        await using (var scope = _bridge.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            var contact = await db.Contacts.SingleAsync(c => c.Id == advocateId);
            contact.MarketingConsent = true;
            await FollowUpEmails.EnqueueAsync(db, contact, FollowUpEmails.ReferralAskKind, Guid.NewGuid(), new FollowUpEmailMessage(contact.Id), _bridge.Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var drained = await _bridge.Services.GetRequiredService<OutboxProcessor>().RunAsync();
        Assert.That(drained.Succeeded, Is.EqualTo(1));
    }
}
