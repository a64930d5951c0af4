using Referrals.Core.Contacts;

namespace Referrals.Core.Tests.Contacts;

public sealed class EmailNormalizerTests
{
    [TestCase("anna@example.com", "anna@example.com")]
    [TestCase("  Anna@Example.COM ", "anna@example.com")]
    [TestCase("anna+promo@example.com", "anna@example.com")]
    [TestCase("anna+a+b@example.com", "anna@example.com")]
    [TestCase("anna.berg@example.com", "anna.berg@example.com")]
    [TestCase("a.n.n.a@outlook.com", "a.n.n.a@outlook.com")]
    [TestCase("anna.berg+x@sub.example.co.uk", "anna.berg@sub.example.co.uk")]
    public void Normalize_TrimsLowerCasesAndDropsTag_AndKeepsDots_WhenDomainIsNotGmail(string email, string expected) =>
        Assert.That(EmailNormalizer.Normalize(email), Is.EqualTo(expected));

    [TestCase("a.n.n.a@gmail.com", "anna@gmail.com")]
    [TestCase("A.N.N.A+promo@Gmail.com", "anna@gmail.com")]
    [TestCase("a.n.n.a+promo@GoogleMail.com", "anna@gmail.com")]
    [TestCase("anna@googlemail.com", "anna@gmail.com")]
    public void Normalize_RemovesDotsAndMapsGooglemail_WhenDomainIsGmail(string email, string expected) =>
        Assert.That(EmailNormalizer.Normalize(email), Is.EqualTo(expected));

    [Test]
    public void Normalize_KeepsDots_WhenDomainOnlyLooksLikeGmail()
    {
        Assert.That(EmailNormalizer.Normalize("a.nna@gmail.co.uk"), Is.EqualTo("a.nna@gmail.co.uk"));
        Assert.That(EmailNormalizer.Normalize("a.nna@mail.gmail.com"), Is.EqualTo("a.nna@mail.gmail.com"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("anna")]
    [TestCase("anna.example.com")]
    [TestCase("@example.com")]
    [TestCase("anna@")]
    [TestCase("anna@localhost")]
    [TestCase("anna@.com")]
    [TestCase("anna@example.")]
    [TestCase("anna@example..com")]
    [TestCase("an na@example.com")]
    [TestCase("anna@exa mple.com")]
    [TestCase("anna@bob@example.com")]
    [TestCase("+promo@example.com")]
    [TestCase("...@gmail.com")]
    public void Normalize_ReturnsNull_WhenAddressIsNotPlausible(string? email) =>
        Assert.That(EmailNormalizer.Normalize(email), Is.Null);

    [Test]
    public void IsSameMailbox_IsTrue_WhenGmailDotAndTagVariantMeetsPlainAddress() =>
        Assert.That(EmailNormalizer.IsSameMailbox("a.n.n.a+promo@GoogleMail.com", "anna@gmail.com"), Is.True);

    [Test]
    public void IsSameMailbox_IsFalse_WhenOnlyDotsMatchOutsideGmail() =>
        Assert.That(EmailNormalizer.IsSameMailbox("a.nna@example.com", "anna@example.com"), Is.False);

    [Test]
    public void IsSameMailbox_IsFalse_WhenDomainsDiffer() =>
        Assert.That(EmailNormalizer.IsSameMailbox("anna@example.com", "anna@example.org"), Is.False);

    [TestCase(null, null)]
    [TestCase("not-an-address", "not-an-address")]
    [TestCase("anna@example.com", null)]
    [TestCase(null, "anna@example.com")]
    public void IsSameMailbox_IsFalse_WhenEitherAddressIsNotPlausible(string? a, string? b) =>
        Assert.That(EmailNormalizer.IsSameMailbox(a, b), Is.False);
}
