using Referrals.Core.Contacts;

namespace Referrals.Core.Tests.Contacts;

public sealed class OrderStatsTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void None_HasNoOrders()
    {
        Assert.That(OrderStats.None.OrdersCount, Is.Zero);
        Assert.That(OrderStats.None.TotalSpent, Is.Null);
        Assert.That(OrderStats.None.FirstOrderAt, Is.Null);
        Assert.That(OrderStats.None.LastOrderAt, Is.Null);
    }

    [Test]
    public void WithOrder_CountsAndSumsAndSetsDates_WhenFirstOrder()
    {
        var stats = OrderStats.None.WithOrder(new Money(49.95m, "eur"), March);

        Assert.That(stats.OrdersCount, Is.EqualTo(1));
        Assert.That(stats.TotalSpent, Is.EqualTo(new Money(49.95m, "EUR")));
        Assert.That(stats.FirstOrderAt, Is.EqualTo(March));
        Assert.That(stats.LastOrderAt, Is.EqualTo(March));
    }

    [Test]
    public void WithOrder_ReturnsNewStats_AndLeavesTheOriginalUnchanged()
    {
        var first = OrderStats.None.WithOrder(new Money(10m, "EUR"), March);

        var second = first.WithOrder(new Money(5m, "EUR"), March.AddDays(3));

        Assert.That(first.OrdersCount, Is.EqualTo(1));
        Assert.That(first.TotalSpent, Is.EqualTo(new Money(10m, "EUR")));
        Assert.That(second.OrdersCount, Is.EqualTo(2));
        Assert.That(second.TotalSpent, Is.EqualTo(new Money(15m, "EUR")));
        Assert.That(second.FirstOrderAt, Is.EqualTo(March));
        Assert.That(second.LastOrderAt, Is.EqualTo(March.AddDays(3)));
    }

    [Test]
    public void WithOrder_WidensDates_WhenOrdersArriveOutOfOrder()
    {
        var stats = OrderStats.None
            .WithOrder(new Money(10m, "EUR"), March)
            .WithOrder(new Money(10m, "EUR"), March.AddDays(-10))
            .WithOrder(new Money(10m, "EUR"), March.AddDays(-5));

        Assert.That(stats.FirstOrderAt, Is.EqualTo(March.AddDays(-10)));
        Assert.That(stats.LastOrderAt, Is.EqualTo(March));
    }

    [Test]
    public void WithOrder_StoresUtc_WhenPlacedAtHasAnOffset()
    {
        var placedAt = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2));

        var stats = OrderStats.None.WithOrder(new Money(1m, "DKK"), placedAt);

        Assert.That(stats.LastOrderAt!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(stats.LastOrderAt, Is.EqualTo(March));
    }

    [Test]
    public void WithOrder_CountsAFreeOrder()
    {
        var stats = OrderStats.None.WithOrder(new Money(0m, "EUR"), March);

        Assert.That(stats.OrdersCount, Is.EqualTo(1));
        Assert.That(stats.TotalSpent, Is.EqualTo(new Money(0m, "EUR")));
    }

    [Test]
    public void WithOrder_Throws_WhenCurrencyDiffers()
    {
        var stats = OrderStats.None.WithOrder(new Money(10m, "EUR"), March);

        Assert.That(
            () => stats.WithOrder(new Money(10m, "USD"), March),
            Throws.ArgumentException.With.Message.Contains("USD").And.Message.Contains("EUR"));
    }

    [Test]
    public void WithOrder_AcceptsSameCurrencyInOtherCase()
    {
        var stats = OrderStats.None.WithOrder(new Money(10m, "EUR"), March).WithOrder(new Money(1m, "eur"), March);

        Assert.That(stats.TotalSpent, Is.EqualTo(new Money(11m, "EUR")));
    }

    [Test]
    public void WithOrder_Throws_WhenAmountIsNegativeOrCurrencyBlank()
    {
        Assert.That(() => OrderStats.None.WithOrder(new Money(-1m, "EUR"), March), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => OrderStats.None.WithOrder(new Money(1m, " "), March), Throws.ArgumentException);
        Assert.That(() => OrderStats.None.WithOrder(default, March), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void WithRefund_LowersTotalButKeepsCountAndDates()
    {
        var stats = OrderStats.None.WithOrder(new Money(100m, "EUR"), March);

        var refunded = stats.WithRefund(new Money(30m, "EUR"));

        Assert.That(refunded.TotalSpent, Is.EqualTo(new Money(70m, "EUR")));
        Assert.That(refunded.OrdersCount, Is.EqualTo(1));
        Assert.That(refunded.LastOrderAt, Is.EqualTo(March));
        Assert.That(stats.TotalSpent, Is.EqualTo(new Money(100m, "EUR")));
    }

    [Test]
    public void WithRefund_StopsAtZero_WhenRefundExceedsSpend()
    {
        var stats = OrderStats.None.WithOrder(new Money(20m, "EUR"), March).WithRefund(new Money(25m, "EUR"));

        Assert.That(stats.TotalSpent, Is.EqualTo(new Money(0m, "EUR")));
    }

    [Test]
    public void WithRefund_ReturnsSameStats_WhenNothingIsRecorded() =>
        Assert.That(OrderStats.None.WithRefund(new Money(5m, "EUR")), Is.SameAs(OrderStats.None));

    [Test]
    public void WithRefund_Throws_WhenCurrencyDiffersOrAmountIsNegative()
    {
        var stats = OrderStats.None.WithOrder(new Money(20m, "EUR"), March);

        Assert.That(() => stats.WithRefund(new Money(5m, "USD")), Throws.ArgumentException);
        Assert.That(() => stats.WithRefund(new Money(-5m, "EUR")), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Constructor_Throws_WhenValuesAreInconsistent()
    {
        Assert.That(() => new OrderStats(-1, null, null, null), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new OrderStats(1, new Money(-1m, "EUR"), null, null), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new OrderStats(2, null, March, March.AddDays(-1)), Throws.ArgumentException);
        Assert.That(() => new OrderStats(0, null, March, March), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_AcceptsImportedStats_WithoutDates()
    {
        var stats = new OrderStats(12, new Money(1234m, "EUR"), null, null);

        Assert.That(stats.OrdersCount, Is.EqualTo(12));
    }

    [Test]
    public void Equality_IsByValue() =>
        Assert.That(
            OrderStats.None.WithOrder(new Money(10m, "EUR"), March),
            Is.EqualTo(new OrderStats(1, new Money(10m, "EUR"), March, March)));
}
