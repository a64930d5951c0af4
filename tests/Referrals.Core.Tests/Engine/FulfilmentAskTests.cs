using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Asks;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class FulfilmentAskTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public FulfilmentAskTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync();
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    private Task PayAsync(string orderId, bool consent = true)
    {
        var order = PaidOrders.Paid(orderId, "bo@example.com", 50m, Now);
        return _engine.PayAsync(_tenant, order with { Customer = order.Customer with { AcceptsMarketing = consent } });
    }

    private Task FulfilAsync(string orderId, DateTimeOffset at) => _engine.FulfilAsync(_tenant, new OrderFulfilled(orderId, at, "EUR"));

    private Task<List<Ask>> AsksAsync() => _engine.RunAsync((db, _) => db.Asks.OrderBy(a => a.CreatedAt).ThenBy(a => a.Trigger).ToListAsync());

    private Task<DateTimeOffset?> FulfilledAtAsync(string orderId) =>
        _engine.RunAsync((db, _) => db.Orders.Where(o => o.ExternalId == orderId).Select(o => o.FulfilledAt).SingleAsync());

    [Test]
    public async Task Fulfilled_StoresTheTimeAndSchedulesTheFulfilmentAsk_ThreeDaysAfterDelivery()
    {
        await PayAsync("1001");
        var deliveredAt = Now.AddDays(2);

        await FulfilAsync("1001", deliveredAt);

        Assert.That(await FulfilledAtAsync("1001"), Is.EqualTo(deliveredAt));
        var ask = (await AsksAsync()).Single(a => a.Trigger == AskTrigger.Fulfilment);
        Assert.That(ask.SourceKey, Is.EqualTo("1001"));
        Assert.That(ask.State, Is.EqualTo(AskState.Scheduled));
        Assert.That(ask.DueAt, Is.EqualTo(deliveredAt.AddDays(AskTimeline.DefaultFulfilmentDelayDays)));
    }

    [Test]
    public async Task Fulfilled_WithdrawsTheOrdersWaitingPurchaseAsk_SoTheOrderIsAskedOnce()
    {
        await PayAsync("1001");

        await FulfilAsync("1001", Now.AddDays(1));

        var asks = await AsksAsync();
        Assert.That(asks.Single(a => a.Trigger == AskTrigger.Purchase).State, Is.EqualTo(AskState.Cancelled));
        Assert.That(asks.Single(a => a.Trigger == AskTrigger.Fulfilment).State, Is.EqualTo(AskState.Scheduled));
    }

    [Test]
    public async Task Fulfilled_ChangesNothing_WhenReportedTwice()
    {
        await PayAsync("1001");
        var first = Now.AddDays(1);
        await FulfilAsync("1001", first);

        await FulfilAsync("1001", first.AddDays(1));

        Assert.That(await FulfilledAtAsync("1001"), Is.EqualTo(first));
        Assert.That((await AsksAsync()).Count(a => a.Trigger == AskTrigger.Fulfilment), Is.EqualTo(1));
    }

    [Test]
    public async Task Fulfilled_BeforePaid_IsRecordedAndPlansTheSameAsksWhenThePaymentArrives()
    {
        var deliveredAt = Now.AddHours(1);
        await FulfilAsync("1001", deliveredAt);
        Assert.That(await AsksAsync(), Is.Empty, "no buyer is known before the payment");
        Assert.That(await FulfilledAtAsync("1001"), Is.EqualTo(deliveredAt));

        await PayAsync("1001");

        var asks = await AsksAsync();
        Assert.That(asks.Single(a => a.Trigger == AskTrigger.Purchase).State, Is.EqualTo(AskState.Cancelled));
        var fulfilment = asks.Single(a => a.Trigger == AskTrigger.Fulfilment);
        Assert.That(fulfilment.State, Is.EqualTo(AskState.Scheduled));
        Assert.That(fulfilment.DueAt, Is.EqualTo(deliveredAt.AddDays(AskTimeline.DefaultFulfilmentDelayDays)));
    }

    [Test]
    public async Task Fulfilled_KeepsThePurchaseAskAndRecordsTriggerDisabled_WhenTheFulfilmentStepIsOff()
    {
        _tenant = await _engine.CreateTenantAsync("off.myshopify.com", s => s.Timeline.Fulfilment.Enabled = false);
        await PayAsync("1001");

        await FulfilAsync("1001", Now.AddDays(1));

        var asks = await AsksAsync();
        Assert.That(asks.Single(a => a.Trigger == AskTrigger.Purchase).State, Is.EqualTo(AskState.Scheduled));
        Assert.That(asks.Single(a => a.Trigger == AskTrigger.Fulfilment).SkipReason, Is.EqualTo(AskSkipReason.TriggerDisabled));
    }

    [Test]
    public async Task Fulfilled_PlansNoAsk_WhenTheOrderWasCancelled()
    {
        await PayAsync("1001");
        await _engine.CancelAsync(_tenant, new OrderCancelled("1001", "EUR", Now));

        await FulfilAsync("1001", Now.AddDays(1));

        Assert.That((await AsksAsync()).Any(a => a.Trigger == AskTrigger.Fulfilment), Is.False);
        Assert.That(await FulfilledAtAsync("1001"), Is.Not.Null);
    }

    [Test]
    public async Task Fulfilled_SkipsWithinFrequencyCap_WhenThePurchaseAskWasAlreadySent()
    {
        await PayAsync("1001");
        _engine.Clock.Advance(TimeSpan.FromDays(7));
        await _engine.RunAsync((db, sp) => sp.GetRequiredService<AskDispatcher>().DispatchDueAsync(db, 10, CancellationToken.None));

        await FulfilAsync("1001", Now);

        var asks = await AsksAsync();
        Assert.That(asks.Single(a => a.Trigger == AskTrigger.Purchase).State, Is.EqualTo(AskState.Sent));
        Assert.That(asks.Single(a => a.Trigger == AskTrigger.Fulfilment).SkipReason, Is.EqualTo(AskSkipReason.WithinFrequencyCap));
    }

    [Test]
    public async Task Fulfilled_SkipsWithNoConsent_WhenTheBuyerHasNoConsent()
    {
        await PayAsync("1001", consent: false);

        await FulfilAsync("1001", Now.AddDays(1));

        Assert.That((await AsksAsync()).Single(a => a.Trigger == AskTrigger.Fulfilment).SkipReason, Is.EqualTo(AskSkipReason.NoConsent));
    }
}
