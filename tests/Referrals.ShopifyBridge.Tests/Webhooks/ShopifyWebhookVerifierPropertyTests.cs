using CsCheck;
using Referrals.ShopifyBridge.Webhooks;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Webhooks;

/// <summary>Properties of webhook signature verification over generated bodies, secrets and headers.</summary>
public sealed class ShopifyWebhookVerifierPropertyTests
{
    private static readonly Gen<string> Secrets = Gen.String[Gen.Char.AlphaNumeric, 1, 64];
    private static readonly Gen<byte[]> Bodies = Gen.Byte.Array[1, 512];

    [Test]
    public void ASignedBody_Verifies()
    {
        Gen.Select(Bodies, Secrets).Sample((body, secret) =>
            new ShopifyWebhookVerifier(secret).Verify(body, ShopifyWebhookSigner.Sign(body, secret)) == WebhookSignatureOutcome.ValidCurrentSecret, iter: 2_000);
    }

    [Test]
    public void AnySingleBitChangeOfTheBody_FailsVerification()
    {
        Gen.Select(Bodies, Secrets, Gen.Int.NonNegative).Sample((body, secret, bit) =>
        {
            var signature = ShopifyWebhookSigner.Sign(body, secret);
            var changed = (byte[])body.Clone();
            var at = bit % (changed.Length * 8);
            changed[at / 8] ^= (byte)(1 << (at % 8));
            return new ShopifyWebhookVerifier(secret).Verify(changed, signature) == WebhookSignatureOutcome.Mismatch;
        }, iter: 2_000);
    }

    [Test]
    public void AnySingleBitChangeOfTheSignature_FailsVerification()
    {
        Gen.Select(Bodies, Secrets, Gen.Int[0, 255]).Sample((body, secret, bit) =>
        {
            var mac = Convert.FromBase64String(ShopifyWebhookSigner.Sign(body, secret));
            mac[bit / 8] ^= (byte)(1 << (bit % 8));
            return new ShopifyWebhookVerifier(secret).Verify(body, Convert.ToBase64String(mac)) == WebhookSignatureOutcome.Mismatch;
        }, iter: 2_000);
    }

    [Test]
    public void AnyHeaderString_NeverThrowsAndNeverVerifies()
    {
        var verifier = new ShopifyWebhookVerifier("the-secret", "the-old-secret");
        Gen.Select(Bodies, Gen.OneOf(Gen.String[0, 120], Gen.String[Gen.Char["ABCabc019+/= \r\n%"], 40, 48])).Sample((body, header) =>
            !verifier.Verify(body, header).IsValid(), iter: 5_000);
    }
}
