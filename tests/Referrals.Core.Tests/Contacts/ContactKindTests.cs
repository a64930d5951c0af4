using Referrals.Core.Contacts;

namespace Referrals.Core.Tests.Contacts;

public sealed class ContactKindTests
{
    // Stored as integers: renumbering would silently change every stored contact.
    [Test]
    public void Values_AreStable()
    {
        Assert.That((int)ContactKind.Client, Is.EqualTo(0));
        Assert.That((int)ContactKind.ReferralPartner, Is.EqualTo(1));
        Assert.That((int)ContactKind.SphereOfInfluence, Is.EqualTo(2));
        Assert.That(Enum.GetValues<ContactKind>(), Has.Length.EqualTo(3));
    }
}
