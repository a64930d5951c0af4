using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Referrals.Core.Satisfaction;

/// <summary>
/// Signs and verifies the tokens in one-click rating links. A token is tamper-proof (HMAC-SHA256 over its whole
/// content, compared in constant time) and expiring; it is <b>not</b> single-use by itself — see <see cref="RatingToken"/>.
/// </summary>
/// <remarks>
/// <para>
/// Format: <c>{payload}.{signature}</c>, both unpadded base64url (RFC 4648 §5), 122 characters in all and safe in a
/// URL path segment. The 58-byte payload is a version byte (1), the tenant, ask and contact ids (16 bytes each,
/// big-endian), the score (1 byte) and the expiry in UTC ticks (8 bytes, big-endian). The signature is the full
/// 32-byte HMAC-SHA256, keyed with the secret, over a fixed purpose label followed by the payload, so a key that is
/// (wrongly) shared with another HMAC use cannot be made to sign rating tokens.
/// </para>
/// <para>
/// Key rotation: new tokens are signed with the current key; verification accepts the current key and any previous
/// keys given, so links already sent keep working until they expire. Drop a previous key once the longest link
/// lifetime has passed. Thread-safe; the instance holds copies of the keys.
/// </para>
/// </remarks>
public sealed class RatingLinkSigner
{
    /// <summary>The shortest secret key accepted, in bytes (the HMAC-SHA256 output size).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The longest string <see cref="Verify"/> looks at; anything longer is malformed without being decoded.</summary>
    public const int MaximumTokenLength = 256;

    private const byte Version = 1;
    private const int IdBytes = 16;
    private const int PayloadBytes = 1 + (3 * IdBytes) + 1 + sizeof(long);
    private const int SignatureBytes = HMACSHA256.HashSizeInBytes;
    private const char Separator = '.';

    private static readonly byte[] _purpose = Encoding.ASCII.GetBytes("referrals/rating-link/v1\0");
    private static readonly int _payloadChars = Base64Url.GetEncodedLength(PayloadBytes);
    private static readonly int _signatureChars = Base64Url.GetEncodedLength(SignatureBytes);

    private readonly byte[] _currentKey;
    private readonly byte[][] _verificationKeys;

    /// <summary>Creates a signer.</summary>
    /// <param name="currentKey">The secret that signs new tokens; at least <see cref="MinimumKeyBytes"/> random bytes.</param>
    /// <param name="previousKeys">Retired secrets still accepted when verifying; each at least <see cref="MinimumKeyBytes"/> bytes.</param>
    /// <exception cref="ArgumentNullException">A key is null.</exception>
    /// <exception cref="ArgumentException">A key is shorter than <see cref="MinimumKeyBytes"/> bytes.</exception>
    public RatingLinkSigner(byte[] currentKey, params byte[][] previousKeys)
    {
        ArgumentNullException.ThrowIfNull(currentKey);
        ArgumentNullException.ThrowIfNull(previousKeys);
        ThrowIfTooShort(currentKey, nameof(currentKey));
        foreach (var key in previousKeys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(previousKeys));
            ThrowIfTooShort(key, nameof(previousKeys));
        }

        _currentKey = (byte[])currentKey.Clone();
        _verificationKeys = [_currentKey, .. previousKeys.Select(k => (byte[])k.Clone())];
    }

    /// <summary>Creates the token for <paramref name="token"/>, signed with the current key.</summary>
    /// <returns>A 122-character URL-safe string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    public string Sign(RatingToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<byte> payload = stackalloc byte[PayloadBytes];
        Write(token, payload);
        Span<byte> signature = stackalloc byte[SignatureBytes];
        ComputeSignature(_currentKey, payload, signature);
        return string.Concat(Base64Url.EncodeToString(payload), Separator.ToString(), Base64Url.EncodeToString(signature));
    }

    /// <summary>Checks <paramref name="token"/> at <paramref name="now"/>.</summary>
    /// <param name="token">The token from the link's path; null or empty is malformed.</param>
    /// <param name="now">The current time; a token is valid while <c>now &lt; ExpiresAt</c> (expired at exactly its expiry).</param>
    /// <returns>
    /// <see cref="RatingTokenStatus.Malformed"/> for anything that is not shaped like a token (checked first, without
    /// touching the keys); <see cref="RatingTokenStatus.Tampered"/> when no key's signature matches;
    /// <see cref="RatingTokenStatus.Expired"/> for a genuine but expired token; otherwise
    /// <see cref="RatingTokenStatus.Valid"/> with the content. Never throws for bad input.
    /// </returns>
    public RatingTokenVerification Verify(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaximumTokenLength)
        {
            return RatingTokenVerification.Failed(RatingTokenStatus.Malformed);
        }

        var text = token.AsSpan();
        var separator = text.IndexOf(Separator);
        if (separator < 0 || text[(separator + 1)..].Contains(Separator))
        {
            return RatingTokenVerification.Failed(RatingTokenStatus.Malformed);
        }

        Span<byte> payload = stackalloc byte[PayloadBytes];
        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (!TryDecodeCanonical(text[..separator], payload) || !TryDecodeCanonical(text[(separator + 1)..], signature))
        {
            return RatingTokenVerification.Failed(RatingTokenStatus.Malformed);
        }

        if (!SignedByAnyKey(payload, signature))
        {
            return RatingTokenVerification.Failed(RatingTokenStatus.Tampered);
        }

        if (!TryRead(payload, out var content))
        {
            return RatingTokenVerification.Failed(RatingTokenStatus.Malformed);
        }

        return now >= content.ExpiresAt
            ? RatingTokenVerification.Failed(RatingTokenStatus.Expired)
            : RatingTokenVerification.Valid(content);
    }

    private static void ThrowIfTooShort(byte[] key, string parameterName)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException(
                $"A rating link key must be at least {MinimumKeyBytes} random bytes; this one has {key.Length}. Generate one with RandomNumberGenerator.GetBytes({MinimumKeyBytes}).",
                parameterName);
        }
    }

    private static void Write(RatingToken token, Span<byte> payload)
    {
        payload[0] = Version;
        token.TenantId.TryWriteBytes(payload.Slice(1, IdBytes), bigEndian: true, out _);
        token.AskId.TryWriteBytes(payload.Slice(1 + IdBytes, IdBytes), bigEndian: true, out _);
        token.ContactId.TryWriteBytes(payload.Slice(1 + (2 * IdBytes), IdBytes), bigEndian: true, out _);
        payload[1 + (3 * IdBytes)] = (byte)token.Score;
        BinaryPrimitives.WriteInt64BigEndian(payload[(2 + (3 * IdBytes))..], token.ExpiresAt.UtcTicks);
    }

    private static bool TryRead(ReadOnlySpan<byte> payload, out RatingToken token)
    {
        token = null!;
        var score = payload[1 + (3 * IdBytes)];
        var ticks = BinaryPrimitives.ReadInt64BigEndian(payload[(2 + (3 * IdBytes))..]);
        var tenant = new Guid(payload.Slice(1, IdBytes), bigEndian: true);
        var ask = new Guid(payload.Slice(1 + IdBytes, IdBytes), bigEndian: true);
        var contact = new Guid(payload.Slice(1 + (2 * IdBytes), IdBytes), bigEndian: true);
        if (payload[0] != Version
            || score > SatisfactionGate.MaximumScore
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || tenant == Guid.Empty || ask == Guid.Empty || contact == Guid.Empty)
        {
            return false;
        }

        token = new RatingToken(tenant, ask, contact, score, new DateTimeOffset(ticks, TimeSpan.Zero));
        return true;
    }

    private bool SignedByAnyKey(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        Span<byte> expected = stackalloc byte[SignatureBytes];
        var matched = false;
        foreach (var key in _verificationKeys)
        {
            ComputeSignature(key, payload, expected);
            matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }

        return matched;
    }

    private static void ComputeSignature(byte[] key, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> message = stackalloc byte[_purpose.Length + PayloadBytes];
        _purpose.CopyTo(message);
        payload.CopyTo(message[_purpose.Length..]);
        HMACSHA256.HashData(key, message, destination);
    }

    // Exactly the expected length and only base64url characters. The decoder also refuses a last character whose unused
    // low bits are set, so every token has one spelling and a changed character always changes the decoded bytes.
    private static bool TryDecodeCanonical(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var expectedChars = destination.Length == PayloadBytes ? _payloadChars : _signatureChars;
        if (text.Length != expectedChars)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return Base64Url.DecodeFromChars(text, destination, out _, out var written) == OperationStatus.Done
            && written == destination.Length;
    }
}
