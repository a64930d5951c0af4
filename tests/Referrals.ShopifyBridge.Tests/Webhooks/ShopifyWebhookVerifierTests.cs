using System.Text;
using System.Text.Json;
using Referrals.ShopifyBridge.Webhooks;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Webhooks;

public sealed class ShopifyWebhookVerifierTests
{
    public sealed record Vector(string Name, string Secret, byte[] Body, string Expected)
    {
        public override string ToString() => Name;
    }

    // Every webhook vector of hmac-test-vectors.json; bodies from body_utf8 or the exact bytes of body_file.
    public static IEnumerable<TestCaseData> Vectors()
    {
        using var document = JsonDocument.Parse(ShopifyFixtures.Read(ShopifyFixtures.HmacVectors));
        var index = 0;
        foreach (var vector in document.RootElement.GetProperty("webhook_base64").EnumerateArray())
        {
            var secret = vector.GetProperty("secret").GetString()!;
            var body = vector.TryGetProperty("body_file", out var file)
                ? ShopifyFixtures.Read(file.GetString()!)
                : Encoding.UTF8.GetBytes(vector.GetProperty("body_utf8").GetString()!);
            var name = file.ValueKind == JsonValueKind.String ? file.GetString()! : $"vector {index} ({secret})";
            index++;
            yield return new TestCaseData(new Vector(name, secret, body, vector.GetProperty("hmac_base64").GetString()!)).SetArgDisplayNames(name);
        }
    }

    [Test]
    public void Vectors_IncludeEveryWebhookVectorOfTheFixture()
    {
        Assert.That(Vectors().Count(), Is.EqualTo(4));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Verify_AcceptsWithTheCurrentSecret_ForEveryFixtureVector(Vector vector)
    {
        var verifier = new ShopifyWebhookVerifier(vector.Secret);

        Assert.That(verifier.Verify(vector.Body, vector.Expected), Is.EqualTo(WebhookSignatureOutcome.ValidCurrentSecret));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Signer_ProducesTheFixtureValue_ForEveryVector(Vector vector)
    {
        Assert.That(ShopifyWebhookSigner.Sign(vector.Body, vector.Secret), Is.EqualTo(vector.Expected));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Verify_RefusesAForgedBody_WhenAnyOneByteIsChanged(Vector vector)
    {
        var verifier = new ShopifyWebhookVerifier(vector.Secret);
        var positions = new[] { 0, vector.Body.Length / 2, vector.Body.Length - 1 }.Distinct();

        foreach (var position in positions)
        {
            var forged = (byte[])vector.Body.Clone();
            forged[position] ^= 0x01;
            Assert.That(verifier.Verify(forged, vector.Expected), Is.EqualTo(WebhookSignatureOutcome.Mismatch), $"byte {position} changed");
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Verify_RefusesTheBody_WhenSignedWithAnotherSecret(Vector vector)
    {
        var verifier = new ShopifyWebhookVerifier(vector.Secret + "x");

        Assert.That(verifier.Verify(vector.Body, vector.Expected), Is.EqualTo(WebhookSignatureOutcome.Mismatch));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Verify_SaysThePreviousSecretMatched_DuringARotation(Vector vector)
    {
        var verifier = new ShopifyWebhookVerifier("the-new-secret", previousSecret: vector.Secret);

        Assert.That(verifier.Verify(vector.Body, vector.Expected), Is.EqualTo(WebhookSignatureOutcome.ValidPreviousSecret));
    }

    [Test]
    public void Verify_RefusesTheReserialisedOrder_WhenItsSignatureIsCheckedAgainstTheFileBytes()
    {
        // The vector's negative case: JSON.parse + JSON.stringify of the file (ids rounded, whitespace gone) signs differently.
        var verifier = new ShopifyWebhookVerifier(ShopifyWebhookSigner.FixtureSecret);
        var file = ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder);

        Assert.That(verifier.Verify(file, "H7zuNEOBUXfZxHe5QrmBxf5OmjSvC1jWZW3bFHkN6kc="), Is.EqualTo(WebhookSignatureOutcome.Mismatch));
        Assert.That(verifier.Verify(file, "o8TcnDNkHWUd8NsfKbpK6Q9/1s6IE+/zQjO/kj1sdso="), Is.EqualTo(WebhookSignatureOutcome.ValidCurrentSecret));
    }

    [Test]
    public void Verify_PrefersTheCurrentSecret_WhenBothSecretsAreTheSame()
    {
        var verifier = new ShopifyWebhookVerifier("hush", previousSecret: "hush");

        Assert.That(verifier.Verify("Bf"u8, ShopifyWebhookSigner.Sign("Bf", "hush")), Is.EqualTo(WebhookSignatureOutcome.ValidCurrentSecret));
    }

    [TestCase(null)]
    [TestCase("")]
    public void Verify_ReportsAMissingHeader_WhenThereIsNoValue(string? header)
    {
        Assert.That(new ShopifyWebhookVerifier("hush").Verify("{}"u8, header), Is.EqualTo(WebhookSignatureOutcome.MissingHeader));
    }

    [TestCase("not base64 at all!", TestName = "Verify_ReportsAMalformedHeader_WhenItIsNotBase64")]
    [TestCase("   ", TestName = "Verify_ReportsAMalformedHeader_WhenItIsWhiteSpace")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", TestName = "Verify_ReportsAMalformedHeader_WhenItDecodesTo31Bytes")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", TestName = "Verify_ReportsAMalformedHeader_WhenItDecodesTo35Bytes")]
    [TestCase("07766d5cdebcd60674a8858d46b82dcc113d5d20e8e72694bbac1f9a1bb76bb8", TestName = "Verify_ReportsAMalformedHeader_WhenItIsAHexDigest")]
    [TestCase("B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g", TestName = "Verify_ReportsAMalformedHeader_WhenThePaddingIsMissing")]
    public void Verify_ReportsAMalformedHeader(string header)
    {
        Assert.That(new ShopifyWebhookVerifier("test_secret_key").Verify("{\"foo\": \"bar\"}"u8, header), Is.EqualTo(WebhookSignatureOutcome.MalformedHeader));
    }

    [Test]
    public void Verify_ReportsAMismatch_WhenTheHeaderIsWellFormedButWrong()
    {
        var valid = "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=";
        var otherMac = Convert.ToBase64String(new byte[32]);

        Assert.That(new ShopifyWebhookVerifier("test_secret_key").Verify("{\"foo\": \"bar\"}"u8, otherMac), Is.EqualTo(WebhookSignatureOutcome.Mismatch));
        Assert.That(new ShopifyWebhookVerifier("test_secret_key").Verify("{\"foo\": \"bar\"}"u8, valid), Is.EqualTo(WebhookSignatureOutcome.ValidCurrentSecret));
    }

    [Test]
    public void Verify_AcceptsAnEmptyBody_WhenItsSignatureMatches()
    {
        Assert.That(new ShopifyWebhookVerifier("hush").Verify([], ShopifyWebhookSigner.Sign([], "hush")), Is.EqualTo(WebhookSignatureOutcome.ValidCurrentSecret));
    }

    [TestCase(nameof(WebhookSignatureOutcome.ValidCurrentSecret), true)]
    [TestCase(nameof(WebhookSignatureOutcome.ValidPreviousSecret), true)]
    [TestCase(nameof(WebhookSignatureOutcome.Mismatch), false)]
    [TestCase(nameof(WebhookSignatureOutcome.MalformedHeader), false)]
    [TestCase(nameof(WebhookSignatureOutcome.MissingHeader), false)]
    public void IsValid_IsTrueOnlyForAMatchingSecret(string outcome, bool valid)
    {
        Assert.That(Enum.Parse<WebhookSignatureOutcome>(outcome).IsValid(), Is.EqualTo(valid));
    }
}
