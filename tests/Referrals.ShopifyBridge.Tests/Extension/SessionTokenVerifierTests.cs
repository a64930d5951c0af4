using Referrals.ShopifyBridge.Extension;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Extension;

public sealed class SessionTokenVerifierTests
{
    private const string ClientId = "client-123";
    private const string Secret = "hush";
    private const string Shop = "acme.myshopify.com";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 25, 0, TimeSpan.Zero);

    private static SessionTokenOutcome Verify(string token, DateTimeOffset? at = null) =>
        new SessionTokenVerifier(ClientId, Secret).Verify(token, at ?? Now, out _);

    [Test]
    public void Verify_AcceptsAFreshTokenAndTakesTheShopFromDest()
    {
        var token = ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shop, ClientId, Now, "gid://shopify/Customer/42"), Secret);

        Assert.That(new SessionTokenVerifier(ClientId, Secret).Verify(token, Now, out var claims), Is.EqualTo(SessionTokenOutcome.Valid));
        Assert.That(claims, Is.EqualTo(new SessionToken(Shop, "gid://shopify/Customer/42", Now.AddMinutes(5))));
    }

    [Test]
    public void Verify_AcceptsThePreviousSecret() =>
        Assert.That(new SessionTokenVerifier(ClientId, "rotated", Secret).Verify(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shop, ClientId, Now), Secret), Now, out _),
            Is.EqualTo(SessionTokenOutcome.Valid));

    [Test]
    public void Verify_RefusesAnotherSecret() =>
        Assert.That(Verify(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shop, ClientId, Now), "not-hush")), Is.EqualTo(SessionTokenOutcome.BadSignature));

    [Test]
    public void Verify_RefusesAChangedPayload()
    {
        var token = ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shop, ClientId, Now), Secret);
        var other = ShopifySessionTokens.Sign(ShopifySessionTokens.Claims("evil.myshopify.com", ClientId, Now), Secret);
        var spliced = string.Join('.', token.Split('.')[0], other.Split('.')[1], token.Split('.')[2]);

        Assert.That(Verify(spliced), Is.EqualTo(SessionTokenOutcome.BadSignature));
    }

    [TestCase("none")]
    [TestCase("HS512")]
    [TestCase("RS256")]
    [TestCase("hs256")]
    public void Verify_RefusesOtherAlgorithms(string algorithm) =>
        Assert.That(Verify(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shop, ClientId, Now), Secret, algorithm)), Is.EqualTo(SessionTokenOutcome.WrongAlgorithm));

    [Test]
    public void Verify_RefusesAnExpiredTokenBeyondTheLeeway()
    {
        var token = ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shop, ClientId, Now), Secret);

        Assert.That(Verify(token, Now.AddMinutes(5).AddSeconds(10)), Is.EqualTo(SessionTokenOutcome.Valid), "within the leeway");
        Assert.That(Verify(token, Now.AddMinutes(5).AddSeconds(11)), Is.EqualTo(SessionTokenOutcome.Expired));
    }

    [Test]
    public void Verify_RefusesATokenNotYetValidBeyondTheLeeway()
    {
        var token = ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shop, ClientId, Now), Secret);

        Assert.That(Verify(token, Now.AddSeconds(-10)), Is.EqualTo(SessionTokenOutcome.Valid));
        Assert.That(Verify(token, Now.AddSeconds(-11)), Is.EqualTo(SessionTokenOutcome.NotYetValid));
    }

    [Test]
    public void Verify_RefusesAnotherAudience() =>
        Assert.That(Verify(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shop, "other-app", Now), Secret)), Is.EqualTo(SessionTokenOutcome.WrongAudience));

    [Test]
    public void Verify_RefusesAMissingAudience()
    {
        var claims = ShopifySessionTokens.Claims(Shop, ClientId, Now);
        claims.Remove("aud");
        Assert.That(Verify(ShopifySessionTokens.Sign(claims, Secret)), Is.EqualTo(SessionTokenOutcome.WrongAudience));
    }

    [TestCase("dest", "https://evil.example")]
    [TestCase("dest", "http://acme.myshopify.com")]
    [TestCase("dest", "https://acme.myshopify.com:8443")]
    [TestCase("iss", "https://other.myshopify.com/admin")]
    public void Verify_RefusesABadShopClaim(string claim, string value)
    {
        var claims = ShopifySessionTokens.Claims(Shop, ClientId, Now);
        claims[claim] = value;
        Assert.That(Verify(ShopifySessionTokens.Sign(claims, Secret)), Is.EqualTo(SessionTokenOutcome.BadShop));
    }

    [TestCase("")]
    [TestCase("a.b")]
    [TestCase("a.b.c.d")]
    [TestCase("!!!.###.$$$")]
    public void Verify_RefusesMalformedTokens(string token) =>
        Assert.That(Verify(token), Is.EqualTo(SessionTokenOutcome.Malformed));

    [Test]
    public void Verify_RefusesATokenWithoutExpiry()
    {
        var claims = ShopifySessionTokens.Claims(Shop, ClientId, Now);
        claims.Remove("exp");
        Assert.That(Verify(ShopifySessionTokens.Sign(claims, Secret)), Is.EqualTo(SessionTokenOutcome.Malformed));
    }

    [TestCase(new byte[] { 0x7B, 0x22, 0x61, 0x6C, 0x67, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D }, TestName = "Verify_RefusesAsMalformed_AHeaderWithInvalidUtf8")]
    [TestCase(new byte[] { 0x7B, 0x22, 0x61, 0x6C, 0x67, 0x22, 0x3A, 0x22, 0x5C, 0x75, 0x64, 0x38, 0x30, 0x30, 0x22, 0x7D }, TestName = "Verify_RefusesWithoutThrowing_AnAlgorithmThatIsALoneSurrogate")]
    public void Verify_NeverThrows_ForAHeaderThatIsNotValidText(byte[] header)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(header) + "." + System.Buffers.Text.Base64Url.EncodeToString("{\"exp\":1}"u8) + "." + new string('A', 43);

        Assert.That(Verify(token), Is.AnyOf(SessionTokenOutcome.Malformed, SessionTokenOutcome.WrongAlgorithm));
    }
}
