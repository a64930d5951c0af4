using System.Text.Json;
using Referrals.ShopifyBridge.OAuth;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.OAuth;

/// <summary>The query-string HMAC against the reference's vectors (fixtures/shopify/hmac-test-vectors.json).</summary>
public sealed class ShopifyQueryHmacTests
{
    private static IEnumerable<TestCaseData> Vectors()
    {
        using var document = JsonDocument.Parse(ShopifyFixtures.Read(ShopifyFixtures.HmacVectors));
        foreach (var vector in document.RootElement.GetProperty("oauth_query_hex").EnumerateArray())
        {
            var secret = vector.GetProperty("secret").GetString()!;
            var hmac = vector.GetProperty("hmac_hex").GetString()!;
            var pairs = vector.TryGetProperty("params_decoded", out var decoded)
                ? decoded.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList()
                : ShopifyQueryHmac.Parse(vector.GetProperty("message").GetString());
            yield return new TestCaseData(secret, pairs, vector.GetProperty("message").GetString(), hmac).SetArgDisplayNames(hmac[..8]);
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void IsValid_AcceptsEachReferenceVector(string secret, List<KeyValuePair<string, string>> pairs, string message, string hmac)
    {
        var signed = pairs.Append(new("hmac", hmac)).ToList();

        Assert.That(ShopifyQueryHmac.Message(pairs), Is.EqualTo(message));
        Assert.That(ShopifyQueryHmac.IsValid(signed, [secret]), Is.True);
        Assert.That(ShopifyQueryHmac.IsValid(signed, ["other", secret]), Is.True, "the previous secret during a rotation");
        Assert.That(ShopifyQueryHmac.IsValid(signed, ["other"]), Is.False);
    }

    [Test]
    public void IsValid_AcceptsTheDocumentedQueryAsShopifySendsIt()
    {
        const string Query = "code=0907a61c0c8d55e99db179b68161bc00&hmac=4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20&shop=some-shop.myshopify.com&timestamp=1337178173";

        Assert.That(ShopifyQueryHmac.IsValid(ShopifyQueryHmac.Parse(Query), ["hush"]), Is.True);
        Assert.That(ShopifyQueryHmac.IsValid(ShopifyQueryHmac.Parse(Query.Replace("some-shop", "sone-shop", StringComparison.Ordinal)), ["hush"]), Is.False);
    }

    [Test]
    public void IsValid_DecodesPlusAsSpace_AndPercentEscapes()
    {
        var query = "custom=a+b%26c%3Dd%25e&host=YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZGVtby1zaG9w&shop=demo-shop.myshopify.com&timestamp=1337178173"
            + "&hmac=34c18021dab82984f493b676c955b3a369e52a0565bbc4ccc8e7416d2aa14bfc";

        Assert.That(ShopifyQueryHmac.IsValid(ShopifyQueryHmac.Parse(query), ["hush"]), Is.True);
    }

    [TestCase("hmac")]
    [TestCase("shop")]
    [TestCase("timestamp")]
    public void IsValid_Refuses_ARepeatedSecurityParameter(string name)
    {
        var pairs = ShopifyQueryHmac.Parse("code=0907a61c0c8d55e99db179b68161bc00&hmac=4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20&shop=some-shop.myshopify.com&timestamp=1337178173");
        pairs.Add(pairs.First(p => p.Key == name));

        Assert.That(ShopifyQueryHmac.IsValid(pairs, ["hush"]), Is.False);
    }

    [TestCase("")]
    [TestCase("4712bf92")]
    [TestCase("zz12bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20")]
    public void IsValid_Refuses_AMalformedHmac(string hmac)
    {
        var pairs = ShopifyQueryHmac.Parse($"code=0907a61c0c8d55e99db179b68161bc00&hmac={hmac}&shop=some-shop.myshopify.com&timestamp=1337178173");

        Assert.That(ShopifyQueryHmac.IsValid(pairs, ["hush"]), Is.False);
    }

    [Test]
    public void TheTestSigner_AgreesWithTheReferenceVector()
    {
        var pairs = new Dictionary<string, string> { ["code"] = "0907a61c0c8d55e99db179b68161bc00", ["shop"] = "some-shop.myshopify.com", ["state"] = "0.6784241404160823", ["timestamp"] = "1337178173" };

        Assert.That(ShopifyQuerySigner.Hmac(pairs, "hush"), Is.EqualTo("700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf"));
    }
}
