using System.Net;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Shopify.Sandbox;

namespace Referrals.ShopifyBridge.Tests.Shopify;

/// <summary>The sandbox store's webhooks through the real bridge: signatures, headers, and each kind of referral signal.</summary>
public sealed class SandboxStoreTests
{
    private const string Code = "ALICE-7KQ2M9";
    private WebhookBridge _bridge = null!;
    private SandboxStore _store = null!;
    private Tenant _tenant = null!;

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync();
        _tenant = await _bridge.ConnectShopAsync();
        await _bridge.CreateAdvocateAsync(_tenant, "alice@example.com", Code);
        _store = await SandboxStore.StartAsync(_bridge.Clock, WebhookBridge.Shop, WebhookBridge.Secret);
        _store.SendWebhooksTo(_bridge.Client);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _store.DisposeAsync();
        await _bridge.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> Signals()
    {
        yield return new TestCaseData(new SandboxPurchase { DiscountCodes = [Code] }, "DiscountCode").SetArgDisplayNames("discount code");
        yield return new TestCaseData(new SandboxPurchase { NoteAttributes = new Dictionary<string, string> { ["referral_code"] = Code } }, "NoteAttribute").SetArgDisplayNames("note attribute");
        yield return new TestCaseData(new SandboxPurchase { LandingSite = $"/?ref={Code}&utm_source=share" }, "LandingSiteRef").SetArgDisplayNames("landing site");
    }

    [TestCaseSource(nameof(Signals))]
    public async Task BuyAsync_ConvertsTheReferral_WhenThePurchaseCarriesTheCode(SandboxPurchase purchase, string rule)
    {
        var ben = _store.AddCustomer("ben@example.com", "Ben");

        var (order, delivery) = await _store.BuyAsync(ben, 80m, purchase);
        await _bridge.DrainAsync();

        Assert.That(delivery.StatusCode, Is.EqualTo((int)HttpStatusCode.OK));
        var referral = await _bridge.QueryAsync(db => db.Referrals.SingleAsync());
        Assert.That(referral.State, Is.EqualTo(ReferralState.Converted));
        Assert.That(referral.AttributionRule, Is.EqualTo(rule));
        Assert.That(referral.ConvertingOrderId, Is.EqualTo(order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Deliveries_CarryTheirIdsToTheInbox_AndAResendIsStoredOnce()
    {
        var ben = _store.AddCustomer("ben@example.com", "Ben");
        var (order, first) = await _store.BuyAsync(ben, 80m);
        var fulfilled = await _store.FulfilAsync(order);

        var resent = await _store.Webhooks.ResendAsync(first, "orders/paid", [.. "{}"u8]);

        Assert.That(resent.StatusCode, Is.EqualTo((int)HttpStatusCode.OK), "a retry is acknowledged");
        var inbox = await _bridge.QueryAsync(db => db.Inbox.OrderBy(m => m.Id).ToListAsync());
        Assert.That(inbox.Select(m => (m.Topic, m.DeliveryId, m.EventId)), Is.EqualTo(new[]
        {
            ("orders/paid", first.WebhookId, first.EventId),
            ("orders/fulfilled", fulfilled.WebhookId, fulfilled.EventId),
        }));
        Assert.That(inbox.Select(m => m.TenantKey), Is.All.EqualTo(WebhookBridge.Shop));
    }

    [Test]
    public async Task CancelAsync_VoidsThePendingReward()
    {
        var ben = _store.AddCustomer("ben@example.com", "Ben");
        var (order, _) = await _store.BuyAsync(ben, 80m, new SandboxPurchase { DiscountCodes = [Code] });
        await _bridge.DrainAsync();

        var cancelled = await _store.CancelAsync(order);
        await _bridge.DrainAsync();

        Assert.That(cancelled.Accepted, Is.True);
        Assert.That(await _bridge.QueryAsync(db => db.Ledger.Select(e => e.State).SingleAsync()), Is.EqualTo(LedgerEntryState.Voided));
        Assert.That(_store.Shop.StoreCreditTransactions, Is.Empty);
    }

    [Test]
    public async Task BuyAsync_RefusesAFirstOrderCode_ToACustomerWhoOrderedBefore_AndSendsNothing()
    {
        var segment = _store.Shop.AddSegment("First-timers", "number_of_orders = 0");
        _store.Shop.AddDiscountCode(Code, "Referral code " + Code, 10m, segment, appliesOncePerCustomer: true);
        var ben = _store.AddCustomer("ben@example.com", "Ben");
        var carol = _store.AddCustomer("carol@example.com", "Carol");
        await _store.BuyAsync(carol, 20m);

        var (_, benPaid) = await _store.BuyAsync(ben, 80m, new SandboxPurchase { DiscountCodes = [Code] });
        var refused = Assert.ThrowsAsync<SandboxCheckoutRefusedException>(() => _store.BuyAsync(carol, 80m, new SandboxPurchase { DiscountCodes = [Code] }));
        var again = Assert.ThrowsAsync<SandboxCheckoutRefusedException>(() => _store.BuyAsync(ben, 80m, new SandboxPurchase { DiscountCodes = [Code] }));

        Assert.That(benPaid.Accepted, Is.True, "a first-time customer may use the code");
        Assert.That(refused!.Reason, Does.Contain("customer segment"));
        Assert.That(again!.Reason, Does.Contain("customer segment"), "after one order Ben is no longer a first-time customer");
        Assert.That(await _bridge.QueryAsync(db => db.Inbox.CountAsync()), Is.EqualTo(2), "Carol's first order and Ben's; no webhook for refused checkouts");
    }

    [Test]
    public async Task Webhooks_AreRefused_WhenSignedWithAnotherSecret()
    {
        await using var impostor = await SandboxStore.StartAsync(_bridge.Clock, WebhookBridge.Shop, "not-the-app-secret");
        impostor.SendWebhooksTo(_bridge.Client);

        var (_, delivery) = await impostor.BuyAsync(impostor.AddCustomer("eve@example.com", "Eve"), 10m);

        Assert.That(delivery.StatusCode, Is.EqualTo((int)HttpStatusCode.Unauthorized));
        Assert.That(delivery.Accepted, Is.False);
        Assert.That(await _bridge.QueryAsync(db => db.Inbox.CountAsync()), Is.Zero);
    }
}
