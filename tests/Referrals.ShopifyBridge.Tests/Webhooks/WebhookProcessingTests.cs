using System.Net;
using Microsoft.EntityFrameworkCore;
using Referrals.Core;
using Referrals.Core.Asks;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Webhooks;

/// <summary>Signed deliveries through the real bridge, then a drain through the real engine, on SQLite and PostgreSQL.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class WebhookProcessingTests
{
    private const string OrderId = "820982911946154508";
    private const string JaneGid = "gid://shopify/Customer/115310627314723954";
    private readonly StorageProvider _provider;
    private WebhookBridge _bridge = null!;
    private Tenant _shop = null!;

    public WebhookProcessingTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync(_provider);
        _shop = await _bridge.ConnectShopAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    private static ShopifyWebhookDelivery FixtureOrder(string shop = WebhookBridge.Shop) =>
        WebhookBridge.Delivery("orders/paid", ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder), shop);

    private async Task DeliverAsync(ShopifyWebhookDelivery delivery)
    {
        var response = await _bridge.SendAsync(delivery);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{delivery.Topic} is accepted at ingest");
    }

    private async Task<DrainResult> DeliverAndDrainAsync(ShopifyWebhookDelivery delivery)
    {
        await DeliverAsync(delivery);
        return await _bridge.DrainAsync();
    }

    private Task<T> QueryAsync<T>(Func<ReferralsDbContext, Task<T>> query) => _bridge.QueryAsync(query);

    [TestCase("FRIEND-7KQ2M9", "DiscountCode")]
    [TestCase("ALICE123", "NoteAttribute")]
    public async Task Drain_ConvertsTheReferralAndHoldsTheReward_WhenTheFixtureOrderCarriesTheAdvocatesCode(string code, string rule)
    {
        var alice = await _bridge.CreateAdvocateAsync(_shop, "alice@example.com", code);

        var drained = await DeliverAndDrainAsync(FixtureOrder());

        Assert.That(drained, Is.EqualTo(new DrainResult(1, 1, 0, 0)));
        await QueryAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync();
            Assert.That(referral.State, Is.EqualTo(ReferralState.Converted));
            Assert.That(referral.AdvocateContactId, Is.EqualTo(alice.Id));
            Assert.That(referral.AttributionRule, Is.EqualTo(rule));
            Assert.That(referral.ConvertingOrderId, Is.EqualTo(OrderId));
            Assert.That(referral.Revenue, Is.EqualTo(90.00m));
            var reward = await db.Ledger.SingleAsync();
            Assert.That(reward.Type, Is.EqualTo(LedgerEntryType.Reward));
            Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Pending));
            Assert.That(reward.ContactId, Is.EqualTo(alice.Id));
            Assert.That(reward.Money, Is.EqualTo(new Money(10m, "EUR")));
            Assert.That(reward.HoldUntil, Is.EqualTo(WebhookBridge.Start.AddDays(30)));
            var jane = await db.ContactExternalIds.Where(x => x.Value == JaneGid).Join(db.Contacts, x => x.ContactId, c => c.Id, (_, c) => c).SingleAsync();
            Assert.That(jane.Email, Is.EqualTo("jane.referred@example.com"));
            Assert.That(referral.FriendContactId, Is.EqualTo(jane.Id));
            var order = await db.Orders.SingleAsync();
            Assert.That(order.Total, Is.EqualTo(90.00m));
            Assert.That(order.Currency, Is.EqualTo("EUR"));
            Assert.That(await db.Inbox.AllAsync(m => m.ProcessedAt != null && m.LastError == null), Is.True);
            return true;
        });
    }

    [Test]
    public async Task Drain_LeavesOneRowAndOneReward_WhenTheSameDeliveryArrivesThreeTimes()
    {
        await _bridge.CreateAdvocateAsync(_shop, "alice@example.com", "FRIEND-7KQ2M9");
        var delivery = FixtureOrder();

        for (var i = 0; i < 3; i++)
        {
            await DeliverAndDrainAsync(delivery);
        }

        Assert.That(await QueryAsync(db => db.Inbox.CountAsync()), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.Ledger.CountAsync()), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.Referrals.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task Drain_PaysOneReward_WhenTheSameOrderComesInThreeDifferentDeliveries()
    {
        await _bridge.CreateAdvocateAsync(_shop, "alice@example.com", "FRIEND-7KQ2M9");

        await DeliverAsync(FixtureOrder());
        await DeliverAsync(FixtureOrder() with { EventId = "ev-shared" });
        await DeliverAsync(FixtureOrder() with { EventId = "ev-shared" });
        var drained = await _bridge.DrainAsync();

        Assert.That(drained.Succeeded, Is.EqualTo(3));
        Assert.That(await QueryAsync(db => db.Inbox.CountAsync()), Is.EqualTo(3));
        Assert.That(await QueryAsync(db => db.Ledger.CountAsync()), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.Orders.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task Drain_EndsWithTheSameLedger_WhenTheRefundArrivesBeforeThePayment()
    {
        const string other = "globex.myshopify.com";
        var globex = await _bridge.ConnectShopAsync(other);
        await _bridge.CreateAdvocateAsync(_shop, "alice@example.com", "FRIEND-7KQ2M9");
        await _bridge.CreateAdvocateAsync(globex, "alice@example.com", "FRIEND-7KQ2M9");
        var refund = ShopifyPayloads.Refund(ShopifyPayloads.SyntheticOrderId, 990001, 45.00m);

        await DeliverAndDrainAsync(FixtureOrder());
        await DeliverAndDrainAsync(WebhookBridge.Delivery("refunds/create", refund));
        await DeliverAndDrainAsync(WebhookBridge.Delivery("refunds/create", refund, other));
        await DeliverAndDrainAsync(FixtureOrder(other));

        var inOrder = await LedgerOf(_shop);
        var outOfOrder = await LedgerOf(globex);
        Assert.That(outOfOrder, Is.EqualTo(inOrder));
        Assert.That(inOrder, Has.Some.Matches<string>(e => e.StartsWith("ClawBack", StringComparison.Ordinal)), "half the order was refunded");
        Assert.That(await QueryAsync(db => db.Orders.Select(o => o.RefundedAmount).ToListAsync()), Is.EqualTo(new[] { 45.00m, 45.00m }));
    }

    private Task<List<string>> LedgerOf(Tenant tenant) =>
        QueryAsync(async db => (await db.Ledger.Where(e => e.TenantId == tenant.Id).ToListAsync())
            .Select(e => $"{e.Type} {e.Beneficiary} {e.State} {e.Money} {e.SourceEventId} {e.OrderId}")
            .Order(StringComparer.Ordinal).ToList());

    [Test]
    public async Task Drain_VoidsThePendingReward_WhenTheOrderIsCancelledAfterPayment()
    {
        await _bridge.CreateAdvocateAsync(_shop, "alice@example.com", "FRIEND-7KQ2M9");

        await DeliverAndDrainAsync(FixtureOrder());
        await DeliverAndDrainAsync(WebhookBridge.Delivery("orders/cancelled",
            ShopifyPayloads.CancelledOrder(ShopifyPayloads.SyntheticOrderId, "EUR", WebhookBridge.Start.AddHours(1))));

        Assert.That(await QueryAsync(db => db.Ledger.Select(e => e.State).SingleAsync()), Is.EqualTo(LedgerEntryState.Voided));
        Assert.That(await QueryAsync(db => db.Referrals.Select(r => r.State).SingleAsync()), Is.EqualTo(ReferralState.Rejected));
        Assert.That(await QueryAsync(db => db.Orders.Select(o => o.CancelledAt).SingleAsync()), Is.EqualTo(WebhookBridge.Start.AddHours(1)));
    }

    [Test]
    public async Task Drain_DeadLettersWithAClearErrorAndChangesNothing_WhenTheSignedBodyIsTruncated()
    {
        await _bridge.CreateAdvocateAsync(_shop, "alice@example.com", "FRIEND-7KQ2M9");
        var truncated = ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder)[..700];

        var drained = await DeliverAndDrainAsync(WebhookBridge.Delivery("orders/paid", truncated));

        Assert.That(drained, Is.EqualTo(new DrainResult(1, 0, 0, 1)));
        var row = await QueryAsync(db => db.Inbox.SingleAsync());
        Assert.That(row.DeadLetteredAt, Is.Not.Null);
        Assert.That(row.ProcessedAt, Is.Null);
        Assert.That(row.Attempts, Is.EqualTo(1), "a permanent error is not retried");
        Assert.That(row.LastError, Does.StartWith("The orders/paid body (700 bytes) is not valid JSON"));
        Assert.That(row.LastError, Does.Not.Contain("jane"), "the error keeps no personal data from the body");
        Assert.That(row.Payload, Is.EqualTo(truncated), "kept for an operator to look at");
        Assert.That(await QueryAsync(db => db.Orders.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.Referrals.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.Ledger.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.Contacts.CountAsync()), Is.EqualTo(1), "only the advocate");
    }

    [Test]
    public async Task Drain_DeadLettersNamingTheField_WhenTheOrderHasNoId()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("orders/paid", """{"created_at": "2026-11-20T10:00:00Z", "currency": "EUR", "total_price": "5.00"}"""u8.ToArray()));

        Assert.That(await QueryAsync(db => db.Inbox.Select(m => m.LastError).SingleAsync()), Does.StartWith("The orders/paid body has no 'id'"));
        Assert.That(await QueryAsync(db => db.Orders.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Drain_ConvertsNothing_WhenTheShopUninstalledBeforeTheOrderArrived()
    {
        await _bridge.CreateAdvocateAsync(_shop, "alice@example.com", "FRIEND-7KQ2M9");

        await DeliverAndDrainAsync(WebhookBridge.Delivery("app/uninstalled", ShopifyFixtures.Read(ShopifyFixtures.OfficialShop)));
        var drained = await DeliverAndDrainAsync(FixtureOrder());

        Assert.That(drained, Is.EqualTo(new DrainResult(1, 1, 0, 0)), "handled (skipped), not failed");
        var tenant = await QueryAsync(db => db.Tenants.SingleAsync(t => t.Id == _shop.Id));
        Assert.That(tenant.State, Is.EqualTo(TenantState.Uninstalled));
        Assert.That(tenant.UninstalledAt, Is.EqualTo(WebhookBridge.Start));
        Assert.That(await QueryAsync(db => db.Orders.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.Referrals.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.Ledger.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.Contacts.CountAsync()), Is.EqualTo(1), "the buyer is not recorded either");
    }

    [Test]
    public async Task Drain_DeadLettersTheUninstall_WhenTheBodyNamesAnotherShop()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("app/uninstalled", ShopifyPayloads.Shop(1, "globex.myshopify.com")));

        Assert.That(await QueryAsync(db => db.Inbox.Select(m => m.LastError).SingleAsync()), Does.Contain("names shop 'globex.myshopify.com'"));
        Assert.That(await QueryAsync(db => db.Tenants.Select(t => t.State).SingleAsync()), Is.EqualTo(TenantState.Active));
    }

    [Test]
    public async Task Drain_KeepsOneContact_WhenACustomerIsCreatedThenUpdated()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/create", ShopifyPayloads.Customer(5, "Bo.Friend+shop@gmail.com", "Bo", "Friend")));
        await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/update", ShopifyPayloads.Customer(5, "Bo.Friend+shop@gmail.com", "Bo", "Friend", "+45 20 30 40 50")));

        var contact = await QueryAsync(db => db.Contacts.SingleAsync());
        Assert.That(contact.Email, Is.EqualTo("Bo.Friend+shop@gmail.com"));
        Assert.That(contact.NormalizedEmail, Is.EqualTo("bofriend@gmail.com"));
        Assert.That(contact.FirstName, Is.EqualTo("Bo"));
        Assert.That(contact.Phone, Is.EqualTo("+45 20 30 40 50"));
        Assert.That(contact.MarketingConsent, Is.True);
        Assert.That(await QueryAsync(db => db.ContactExternalIds.Select(x => x.Value).SingleAsync()), Is.EqualTo("gid://shopify/Customer/5"));
    }

    [Test]
    public async Task Drain_RecordsTheBuyer_WhenShopifysSampleCustomerIsCreated()
    {
        await DeliverAndDrainAsync(WebhookBridge.Delivery("customers/create", ShopifyFixtures.Read(ShopifyFixtures.OfficialCustomer)));

        Assert.That(await QueryAsync(db => db.ContactExternalIds.Select(x => x.Value).SingleAsync()), Is.EqualTo("gid://shopify/Customer/706405506930370084"));
    }

    [Test]
    public async Task Drain_UpdatesTheBuyerAndRecordsTheFulfilment_WhenShopifysSampleOrderIsFulfilled()
    {
        var drained = await DeliverAndDrainAsync(WebhookBridge.Delivery("orders/fulfilled", ShopifyFixtures.Read(ShopifyFixtures.OfficialOrder)));

        Assert.That(drained.Succeeded, Is.EqualTo(1));
        var contact = await QueryAsync(db => db.Contacts.SingleAsync());
        Assert.That(contact.Email, Is.EqualTo("john@example.com"));
        Assert.That(contact.PostalAddress, Does.Contain("Ottawa"));
        var order = await QueryAsync(db => db.Orders.SingleAsync());
        Assert.That(order.FulfilledAt, Is.EqualTo(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero)), "the sample has no fulfilments, so its update time");
        Assert.That(order.PaidAt, Is.Null);
        Assert.That(await QueryAsync(db => db.Asks.CountAsync()), Is.Zero, "no ask before the payment");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Drain_PlansOneFulfilmentAskForTheOrder_WhenPaidAndFulfilledArriveInEitherOrder(bool fulfilledFirst)
    {
        const long orderId = 5550001;
        var placed = WebhookBridge.Start.AddMinutes(-10);
        var fulfilledAt = WebhookBridge.Start.AddDays(2);
        var paid = WebhookBridge.Delivery("orders/paid", ShopifyPayloads.WithMarketingConsent(ShopifyPayloads.PaidOrder(orderId, 40m, "buyer@example.com", 77, placed)));
        var fulfilled = WebhookBridge.Delivery("orders/fulfilled", ShopifyPayloads.WithMarketingConsent(ShopifyPayloads.FulfilledOrder(orderId, 40m, "buyer@example.com", 77, placed, fulfilledAt)));

        foreach (var delivery in fulfilledFirst ? new[] { fulfilled, paid } : [paid, fulfilled])
        {
            await DeliverAndDrainAsync(delivery);
        }

        var order = await QueryAsync(db => db.Orders.SingleAsync());
        Assert.That(order.FulfilledAt, Is.EqualTo(fulfilledAt), "the successful fulfilment's time, not the cancelled one's");
        var asks = await QueryAsync(db => db.Asks.ToListAsync());
        Assert.That(asks.Single(a => a.Trigger == AskTrigger.Purchase).State, Is.EqualTo(AskState.Cancelled));
        var ask = asks.Single(a => a.Trigger == AskTrigger.Fulfilment);
        Assert.That(ask.SourceKey, Is.EqualTo(orderId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(ask.DueAt, Is.EqualTo(fulfilledAt.AddDays(AskTimeline.DefaultFulfilmentDelayDays)));
        Assert.That(ask.ContactId, Is.EqualTo(order.ContactId));
    }

    [Test]
    public async Task Drain_DeadLettersNamingTheShop_WhenTheShopWasRemovedAfterIngest()
    {
        await DeliverAsync(FixtureOrder());
        await QueryAsync(async db => await db.Tenants.Where(t => t.Id == _shop.Id).ExecuteDeleteAsync());

        var drained = await _bridge.DrainAsync();

        Assert.That(drained.DeadLettered, Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.Inbox.Select(m => m.LastError).SingleAsync()), Does.StartWith("No connected shop is 'acme.myshopify.com'"));
    }

    [Test]
    public async Task Drain_EnqueuedByTheReceiver_RunsOnHangfireWithoutHelp()
    {
        await using var live = await WebhookBridge.StartAsync(_provider, realJobs: true);
        var shop = await live.ConnectShopAsync();
        await live.CreateAdvocateAsync(shop, "alice@example.com", "FRIEND-7KQ2M9");

        var response = await live.SendAsync(FixtureOrder());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await live.QueryAsync(db => db.Inbox.AnyAsync(m => m.ProcessedAt == null)) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.That(await live.QueryAsync(db => db.Referrals.Select(r => r.State).SingleAsync()), Is.EqualTo(ReferralState.Converted));
    }
}
