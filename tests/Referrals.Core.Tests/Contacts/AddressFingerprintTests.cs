using Referrals.Core.Contacts;

namespace Referrals.Core.Tests.Contacts;

public sealed class AddressFingerprintTests
{
    private static readonly PostalAddress Copenhagen = new("Nørregade 12, 3. th.", null, "København K", "1165", "DK");

    [Test]
    public void Compute_ReturnsLowerCaseSha256Hex()
    {
        var fingerprint = AddressFingerprint.Compute(Copenhagen);

        Assert.That(fingerprint, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void Compute_IsStable_ForAKnownAddress() =>
        // SHA-256 of "v1|123 main st apt 4|90210||us"; pins the normalized form so a rule change is noticed.
        Assert.That(
            AddressFingerprint.Compute(new PostalAddress("123 Main Street", "Apartment 4", "Beverly Hills", "90210", "US")),
            Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("v1|123 main st apt 4|90210||us"u8))));

    [TestCase("NORREGADE 12, 3. TH.", null, "Kobenhavn K", "1165", "dk")]
    [TestCase("  Nørregade   12 ,3 th ", "", "KØBENHAVN K", "1165", "DK")]
    [TestCase("Nørregade 12", "3. th.", "København K", "1165", "DK")]
    [TestCase("Nørregade 12, 3. th.", null, "Copenhagen", "1165", "DK")]
    public void Compute_GivesTheSameFingerprint_WhenOnlySpellingDiffers(string line1, string? line2, string city, string postalCode, string country) =>
        Assert.That(AddressFingerprint.Compute(new PostalAddress(line1, line2, city, postalCode, country)), Is.EqualTo(AddressFingerprint.Compute(Copenhagen)));

    [TestCase("123 Main Street Apartment 4", "123 main st. apt. 4")]
    [TestCase("123 Main Street #4", "123 Main St Apt 4")]
    [TestCase("12B Elm Road", "12 b elm rd")]
    [TestCase("5 Sunset Boulevard", "5 Sunset Blvd.")]
    [TestCase("7 Park Avenue", "7 Park Ave")]
    [TestCase("Hauptstraße 5", "Hauptstr. 5")]
    [TestCase("Berliner Straße 5", "Berliner Str. 5")]
    [TestCase("Rue de l'Église 3", "rue de l eglise 3")]
    public void Compute_UnifiesCommonAbbreviations(string spelled, string abbreviated) =>
        Assert.That(
            AddressFingerprint.Compute(new PostalAddress(spelled, null, "Town", "1000", "US")),
            Is.EqualTo(AddressFingerprint.Compute(new PostalAddress(abbreviated, null, "Town", "1000", "US"))));

    [TestCase("Nørregade 13, 3. th.", "1165", "DK")]
    [TestCase("Nørregade 12, 4. th.", "1165", "DK")]
    [TestCase("Nørrevej 12, 3. th.", "1165", "DK")]
    [TestCase("Nørregade 12, 3. th.", "1166", "DK")]
    [TestCase("Nørregade 12, 3. th.", "1165", "SE")]
    public void Compute_GivesDifferentFingerprints_WhenTheAddressDiffers(string line1, string postalCode, string country) =>
        Assert.That(
            AddressFingerprint.Compute(new PostalAddress(line1, null, "København K", postalCode, country)),
            Is.Not.EqualTo(AddressFingerprint.Compute(Copenhagen)));

    [Test]
    public void Compute_DistinguishesHouseNumbers_WhenTheyShareDigits()
    {
        var fingerprints = new[] { "1 Main St", "11 Main St", "1 1 Main St", "12 Main St", "21 Main St" }
            .Select(line => AddressFingerprint.Compute(new PostalAddress(line, null, null, "1000", "US")))
            .ToList();

        // "1 1 Main St" and "11 Main St" must differ: the space separates two numbers.
        Assert.That(fingerprints.Distinct().Count(), Is.EqualTo(fingerprints.Count));
    }

    [Test]
    public void Compute_UsesCity_WhenThereIsNoPostalCode()
    {
        var aarhus = AddressFingerprint.Compute(new PostalAddress("Vestergade 1", null, "Aarhus", null, "DK"));
        var odense = AddressFingerprint.Compute(new PostalAddress("Vestergade 1", null, "Odense", null, "DK"));

        Assert.That(aarhus, Is.Not.EqualTo(odense));
    }

    [Test]
    public void Compute_ReturnsNull_WhenAddressIsNull() =>
        Assert.That(AddressFingerprint.Compute(null), Is.Null);

    [TestCase(null, null, null, null, null)]
    [TestCase("", " ", "", "", "")]
    [TestCase(" , . ", "-", null, null, null)]
    [TestCase(null, null, "København", "1165", "DK")]
    public void Compute_ReturnsNull_WhenThereIsNoStreet(string? line1, string? line2, string? city, string? postalCode, string? country) =>
        Assert.That(AddressFingerprint.Compute(new PostalAddress(line1, line2, city, postalCode, country)), Is.Null);

    [Test]
    public void NormalizeWords_KeepsDanishVejAndGade() =>
        Assert.That(AddressFingerprint.NormalizeWords("Søndervej 4, Åboulevard 2, Nørregade"), Is.EqualTo("sondervej 4 aboulevard 2 norregade"));
}
