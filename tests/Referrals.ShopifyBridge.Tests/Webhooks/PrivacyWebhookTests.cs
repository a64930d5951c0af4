using System.Net;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Privacy;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Webhooks;

/// <summary>The mandatory privacy topics, end to end on SQLite and PostgreSQL.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class PrivacyWebhookTests
{
    private const string Shop = WebhookBridge.Shop;
    private readonly StorageProvider _provider;
    private WebhookBridge _bridge = null!;
    private Tenant _shop = null!;
    private Contact _alice = null!;

    public PrivacyWebhookTests(StorageProvider provider)
    {
        _provider = provider;
    }

    // Alice referred Jane; Jane's order converted: both are contacts with personal data.
    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync(_provider);
        _shop = await _bridge.ConnectShopAsync();
        _alice = await _bridge.CreateAdvocateAsync(_shop, "alice@example.com", "FRIEND-7KQ2M9");
        await DeliverAndDrainAsync(WebhookBridge.Delivery("orders/paid", ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder)));
        Assert.That(await _bridge.QueryAsync(db => db.Referrals.CountAsync()), Is.EqualTo(1), "set-up: Jane's order converted Alice's referral");
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    private async Task<DrainResult> DeliverAndDrainAsync(ShopifyWebhookDelivery delivery)
    {
        var response = await _bridge.SendAsync(delivery);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await _bridge.DrainAsync();
    }

    private Task<Contact> ContactAsync(string email) =>
        _bridge.QueryAsync(db => db.Contacts.SingleAsync(c => c.Email == email));

    private Task<Contact> JaneAsync() =>
        _bridge.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id != _alice.Id));

    private static void AssertErased(Contact contact)
    {
        Assert.That(contact.RedactedAt, Is.EqualTo(WebhookBridge.Start));
        Assert.That(new[] { contact.FirstName, contact.LastName, contact.Email, contact.NormalizedEmail, contact.Phone, contact.NormalizedPhone,
            contact.AddressFingerprint, contact.PostalAddress, contact.LastIpAddress, contact.LastUserAgent }, Is.All.Null);
        Assert.That(contact.MarketingConsent, Is.False);
    }

    [Test]
    public async Task CustomersRedact_ErasesTheCustomersContactAndAuditsIt_WhenMatchedByCustomerId()
    {
        var janeBefore = await ContactAsync("jane.referred@example.com");

        var drained = await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/redact",
            ShopifyPayloads.CustomerRedact(Shop, ShopifyPayloads.SyntheticCustomerId, null, ShopifyPayloads.SyntheticOrderId)));

        Assert.That(drained, Is.EqualTo(new DrainResult(1, 1, 0, 0)));
        var jane = await JaneAsync();
        Assert.That(jane.Id, Is.EqualTo(janeBefore.Id));
        AssertErased(jane);
        Assert.That(jane.OrdersCount, Is.EqualTo(1), "anonymous figures stay");
        Assert.That(await _bridge.QueryAsync(db => db.ContactExternalIds.AnyAsync(x => x.ContactId == jane.Id)), Is.False);
        var referral = await _bridge.QueryAsync(db => db.Referrals.SingleAsync());
        Assert.That(new[] { referral.FriendName, referral.FriendEmail, referral.FriendNormalizedEmail }, Is.All.Null);
        Assert.That((await ContactAsync("alice@example.com")).RedactedAt, Is.Null, "the advocate is someone else");
        Assert.That(await _bridge.QueryAsync(db => db.Ledger.CountAsync()), Is.EqualTo(1), "the ledger keeps its figures");
        var audit = await _bridge.QueryAsync(db => db.AuditLog.SingleAsync());
        Assert.That(audit.Action, Is.EqualTo("privacy.customer-redact"));
        Assert.That(audit.Actor, Is.EqualTo("shopify"));
        Assert.That(audit.Subject, Is.EqualTo("gid://shopify/Customer/115310627314723954"));
        Assert.That(audit.Details, Does.Contain("1 contact(s) erased").And.Contain("1 order(s) listed").And.Not.Contain("jane"));
    }

    [Test]
    public async Task CustomersRedact_LeavesNoTraceOfTheCustomerInAnyTable_ButTheAuditSubject()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/redact",
            ShopifyPayloads.CustomerRedact(Shop, ShopifyPayloads.SyntheticCustomerId, "jane.referred@example.com", ShopifyPayloads.SyntheticOrderId)));

        var stored = await _bridge.QueryAsync(db => DatabaseTextScanner.ReadAllAsync(db));
        Assert.That(stored.Where(v => v.Value.Contains("jane.referred@example.com", StringComparison.OrdinalIgnoreCase)
            || v.Value.Contains("Jane", StringComparison.Ordinal)), Is.Empty, "her order's body, her contact, the referral and the request's own body");
        Assert.That(stored.Where(v => v.Value.Contains("115310627314723954", StringComparison.Ordinal)).Select(v => $"{v.Table}.{v.Column}"),
            Is.EqualTo(new[] { "AuditLog.Subject" }), "Shopify's id of the customer stays only as the record of the request");
        Assert.That(stored.Any(v => v.Value.Contains("alice@example.com", StringComparison.Ordinal)), Is.True, "the advocate is someone else");
        var request = await _bridge.QueryAsync(db => db.Inbox.SingleAsync(m => m.Topic == "customers/redact"));
        Assert.That(request.ProcessedAt, Is.Not.Null);
        Assert.That(request.LastError, Is.Null);
    }

    [Test]
    public async Task CustomersRedact_ErasesTheContact_WhenOnlyAnEmailIsGiven()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/redact", ShopifyPayloads.CustomerRedact(Shop, null, "Jane.Referred@Example.com")));

        AssertErased(await JaneAsync());
        Assert.That(await _bridge.QueryAsync(db => db.AuditLog.Select(a => a.Subject).SingleAsync()), Is.EqualTo("shopify-customer:unknown"));
    }

    [Test]
    public async Task CustomersRedact_ErasesNobody_WhenNoContactMatches()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/redact", ShopifyFixtures.Read(ShopifyFixtures.CustomerRedact)));

        Assert.That(await _bridge.QueryAsync(db => db.Contacts.CountAsync(c => c.RedactedAt != null)), Is.Zero);
        Assert.That(await _bridge.QueryAsync(db => db.AuditLog.Select(a => a.Details).SingleAsync()), Does.Contain("0 contact(s) erased"));
    }

    [Test]
    public async Task CustomersRedact_IsHonoured_AfterTheShopUninstalledTheApp()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("app/uninstalled", ShopifyPayloads.Shop(1, Shop)));

        await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/redact", ShopifyPayloads.CustomerRedact(Shop, ShopifyPayloads.SyntheticCustomerId, null)));

        AssertErased(await JaneAsync());
    }

    [Test]
    public async Task CustomersRedact_IsDeadLetteredAndErasesNothing_WhenTheBodyNamesAnotherShop()
    {
        var drained = await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/redact",
            ShopifyPayloads.CustomerRedact("globex.myshopify.com", ShopifyPayloads.SyntheticCustomerId, null)));

        Assert.That(drained.DeadLettered, Is.EqualTo(1));
        Assert.That((await JaneAsync()).RedactedAt, Is.Null);
        Assert.That(await _bridge.QueryAsync(db => db.AuditLog.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task CustomersRedact_IsDeadLetteredAndErasesNothing_WhenTheBodyIsAnOrderUnderAPrivacyTopic()
    {
        // Only the body is signed: a captured order body replayed with a customers/redact topic header must not erase its buyer.
        var drained = await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/redact", ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder)));

        Assert.That(drained.DeadLettered, Is.EqualTo(1));
        Assert.That(await _bridge.QueryAsync(db => db.Inbox.Where(m => m.Topic == "customers/redact").Select(m => m.LastError).SingleAsync()),
            Does.Contain("no 'shop_domain'"));
        Assert.That((await JaneAsync()).RedactedAt, Is.Null);
    }

    [Test]
    public async Task CustomersRedact_LetsTheCustomerComeBackAsANewContact_WhenTheyOrderAgain()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/redact", ShopifyPayloads.CustomerRedact(Shop, ShopifyPayloads.SyntheticCustomerId, null)));

        await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/create",
            ShopifyPayloads.Customer(ShopifyPayloads.SyntheticCustomerId, "jane.referred@example.com", "Jane")));

        Assert.That(await _bridge.QueryAsync(db => db.Contacts.CountAsync(c => c.Email == "jane.referred@example.com" && c.RedactedAt == null)), Is.EqualTo(1));
        Assert.That(await _bridge.QueryAsync(db => db.Contacts.CountAsync(c => c.RedactedAt != null)), Is.EqualTo(1), "the erased row is never refilled");
    }

    [Test]
    public async Task ShopRedact_ErasesEveryContactAndStoredBodyOfTheShop_AndAuditsIt()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("app/uninstalled", ShopifyFixtures.Read(ShopifyFixtures.OfficialShop)));

        var drained = await DeliverAndDrainAsync(WebhookBridge.Delivery("shop/redact", ShopifyPayloads.ShopRedact(Shop)));

        Assert.That(drained, Is.EqualTo(new DrainResult(1, 1, 0, 0)));
        var contacts = await _bridge.QueryAsync(db => db.Contacts.ToListAsync());
        Assert.That(contacts, Has.Count.EqualTo(2));
        foreach (var contact in contacts)
        {
            AssertErased(contact);
        }

        Assert.That(await _bridge.QueryAsync(db => db.ContactExternalIds.CountAsync()), Is.Zero);
        var bodies = await _bridge.QueryAsync(db => db.Inbox.OrderBy(m => m.Id).Select(m => new { m.Topic, Length = m.Payload.Length }).ToListAsync());
        Assert.That(bodies.Where(b => b.Topic != "shop/redact").Select(b => b.Length), Is.All.Zero, "the order's body held Jane's data");
        Assert.That(bodies.Single(b => b.Topic == "shop/redact").Length, Is.GreaterThan(0));
        Assert.That(await _bridge.QueryAsync(db => db.Ledger.CountAsync()), Is.EqualTo(1));
        var audit = await _bridge.QueryAsync(db => db.AuditLog.SingleAsync());
        Assert.That(audit.Action, Is.EqualTo("privacy.shop-redact"));
        Assert.That(audit.Subject, Is.EqualTo(Shop));
        Assert.That(audit.Details, Does.Contain("2 contact(s) erased").And.Contain("2 stored webhook body(ies) emptied"));
    }

    [Test]
    public async Task ShopRedact_LeavesOtherShopsAlone()
    {
        var globex = await _bridge.ConnectShopAsync("globex.myshopify.com");
        var bob = await _bridge.CreateAdvocateAsync(globex, "bob@example.com", "BOB-1");

        await DeliverAndDrainAsync(WebhookBridge.Delivery("shop/redact", ShopifyFixtures.Read(ShopifyFixtures.ShopRedact)));

        Assert.That((await _bridge.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == bob.Id))).Email, Is.EqualTo("bob@example.com"));
        Assert.That(await _bridge.QueryAsync(db => db.Contacts.CountAsync(c => c.TenantId == _shop.Id && c.RedactedAt != null)), Is.EqualTo(2));
    }

    [Test]
    public async Task DataRequest_RecordsTheRequestInTheAuditLog_AndChangesNoContact()
    {
        var drained = await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/data_request",
            ShopifyPayloads.DataRequest(Shop, ShopifyPayloads.SyntheticCustomerId, "jane.referred@example.com", 9999)));

        Assert.That(drained, Is.EqualTo(new DrainResult(1, 1, 0, 0)));
        var audit = await _bridge.QueryAsync(db => db.AuditLog.SingleAsync());
        Assert.That(audit.Action, Is.EqualTo("privacy.data-request"));
        Assert.That(audit.Subject, Is.EqualTo("shopify-data-request:9999"));
        Assert.That(audit.Details, Does.Contain("1 matching contact(s)").And.Contain("kept encrypted for the merchant"));
        Assert.That(audit.Details, Does.Contain("The export holds 1 order(s), 1 referral(s), 0 ledger entry(ies), 2 stored message(s)"),
            "her order and referral as friend (the reward is Alice's); her order's body and the request's own");
        Assert.That((await JaneAsync()).Email, Is.EqualTo("jane.referred@example.com"));
        Assert.That(_bridge.Logs.AllText(), Does.Contain("kept for the merchant"));
        Assert.That(await _bridge.QueryAsync(db => db.DataRequests.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task DataRequest_IsRecorded_ForShopifysSampleBody()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/data_request", ShopifyFixtures.Read(ShopifyFixtures.DataRequest)));

        Assert.That(await _bridge.QueryAsync(db => db.AuditLog.Select(a => a.Details).SingleAsync()), Does.Contain("0 matching contact(s), 3 order(s) requested"));
    }
}
