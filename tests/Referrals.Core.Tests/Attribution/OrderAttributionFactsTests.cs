using Referrals.Core.Attribution;

namespace Referrals.Core.Tests.Attribution;

public sealed class OrderAttributionFactsTests
{
    [Test]
    public void Lists_AreEmpty_WhenNotSet()
    {
        var facts = new OrderAttributionFacts { OrderId = "1", PlacedAt = DateTimeOffset.UnixEpoch, PreviousOrderCount = 0 };

        Assert.That(facts.DiscountCodes, Is.Empty);
        Assert.That(facts.NoteAttributes, Is.Empty);
    }

    [Test]
    public void PreviousOrderCount_Throws_WhenNegative()
    {
        Assert.That(
            () => new OrderAttributionFacts { OrderId = "1", PlacedAt = DateTimeOffset.UnixEpoch, PreviousOrderCount = -1 },
            Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase("")]
    [TestCase("  ")]
    public void OrderId_Throws_WhenBlank(string orderId)
    {
        Assert.That(
            () => new OrderAttributionFacts { OrderId = orderId, PlacedAt = DateTimeOffset.UnixEpoch, PreviousOrderCount = 0 },
            Throws.ArgumentException);
    }
}
