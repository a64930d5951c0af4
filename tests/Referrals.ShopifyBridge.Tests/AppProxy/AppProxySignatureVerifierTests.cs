using System.Text.Json;
using Referrals.ShopifyBridge.AppProxy;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.AppProxy;

public sealed class AppProxySignatureVerifierTests
{
    private const string Secret = "hush";
    private static readonly DateTimeOffset DocsTime = DateTimeOffset.FromUnixTimeSeconds(1317327555);
    private static readonly DateTimeOffset ProjectTime = DateTimeOffset.FromUnixTimeSeconds(1337178173);

    private const string DocsQuery =
        "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb";

    private const string OlderDocsQuery =
        "extra=1&extra=2&shop=shop-name.myshopify.com&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555&signature=a9718877bea71c2484f91608a7eaea1532bdf71f5c56825065fa4ccabe549ef3";

    private const string ProjectQuery =
        "logged_in_customer_id=123456789&path_prefix=%2Fapps%2Freferral&shop=demo-shop.myshopify.com&timestamp=1337178173&signature=d2cb6face914ea70848d3799189ab8d85611725b79d58971f81b90b1f10e3a67";

    [Test]
    public void TheFixtureQueryIsTheOneTheseTestsUse()
    {
        using var vectors = JsonDocument.Parse(ShopifyFixtures.Read("hmac-test-vectors.json"));
        var proxy = vectors.RootElement.GetProperty("app_proxy_signature_hex");
        Assert.That(proxy[0].GetProperty("forwarded_query").GetString(), Is.EqualTo(DocsQuery));
        Assert.That(AppProxySignatureVerifier.SignedMessage(DocsQuery), Is.EqualTo(proxy[0].GetProperty("message").GetString()));
        Assert.That(AppProxySignatureVerifier.SignedMessage(OlderDocsQuery), Is.EqualTo(proxy[1].GetProperty("message").GetString()));
        Assert.That(AppProxySignatureVerifier.SignedMessage(ProjectQuery), Is.EqualTo(proxy[2].GetProperty("message").GetString()));
    }

    [TestCase(DocsQuery, 1317327555L, "shop-name.myshopify.com", "gid://shopify/Customer/1")]
    [TestCase(OlderDocsQuery, 1317327555L, "shop-name.myshopify.com", null)]
    [TestCase("?" + ProjectQuery, 1337178173L, "demo-shop.myshopify.com", "gid://shopify/Customer/123456789")]
    public void Verify_AcceptsShopifysVectors(string query, long at, string shop, string? customer)
    {
        var outcome = new AppProxySignatureVerifier(Secret).Verify(query, DateTimeOffset.FromUnixTimeSeconds(at), out var request);

        Assert.That(outcome, Is.EqualTo(AppProxyOutcome.Valid));
        Assert.That(request!.Shop, Is.EqualTo(shop));
        Assert.That(request.LoggedInCustomerId, Is.EqualTo(customer));
    }

    [Test]
    public void Verify_AcceptsThePreviousSecretDuringARotation() =>
        Assert.That(new AppProxySignatureVerifier("new-secret", Secret).Verify(ProjectQuery, ProjectTime, out _), Is.EqualTo(AppProxyOutcome.Valid));

    [Test]
    public void Verify_RefusesAnotherSecret() =>
        Assert.That(new AppProxySignatureVerifier("not-hush").Verify(ProjectQuery, ProjectTime, out _), Is.EqualTo(AppProxyOutcome.Mismatch));

    [TestCase("logged_in_customer_id=123456789", "logged_in_customer_id=123456780")]
    [TestCase("shop=demo-shop", "shop=evil-shop")]
    [TestCase("timestamp=1337178173", "timestamp=1337178174")]
    [TestCase("d2cb6face9", "D2CB6FACE8")]
    public void Verify_RefusesAChangedParameter(string from, string to) =>
        Assert.That(new AppProxySignatureVerifier(Secret).Verify(ProjectQuery.Replace(from, to, StringComparison.Ordinal), ProjectTime, out _), Is.EqualTo(AppProxyOutcome.Mismatch));

    [Test]
    public void Verify_AcceptsUpperCaseHex() =>
        Assert.That(new AppProxySignatureVerifier(Secret).Verify(ProjectQuery.Replace("d2cb6face914", "D2CB6FACE914", StringComparison.Ordinal), ProjectTime, out _),
            Is.EqualTo(AppProxyOutcome.Valid));

    [Test]
    public void Verify_RefusesAnExtraParameterAddedAfterSigning() =>
        Assert.That(new AppProxySignatureVerifier(Secret).Verify(ProjectQuery + "&ref=x", ProjectTime, out _), Is.EqualTo(AppProxyOutcome.Mismatch));

    [TestCase("&signature=d2cb6face914ea70848d3799189ab8d85611725b79d58971f81b90b1f10e3a67")]
    [TestCase("&shop=demo-shop.myshopify.com")]
    [TestCase("&timestamp=1337178173")]
    [TestCase("&logged_in_customer_id=1")]
    public void Verify_RefusesARepeatedSecurityParameter(string repeated) =>
        Assert.That(new AppProxySignatureVerifier(Secret).Verify(ProjectQuery + repeated, ProjectTime, out _), Is.EqualTo(AppProxyOutcome.Duplicated));

    [TestCase(-91)]
    [TestCase(91)]
    public void Verify_RefusesATimestampOutsideTheTolerance(int seconds) =>
        Assert.That(new AppProxySignatureVerifier(Secret).Verify(ProjectQuery, ProjectTime.AddSeconds(seconds), out _), Is.EqualTo(AppProxyOutcome.Stale));

    [TestCase(-90)]
    [TestCase(90)]
    public void Verify_AcceptsATimestampAtTheTolerance(int seconds) =>
        Assert.That(new AppProxySignatureVerifier(Secret).Verify(ProjectQuery, ProjectTime.AddSeconds(seconds), out _), Is.EqualTo(AppProxyOutcome.Valid));

    [TestCase("")]
    [TestCase("shop=demo-shop.myshopify.com&timestamp=1337178173")]
    public void Verify_RefusesAQueryWithoutSignatureParts(string query) =>
        Assert.That(new AppProxySignatureVerifier(Secret).Verify(query, ProjectTime, out _), Is.EqualTo(AppProxyOutcome.Missing));

    [TestCase("signature=abc&shop=demo-shop.myshopify.com&timestamp=1337178173")]
    [TestCase("signature=zz2cb6face914ea70848d3799189ab8d85611725b79d58971f81b90b1f10e3a6&shop=demo-shop.myshopify.com&timestamp=1337178173")]
    [TestCase("signature=d2cb6face914ea70848d3799189ab8d85611725b79d58971f81b90b1f10e3a67&shop=evil.com&timestamp=1337178173")]
    [TestCase("signature=d2cb6face914ea70848d3799189ab8d85611725b79d58971f81b90b1f10e3a67&shop=demo-shop.myshopify.com&timestamp=-5")]
    public void Verify_RefusesMalformedParts(string query) =>
        Assert.That(new AppProxySignatureVerifier(Secret).Verify(query, ProjectTime, out _), Is.EqualTo(AppProxyOutcome.Malformed));

    [Test]
    public void TheTestSignerAgreesWithTheVerifier()
    {
        var query = ShopifyAppProxySigner.Query(Secret, "acme.myshopify.com", ProjectTime, 42, ("a", "x y"), ("a", "z&"));

        Assert.That(new AppProxySignatureVerifier(Secret).Verify(query, ProjectTime, out var request), Is.EqualTo(AppProxyOutcome.Valid));
        Assert.That(request!.LoggedInCustomerId, Is.EqualTo("gid://shopify/Customer/42"));
    }
}
