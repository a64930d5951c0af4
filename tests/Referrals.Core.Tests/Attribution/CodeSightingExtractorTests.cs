using Referrals.Core.Attribution;

namespace Referrals.Core.Tests.Attribution;

public sealed class CodeSightingExtractorTests
{
    private static OrderAttributionFacts Order(
        string[]? discountCodes = null,
        (string Name, string Value)[]? notes = null,
        string? landingSite = null,
        string? landingSiteRef = null) => new()
        {
            OrderId = "gid://shopify/Order/1001",
            PlacedAt = new DateTimeOffset(2026, 11, 20, 15, 15, 0, TimeSpan.Zero),
            PreviousOrderCount = 0,
            DiscountCodes = discountCodes ?? [],
            NoteAttributes = (notes ?? []).Select(n => KeyValuePair.Create(n.Name, n.Value)).ToArray(),
            LandingSite = landingSite,
            LandingSiteRef = landingSiteRef,
        };

    private static CodeSighting Sighting(AttributionRule rule, string value) => new(rule, value);

    [Test]
    public void Extract_ListsEveryDiscountCodeInOrder_WhenSeveralAreApplied()
    {
        var sightings = CodeSightingExtractor.Extract(Order(discountCodes: ["FRIEND-7KQ2M9", "SUMMER10"]));

        Assert.That(sightings, Is.EqualTo(new[]
        {
            Sighting(AttributionRule.DiscountCode, "FRIEND-7KQ2M9"),
            Sighting(AttributionRule.DiscountCode, "SUMMER10"),
        }));
    }

    [TestCase("referral_code")]
    [TestCase("ref")]
    [TestCase("referral")]
    [TestCase("referralCode")]
    [TestCase("REFERRAL_CODE")]
    [TestCase("ReferralCode")]
    [TestCase("  ref  ")]
    public void Extract_ReadsNoteAttribute_WhenItsNameIsAReferralName(string name)
    {
        var sightings = CodeSightingExtractor.Extract(Order(notes: [(name, "ALICE123")]));

        Assert.That(sightings, Is.EqualTo(new[] { Sighting(AttributionRule.NoteAttribute, "ALICE123") }));
    }

    [TestCase("gift_message")]
    [TestCase("reference")]
    [TestCase("referral code")]
    [TestCase("utm_source")]
    [TestCase("")]
    public void Extract_IgnoresNoteAttribute_WhenItsNameIsNotAReferralName(string name)
    {
        var sightings = CodeSightingExtractor.Extract(Order(notes: [(name, "ALICE123")]));

        Assert.That(sightings, Is.Empty);
    }

    [Test]
    public void Extract_SkipsBlankValuesAndTrimsTheRest_WhenValuesHaveWhiteSpace()
    {
        var order = Order(discountCodes: ["", "  ", " SUMMER10 "], notes: [("ref", "  "), ("referral", "\tALICE123 ")]);

        var sightings = CodeSightingExtractor.Extract(order);

        Assert.That(sightings, Is.EqualTo(new[]
        {
            Sighting(AttributionRule.DiscountCode, "SUMMER10"),
            Sighting(AttributionRule.NoteAttribute, "ALICE123"),
        }));
    }

    [TestCase("/?ref=ALICE123&utm_source=x", "ALICE123")]
    [TestCase("https://shop.example/products/x?ref=A%20B#frag", "A B")]
    [TestCase("/?REF=abc", "abc")]
    [TestCase("/?Ref=abc", "abc")]
    [TestCase("/products/x?utm_source=x&ref=ALICE123", "ALICE123")]
    [TestCase("/?ref=A+B", "A B")]
    [TestCase("/?ref=Zo%C3%AB", "Zoë")]
    [TestCase("/?r%65f=ALICE123", "ALICE123")]
    [TestCase("/?ref=%20ALICE123%20", "ALICE123")]
    [TestCase("%%%?ref=abc", "abc")]
    public void Extract_ReadsRefParameter_WhenLandingSiteHasOne(string landingSite, string expected)
    {
        var sightings = CodeSightingExtractor.Extract(Order(landingSite: landingSite));

        Assert.That(sightings, Is.EqualTo(new[] { Sighting(AttributionRule.LandingSiteRef, expected) }));
    }

    [Test]
    public void Extract_ReadsEachRefParameter_WhenTheParameterIsRepeated()
    {
        var sightings = CodeSightingExtractor.Extract(Order(landingSite: "/?ref=ALICE123&x=1&ref=BOB456"));

        Assert.That(sightings, Is.EqualTo(new[]
        {
            Sighting(AttributionRule.LandingSiteRef, "ALICE123"),
            Sighting(AttributionRule.LandingSiteRef, "BOB456"),
        }));
    }

    [TestCase("%%%?ref")]
    [TestCase("%%%?ref=%%%")]
    [TestCase("/?ref=%ZZ")]
    [TestCase("/?ref=%4")]
    [TestCase("/?ref=%")]
    [TestCase("/?ref=%C3")]
    [TestCase("/?ref=%FF%FE")]
    [TestCase("/?ref=%00")]
    [TestCase("/?ref=AB%0ACD")]
    [TestCase("/?ref=")]
    [TestCase("/?ref=%20")]
    [TestCase("/?ref")]
    [TestCase("/?=&&&=ALICE123&")]
    [TestCase("/?refx=ALICE123&xref=BOB")]
    [TestCase("/#/?ref=ALICE123")]
    [TestCase("/?utm_source=x#ref=ALICE123")]
    [TestCase("/products/ref=ALICE123")]
    [TestCase("http://[::1")]
    [TestCase("?")]
    [TestCase("#")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void Extract_YieldsNoLandingSiteSighting_WhenLandingSiteIsMalformedOrHasNoRef(string? landingSite)
    {
        var sightings = CodeSightingExtractor.Extract(Order(landingSite: landingSite));

        Assert.That(sightings, Is.Empty);
    }

    [Test]
    public void Extract_SkipsOnlyTheBadPair_WhenAnotherRefIsValid()
    {
        var sightings = CodeSightingExtractor.Extract(Order(landingSite: "/?ref=%ZZ&ref=ALICE123"));

        Assert.That(sightings, Is.EqualTo(new[] { Sighting(AttributionRule.LandingSiteRef, "ALICE123") }));
    }

    [Test]
    public void Extract_AddsLandingSiteRef_WhenThereIsNoLandingSite()
    {
        var sightings = CodeSightingExtractor.Extract(Order(landingSiteRef: " ALICE123 "));

        Assert.That(sightings, Is.EqualTo(new[] { Sighting(AttributionRule.LandingSiteRef, "ALICE123") }));
    }

    [TestCase("ALICE123")]
    [TestCase("alice123")]
    public void Extract_SkipsLandingSiteRef_WhenTheLandingSiteAlreadyHadThatCode(string landingSiteRef)
    {
        var sightings = CodeSightingExtractor.Extract(Order(landingSite: "/?ref=ALICE123", landingSiteRef: landingSiteRef));

        Assert.That(sightings, Is.EqualTo(new[] { Sighting(AttributionRule.LandingSiteRef, "ALICE123") }));
    }

    [Test]
    public void Extract_AddsLandingSiteRef_WhenItDiffersFromTheLandingSite()
    {
        var sightings = CodeSightingExtractor.Extract(Order(landingSite: "/?ref=ALICE123", landingSiteRef: "BOB456"));

        Assert.That(sightings, Is.EqualTo(new[]
        {
            Sighting(AttributionRule.LandingSiteRef, "ALICE123"),
            Sighting(AttributionRule.LandingSiteRef, "BOB456"),
        }));
    }

    [Test]
    public void Extract_KeepsOneSightingPerPlace_WhenTheSameCodeAppearsUnderSeveralRules()
    {
        var order = Order(discountCodes: ["ALICE123"], notes: [("referral_code", "ALICE123")], landingSite: "/?ref=ALICE123");

        var sightings = CodeSightingExtractor.Extract(order);

        Assert.That(sightings, Is.EqualTo(new[]
        {
            Sighting(AttributionRule.DiscountCode, "ALICE123"),
            Sighting(AttributionRule.NoteAttribute, "ALICE123"),
            Sighting(AttributionRule.LandingSiteRef, "ALICE123"),
        }));
    }

    [Test]
    public void Extract_ReturnsEmpty_WhenTheOrderCarriesNoCode()
    {
        Assert.That(CodeSightingExtractor.Extract(Order()), Is.Empty);
    }

    [Test]
    public void Extract_ReturnsEmpty_WhenListsAreNull()
    {
        var order = Order() with { DiscountCodes = null!, NoteAttributes = null! };

        Assert.That(CodeSightingExtractor.Extract(order), Is.Empty);
    }

    [Test]
    public void Extract_Throws_WhenOrderIsNull()
    {
        Assert.That(() => CodeSightingExtractor.Extract(null!), Throws.ArgumentNullException);
    }
}
