using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.AdminApi.Operations;
using Referrals.Testing;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

public sealed class ShopifyThrottleTests
{
    private const string ShopA = AdminApiHarness.ShopA;
    private const string ShopB = AdminApiHarness.ShopB;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void CreateClock() => _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public void EstimatedCost_IsTheDefault_UntilShopifyReportsTheOperationsCost()
    {
        var throttle = NewThrottle();
        Assert.That(throttle.EstimatedCost("CustomerByEmail"), Is.EqualTo(ShopifyAdminApiOptions.DefaultInitialCostEstimate));

        throttle.Observe(ShopA, "CustomerByEmail", new ShopifyQueryCost(7, 5, null));

        Assert.That(throttle.EstimatedCost("CustomerByEmail"), Is.EqualTo(7));
        Assert.That(throttle.EstimatedCost("OrderById"), Is.EqualTo(ShopifyAdminApiOptions.DefaultInitialCostEstimate));
    }

    [Test]
    public async Task WaitForCapacity_HoldsTheExhaustedShop_AndNotAnotherShop()
    {
        var throttle = NewThrottle();
        throttle.Observe(ShopA, "TagsAdd", new ShopifyQueryCost(10, 10, new ShopifyThrottleStatus(2000, 0, 100)));
        throttle.Observe(ShopB, "TagsAdd", new ShopifyQueryCost(10, 10, new ShopifyThrottleStatus(2000, 1990, 100)));

        var shopA = throttle.WaitForCapacityAsync(ShopA, "TagsAdd", CancellationToken.None).AsTask();
        var shopB = throttle.WaitForCapacityAsync(ShopB, "TagsAdd", CancellationToken.None).AsTask();

        Assert.That(shopB.IsCompletedSuccessfully, Is.True);
        Assert.That(shopA.IsCompleted, Is.False);
        _clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.That(shopA.IsCompleted, Is.False);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await shopA.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Test]
    public void ThrottledWait_IsRequestedCostMinusAvailable_OverTheRestoreRate()
    {
        var throttle = NewThrottle();
        var cost = new ShopifyQueryCost(202, null, new ShopifyThrottleStatus(1000, 2, 50));
        throttle.Observe(ShopA, "OrderById", cost);

        Assert.That(throttle.ThrottledWait(ShopA, "OrderById", cost), Is.EqualTo(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public async Task ClientCall_OnAnExhaustedShop_DoesNotDelayAnotherShopsCall()
    {
        await using var api = await AdminApiHarness.StartAsync();
        api.Fake.SetBucket(ShopA, available: 0, restoreRate: 1);
        using var cancel = new CancellationTokenSource();

        var shopA = api.Client.ExecuteAsync(ShopA, new CustomerByEmail("anna@example.com"), cancel.Token);
        await Polling.UntilAsync(() => api.Logs.Retries.Any(r => r.Shop == ShopA));
        var shopB = await api.Client.ExecuteAsync(ShopB, new CustomerByEmail("ben@example.com"), CancellationToken.None);

        // Shop A must wait (4 points − 0) / 1 per second; shop B went straight through meanwhile.
        Assert.That(shopB, Is.Null);
        Assert.That(shopA.IsCompleted, Is.False);
        Assert.That(api.Logs.Retries.Single().DelayMs, Is.InRange(3900, 4000));
        Assert.That(api.Fake.Requests.Where(r => r.Shop == ShopB).Select(r => r.Throttled), Is.EqualTo(new[] { false }));
        await cancel.CancelAsync();
        Assert.That(async () => await shopA, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task ClientCall_WaitsBeforeSending_WhenTheShopsBucketIsKnownToBeShort()
    {
        await using var api = await AdminApiHarness.StartAsync(configureFake: f => f.Costs["tagsAdd"] = 10);
        var anna = api.A.AddCustomer("anna@example.com");
        api.Fake.SetBucket(ShopA, available: 25, restoreRate: 1);
        using var cancel = new CancellationTokenSource();

        await api.Client.ExecuteAsync(ShopA, new TagsAdd(anna, ["a"]), CancellationToken.None);
        await api.Client.ExecuteAsync(ShopA, new TagsAdd(anna, ["b"]), CancellationToken.None);
        var third = api.Client.ExecuteAsync(ShopA, new TagsAdd(anna, ["c"]), cancel.Token);
        await Polling.UntilAsync(() => api.Logs.BucketWaits.Count == 1);

        // About 5 points are left and the client knows the call costs 10: it holds the call back (~5 s at 1 point/s)
        // instead of sending it to be throttled.
        Assert.That(api.Logs.BucketWaits.Single().Properties["WaitMs"], Is.InRange(4900L, 5000L));
        Assert.That(third.IsCompleted, Is.False);
        await cancel.CancelAsync();
        Assert.That(async () => await third, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(api.Fake.RequestsFor("tagsAdd"), Has.Count.EqualTo(2));
        Assert.That(api.Fake.Requests.Any(r => r.Throttled), Is.False);
    }

    private ShopifyThrottle NewThrottle() => new(_clock, Options.Create(new ShopifyAdminApiOptions()), NullLogger<ShopifyThrottle>.Instance);
}
