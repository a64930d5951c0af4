using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Referrals.Core.Attribution;

namespace Referrals.Core.Tests.Attribution;

/// <summary>Extraction from a synthetic Shopify <c>orders/paid</c> payload, mapped the way the bridge will map it.</summary>
public sealed class ShopifyOrderFixtureTests
{
    private static string FixturePath([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Fixtures", "orders_paid.synthetic-referral.json");

    private static OrderAttributionFacts ReadFixture()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(FixturePath()));
        var order = document.RootElement;

        static string? OptionalString(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        return new OrderAttributionFacts
        {
            OrderId = order.GetProperty("admin_graphql_api_id").GetString()!,
            PlacedAt = DateTimeOffset.Parse(order.GetProperty("processed_at").GetString()!, CultureInfo.InvariantCulture),
            CustomerNormalizedEmail = OptionalString(order, "email")?.ToLowerInvariant(),
            CustomerId = OptionalString(order.GetProperty("customer"), "admin_graphql_api_id"),
            // orders/paid carries no order count; the bridge reads it from its own store.
            PreviousOrderCount = 0,
            DiscountCodes = order.GetProperty("discount_codes").EnumerateArray()
                .Select(d => d.GetProperty("code").GetString()!)
                .ToArray(),
            NoteAttributes = order.GetProperty("note_attributes").EnumerateArray()
                .Select(n => KeyValuePair.Create(n.GetProperty("name").GetString()!, n.GetProperty("value").GetString()!))
                .ToArray(),
            LandingSite = OptionalString(order, "landing_site"),
            LandingSiteRef = OptionalString(order, "landing_site_ref"),
        };
    }

    [Test]
    public void Extract_FindsDiscountCodeNoteAttributeAndLandingSiteRef_WhenGivenTheSyntheticReferralOrder()
    {
        var sightings = CodeSightingExtractor.Extract(ReadFixture());

        Assert.That(sightings, Is.EqualTo(new[]
        {
            new CodeSighting(AttributionRule.DiscountCode, "FRIEND-7KQ2M9"),
            new CodeSighting(AttributionRule.NoteAttribute, "ALICE123"),
            new CodeSighting(AttributionRule.LandingSiteRef, "ALICE123"),
        }));
    }

    [Test]
    public void Decide_AttributesByDiscountCode_WhenTheFixtureSightingsResolveToOneAdvocate()
    {
        var order = ReadFixture();
        var alice = Guid.NewGuid();
        var candidates = CodeSightingExtractor.Extract(order)
            .Select(s => new AttributionCandidate(s.Rule, alice, s.RawValue.ToUpperInvariant(), null, null))
            .ToArray();

        var decision = AttributionEngine.Decide(order, candidates, new AttributionPolicy());

        Assert.That(decision.Rule, Is.EqualTo(AttributionRule.DiscountCode));
        Assert.That(decision.OtherMatches, Has.Count.EqualTo(2));
        Assert.That(decision.HasConflictingAdvocates, Is.False);
    }
}
