using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Referrals.Core.Satisfaction;

namespace Referrals.Core.Tests.Satisfaction;

public sealed class RatingLinkSignerTests
{
    private static readonly byte[] _key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] _oldKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    private static readonly DateTimeOffset _now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _expiry = _now.AddDays(14);

    private static readonly RatingToken _content = new(
        Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
        Guid.Parse("16fd2706-8baf-433b-82eb-8c7fada847da"),
        9,
        _expiry);

    private static readonly RatingLinkSigner _signer = new(_key);

    [Test]
    public void Verify_ReturnsEveryField_ForATokenItSigned()
    {
        var result = _signer.Verify(_signer.Sign(_content), _now);

        Assert.That(result.Status, Is.EqualTo(RatingTokenStatus.Valid));
        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Token, Is.EqualTo(_content));
    }

    [Test]
    public void Verify_KeepsTheExpiryToTheTickInUtc_WhenItWasGivenWithAnOffset()
    {
        var odd = new DateTimeOffset(2025, 3, 20, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        var content = new RatingToken(_content.TenantId, _content.AskId, _content.ContactId, 3, odd);

        var token = _signer.Verify(_signer.Sign(content), _now).Token!;

        Assert.That(token.ExpiresAt.UtcTicks, Is.EqualTo(odd.UtcTicks));
        Assert.That(token.ExpiresAt.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(0)]
    [TestCase(10)]
    public void Verify_CarriesTheScore_AtBothEndsOfTheScale(int score)
    {
        var content = new RatingToken(_content.TenantId, _content.AskId, _content.ContactId, score, _expiry);

        Assert.That(_signer.Verify(_signer.Sign(content), _now).Token!.Score, Is.EqualTo(score));
    }

    [Test]
    public void Sign_MakesACompactUrlSafeToken_WithTwoParts()
    {
        var token = _signer.Sign(_content);

        Assert.That(token, Does.Match("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"));
        Assert.That(token, Has.Length.EqualTo(122));
        Assert.That(Uri.EscapeDataString(token), Is.EqualTo(token));
    }

    [Test]
    public void Sign_GivesDifferentTokens_ForDifferentScoresOfOneAsk()
    {
        var seven = new RatingToken(_content.TenantId, _content.AskId, _content.ContactId, 7, _expiry);

        Assert.That(_signer.Sign(seven), Is.Not.EqualTo(_signer.Sign(_content)));
    }

    // Offsets of each field in the documented 58-byte payload.
    [TestCase(0, TestName = "Verify_ReportsTampered_WhenTheVersionByteIsFlipped")]
    [TestCase(1, TestName = "Verify_ReportsTampered_WhenATenantIdByteIsFlipped")]
    [TestCase(16, TestName = "Verify_ReportsTampered_WhenTheLastTenantIdByteIsFlipped")]
    [TestCase(17, TestName = "Verify_ReportsTampered_WhenAnAskIdByteIsFlipped")]
    [TestCase(33, TestName = "Verify_ReportsTampered_WhenAContactIdByteIsFlipped")]
    [TestCase(49, TestName = "Verify_ReportsTampered_WhenTheScoreByteIsFlipped")]
    [TestCase(50, TestName = "Verify_ReportsTampered_WhenAnExpiryByteIsFlipped")]
    [TestCase(57, TestName = "Verify_ReportsTampered_WhenTheLastExpiryByteIsFlipped")]
    public void Verify_ReportsTampered_WhenAPayloadByteIsFlipped(int offset)
    {
        var (payload, signature) = Split(_signer.Sign(_content));
        payload[offset] ^= 0x01;

        Assert.That(_signer.Verify(Join(payload, signature), _now).Status, Is.EqualTo(RatingTokenStatus.Tampered));
    }

    [TestCase(0)]
    [TestCase(15)]
    [TestCase(31)]
    public void Verify_ReportsTampered_WhenASignatureByteIsFlipped(int offset)
    {
        var (payload, signature) = Split(_signer.Sign(_content));
        signature[offset] ^= 0x80;

        Assert.That(_signer.Verify(Join(payload, signature), _now).Status, Is.EqualTo(RatingTokenStatus.Tampered));
    }

    [Test]
    public void Verify_ReportsTampered_WhenTheScoreIsRaisedAndTheSignatureKept()
    {
        var low = new RatingToken(_content.TenantId, _content.AskId, _content.ContactId, 2, _expiry);
        var (payload, signature) = Split(_signer.Sign(low));
        payload[49] = 10;

        Assert.That(_signer.Verify(Join(payload, signature), _now).Status, Is.EqualTo(RatingTokenStatus.Tampered));
    }

    [Test]
    public void Verify_ReportsTampered_WhenTheSignatureOfAnotherTokenIsAttached()
    {
        var other = new RatingToken(_content.TenantId, _content.AskId, _content.ContactId, 10, _expiry);
        var (payload, _) = Split(_signer.Sign(_content));
        var (_, otherSignature) = Split(_signer.Sign(other));

        Assert.That(_signer.Verify(Join(payload, otherSignature), _now).Status, Is.EqualTo(RatingTokenStatus.Tampered));
    }

    [Test]
    public void Verify_ReportsExpired_AtExactlyTheExpiry() =>
        Assert.That(_signer.Verify(_signer.Sign(_content), _expiry).Status, Is.EqualTo(RatingTokenStatus.Expired));

    [Test]
    public void Verify_ReportsValid_OneTickBeforeTheExpiry() =>
        Assert.That(_signer.Verify(_signer.Sign(_content), _expiry.AddTicks(-1)).Status, Is.EqualTo(RatingTokenStatus.Valid));

    [Test]
    public void Verify_ReportsExpired_AfterTheExpiry_EvenWhenNowHasAnotherOffset()
    {
        var result = _signer.Verify(_signer.Sign(_content), _expiry.AddSeconds(1).ToOffset(TimeSpan.FromHours(-5)));

        Assert.That(result.Status, Is.EqualTo(RatingTokenStatus.Expired));
        Assert.That(result.Token, Is.Null);
    }

    [TestCase(null, TestName = "Verify_ReportsMalformed_WhenTokenIsNull")]
    [TestCase("", TestName = "Verify_ReportsMalformed_WhenTokenIsEmpty")]
    [TestCase("   ", TestName = "Verify_ReportsMalformed_WhenTokenIsWhiteSpace")]
    [TestCase("abc", TestName = "Verify_ReportsMalformed_WhenThereIsOnePart")]
    [TestCase(".", TestName = "Verify_ReportsMalformed_WhenBothPartsAreEmpty")]
    [TestCase("a.b.c", TestName = "Verify_ReportsMalformed_WhenThereAreThreeParts")]
    public void Verify_ReportsMalformed_ForInputThatIsNotAToken(string? token) =>
        Assert.That(_signer.Verify(token, _now).Status, Is.EqualTo(RatingTokenStatus.Malformed));

    [Test]
    public void Verify_ReportsMalformed_WhenAThirdPartIsAppended() =>
        Assert.That(_signer.Verify(_signer.Sign(_content) + ".x", _now).Status, Is.EqualTo(RatingTokenStatus.Malformed));

    [TestCase('!')]
    [TestCase('+')]
    [TestCase('/')]
    [TestCase('=')]
    [TestCase(' ')]
    [TestCase('é')]
    public void Verify_ReportsMalformed_WhenACharacterIsNotBase64Url(char bad)
    {
        var token = _signer.Sign(_content).ToCharArray();
        token[5] = bad;

        Assert.That(_signer.Verify(new string(token), _now).Status, Is.EqualTo(RatingTokenStatus.Malformed));
    }

    [Test]
    public void Verify_ReportsMalformed_WhenBase64PaddingIsAdded() =>
        Assert.That(_signer.Verify(_signer.Sign(_content) + "=", _now).Status, Is.EqualTo(RatingTokenStatus.Malformed));

    [Test]
    public void Verify_ReportsMalformed_WhenAPartHasTheWrongLength()
    {
        var token = _signer.Sign(_content);
        var dot = token.IndexOf('.', StringComparison.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_signer.Verify(token[..(dot - 4)] + token[dot..], _now).Status, Is.EqualTo(RatingTokenStatus.Malformed));
            Assert.That(_signer.Verify(token[..^4], _now).Status, Is.EqualTo(RatingTokenStatus.Malformed));
        }
    }

    [Test]
    public void Verify_ReportsMalformed_WhenTheLastCharacterIsANonCanonicalSpellingOfTheSameBytes()
    {
        // 32 signature bytes use 43 characters with 2 spare bits; setting a spare bit decodes to the same bytes.
        var token = _signer.Sign(_content);
        var last = token[^1];
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var sibling = alphabet[alphabet.IndexOf(last, StringComparison.Ordinal) ^ 0x01];

        Assert.That(_signer.Verify(token[..^1] + sibling, _now).Status, Is.EqualTo(RatingTokenStatus.Malformed));
    }

    [TestCase(257)]
    [TestCase(10_000_000)]
    public void Verify_ReportsMalformed_WhenTheTokenIsHuge(int length) =>
        Assert.That(_signer.Verify(new string('A', length), _now).Status, Is.EqualTo(RatingTokenStatus.Malformed));

    [Test]
    public void Verify_ReportsMalformed_WhenAPayloadSignedWithTheKeyHasAnUnknownVersion()
    {
        // Forged with the real key by the documented format: only the version differs, so the signature is right.
        var (payload, _) = Split(_signer.Sign(_content));
        payload[0] = 2;
        var purpose = Encoding.ASCII.GetBytes("referrals/rating-link/v1\0");
        var signature = HMACSHA256.HashData(_key, purpose.Concat(payload).ToArray());

        Assert.That(_signer.Verify(Join(payload, signature), _now).Status, Is.EqualTo(RatingTokenStatus.Malformed));
    }

    [Test]
    public void Verify_AcceptsATokenSignedWithAPreviousKey_WhenThatKeyIsStillListed()
    {
        var before = new RatingLinkSigner(_oldKey);
        var after = new RatingLinkSigner(_key, _oldKey);

        var result = after.Verify(before.Sign(_content), _now);

        Assert.That(result.Status, Is.EqualTo(RatingTokenStatus.Valid));
        Assert.That(result.Token, Is.EqualTo(_content));
    }

    [Test]
    public void Sign_UsesTheCurrentKey_NotAPreviousOne()
    {
        var rotated = new RatingLinkSigner(_key, _oldKey);

        Assert.That(new RatingLinkSigner(_key).Verify(rotated.Sign(_content), _now).IsValid, Is.True);
        Assert.That(new RatingLinkSigner(_oldKey).Verify(rotated.Sign(_content), _now).Status, Is.EqualTo(RatingTokenStatus.Tampered));
    }

    [Test]
    public void Verify_ReportsTampered_WhenSignedWithAnotherKey()
    {
        var stranger = new RatingLinkSigner(Enumerable.Repeat((byte)7, 32).ToArray());

        Assert.That(_signer.Verify(stranger.Sign(_content), _now).Status, Is.EqualTo(RatingTokenStatus.Tampered));
    }

    [Test]
    public void Verify_ReportsTampered_AfterThePreviousKeyIsDropped()
    {
        var token = new RatingLinkSigner(_oldKey).Sign(_content);

        Assert.That(new RatingLinkSigner(_key).Verify(token, _now).Status, Is.EqualTo(RatingTokenStatus.Tampered));
    }

    [Test]
    public void Signer_KeepsItsOwnCopyOfTheKey_WhenTheCallersArrayChangesLater()
    {
        var key = (byte[])_key.Clone();
        var signer = new RatingLinkSigner(key);
        var token = signer.Sign(_content);
        Array.Clear(key);

        Assert.That(signer.Verify(token, _now).IsValid, Is.True);
    }

    [TestCase(0)]
    [TestCase(16)]
    [TestCase(31)]
    public void Constructor_Throws_WhenTheCurrentKeyIsShorterThan32Bytes(int length) =>
        Assert.That(
            () => new RatingLinkSigner(new byte[length]),
            Throws.ArgumentException.With.Message.Contains("at least 32").And.Property("ParamName").EqualTo("currentKey"));

    [Test]
    public void Constructor_Throws_WhenAPreviousKeyIsShorterThan32Bytes() =>
        Assert.That(
            () => new RatingLinkSigner(_key, new byte[31]),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("previousKeys"));

    [Test]
    public void Constructor_Throws_WhenAKeyIsNull()
    {
        Assert.That(() => new RatingLinkSigner(null!), Throws.ArgumentNullException);
        Assert.That(() => new RatingLinkSigner(_key, [null!]), Throws.ArgumentNullException);
    }

    [Test]
    public void Sign_Throws_WhenContentIsNull() =>
        Assert.That(() => _signer.Sign(null!), Throws.ArgumentNullException);

    private static (byte[] Payload, byte[] Signature) Split(string token)
    {
        var parts = token.Split('.');
        return (Base64Url.DecodeFromChars(parts[0]), Base64Url.DecodeFromChars(parts[1]));
    }

    private static string Join(byte[] payload, byte[] signature) =>
        Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(signature);
}
