using Referrals.Core.Rewards;
using Referrals.Core.Tests.Configuration;

namespace Referrals.Core.Tests.Rewards;

public sealed class FriendOfferTests
{
    private static IEnumerable<TestCaseData> Defaults() => DocumentedDefaults.Of<FriendOffer>();

    [TestCaseSource(nameof(Defaults))]
    public void NewOffer_StartsAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<FriendOffer>(constant);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void NewOffer_IsTenOffWithoutDescription()
    {
        var offer = new FriendOffer();

        Assert.That(offer.Type, Is.EqualTo(FriendOfferType.FixedAmount));
        Assert.That(offer.Value, Is.EqualTo(10m));
        Assert.That(offer.Description, Is.Null);
    }
}
