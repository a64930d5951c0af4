using CsCheck;
using Referrals.ShopifyBridge.Extension;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Extension;

/// <summary>Properties of session-token verification over generated tokens and changes to a genuine one.</summary>
public sealed class SessionTokenVerifierPropertyTests
{
    private const string ClientId = "client-123";
    private const string Secret = "hush";
    private const string Shop = "acme.myshopify.com";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 25, 0, TimeSpan.Zero);
    private static readonly SessionTokenVerifier Verifier = new(ClientId, Secret);

    [Test]
    public void AnyString_NeverThrows_AndIsNeverValid()
    {
        Gen.OneOf(Gen.String[0, 300], Gen.String[Gen.Char["abcXYZ019-_.="], 0, 300]).Sample(token =>
            Verifier.Verify(token, Now, out var claims) != SessionTokenOutcome.Valid && claims is null, iter: 5_000);
    }

    [Test]
    public void ChangingAnyCharacterOfAGenuineToken_MakesItInvalid()
    {
        var token = ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shop, ClientId, Now), Secret);
        Assert.That(Verifier.Verify(token, Now, out _), Is.EqualTo(SessionTokenOutcome.Valid), "the genuine token verifies");
        Gen.Select(Gen.Int[0, token.Length - 1], Gen.Char["abcXYZ019-_."]).Sample((at, replacement) =>
        {
            // The last character of the signature carries 2 unused bits in base64url: some replacements decode to the same MAC.
            if (token[at] == replacement || at == token.Length - 1)
            {
                return true;
            }

            var changed = string.Concat(token.AsSpan(0, at), replacement.ToString(), token.AsSpan(at + 1));
            return Verifier.Verify(changed, Now, out var claims) != SessionTokenOutcome.Valid && claims is null;
        }, iter: 2_000);
    }

    [Test]
    public void ATokenSignedWithAnyOtherSecret_IsRefusedForItsSignature()
    {
        Gen.String[1, 40].Where(s => s != Secret).Sample(other =>
            Verifier.Verify(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(Shop, ClientId, Now), other), Now, out _) == SessionTokenOutcome.BadSignature, iter: 300);
    }
}
