using Microsoft.Extensions.Time.Testing;
using Referrals.ShopifyBridge.AdminApi;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

public sealed class ShopifyCostBucketTests
{
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void CreateClock() => _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public void Reserve_NeverWaits_BeforeShopifyReportedTheBucket()
    {
        var bucket = new ShopifyCostBucket(_clock);

        Assert.That(bucket.TryReserve(5000), Is.EqualTo(TimeSpan.Zero));
        Assert.That(bucket.Current, Is.Null);
    }

    [Test]
    public void Reserve_WaitsUntilEnoughPointsAreRestored()
    {
        var bucket = new ShopifyCostBucket(_clock);
        bucket.Observe(new ShopifyThrottleStatus(2000, 0, 100));

        Assert.That(bucket.TryReserve(50), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.That(bucket.TryReserve(50), Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.That(bucket.TryReserve(50), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Reserve_DeductsThePoints_SoTheNextCallerWaits()
    {
        var bucket = new ShopifyCostBucket(_clock);
        bucket.Observe(new ShopifyThrottleStatus(2000, 100, 100));

        Assert.That(bucket.TryReserve(60), Is.EqualTo(TimeSpan.Zero));
        Assert.That(bucket.TryReserve(60), Is.EqualTo(TimeSpan.FromMilliseconds(200)));
    }

    [Test]
    public void Reserve_CapsTheCostAtTheBucketSize_SoAnOversizedQueryWaitsForAFullBucketOnly()
    {
        var bucket = new ShopifyCostBucket(_clock);
        bucket.Observe(new ShopifyThrottleStatus(100, 0, 10));

        Assert.That(bucket.TryReserve(1000), Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Restoring_StopsAtTheMaximum()
    {
        var bucket = new ShopifyCostBucket(_clock);
        bucket.Observe(new ShopifyThrottleStatus(1000, 900, 50));

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(bucket.Current, Is.EqualTo(new ShopifyThrottleStatus(1000, 1000, 50)));
    }

    [Test]
    public void Observe_ReplacesTheLocalEstimate_WithWhatShopifyReports()
    {
        var bucket = new ShopifyCostBucket(_clock);
        bucket.Observe(new ShopifyThrottleStatus(2000, 2000, 100));
        bucket.TryReserve(1500);

        bucket.Observe(new ShopifyThrottleStatus(2000, 1800, 100));

        Assert.That(bucket.Current!.CurrentlyAvailable, Is.EqualTo(1800));
    }

    [Test]
    public void Reserve_WaitsAFixedSecond_WhenShopifyReportsNoRestoreRate()
    {
        var bucket = new ShopifyCostBucket(_clock);
        bucket.Observe(new ShopifyThrottleStatus(2000, 0, 0));

        Assert.That(bucket.TryReserve(10), Is.EqualTo(ShopifyCostBucket.FallbackWait));
    }

    [Test]
    public void Reserve_NeverGrantsMorePointsThanThereAre_UnderConcurrentCallers()
    {
        var bucket = new ShopifyCostBucket(_clock);
        bucket.Observe(new ShopifyThrottleStatus(2000, 1000, 0));
        var granted = 0;

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            if (bucket.TryReserve(10) == TimeSpan.Zero)
            {
                Interlocked.Increment(ref granted);
            }
        });

        Assert.That(granted, Is.EqualTo(100));
    }

    [Test]
    public void TimeUntilAvailable_IsTheMissingPointsOverTheRestoreRate_AndTakesNothing()
    {
        var bucket = new ShopifyCostBucket(_clock);
        bucket.Observe(new ShopifyThrottleStatus(2000, 20, 50));

        Assert.That(bucket.TimeUntilAvailable(120), Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(bucket.TimeUntilAvailable(10), Is.EqualTo(TimeSpan.Zero));
        Assert.That(bucket.Current!.CurrentlyAvailable, Is.EqualTo(20));
    }
}
