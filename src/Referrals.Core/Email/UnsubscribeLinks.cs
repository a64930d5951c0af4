using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Referrals.Core.Email;

/// <summary>
/// Signs and verifies per-contact unsubscribe links: <c>{base}/unsubscribe/{token}</c>. Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The token is <c>{payload}.{signature}</c>, both unpadded base64url (88 characters, safe in a path segment): a
/// version byte and the tenant and contact ids (16 bytes each, big-endian), signed with HMAC-SHA256 over a purpose
/// label and the payload, compared in constant time. A changed character makes it invalid.
/// </para>
/// <para>
/// Tokens do not expire — an unsubscribe link must keep working — and using one twice is harmless (unsubscribing is
/// idempotent). The endpoint that accepts the link (GET shows a confirmation, POST with
/// <c>List-Unsubscribe=One-Click</c> unsubscribes at once) and the consent update belong to the hosts.
/// </para>
/// </remarks>
public sealed class UnsubscribeLinks
{
    /// <summary>The shortest secret key accepted, in bytes.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The path segment that marks an unsubscribe link.</summary>
    public const string PathSegment = "unsubscribe";

    private const byte Version = 1;
    private const int IdBytes = 16;
    private const int PayloadBytes = 1 + (2 * IdBytes);
    private const int SignatureBytes = HMACSHA256.HashSizeInBytes;
    private const char Separator = '.';

    private static readonly byte[] _purpose = Encoding.ASCII.GetBytes("referrals/unsubscribe-link/v1\0");
    private static readonly int _tokenLength = Base64Url.GetEncodedLength(PayloadBytes) + 1 + Base64Url.GetEncodedLength(SignatureBytes);

    private readonly byte[] _key;

    /// <summary>Creates the signer.</summary>
    /// <param name="key">The secret: at least <see cref="MinimumKeyBytes"/> random bytes. A copy is kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is too short.</exception>
    public UnsubscribeLinks(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException(
                $"An unsubscribe link key must be at least {MinimumKeyBytes} random bytes; this one has {key.Length}. Generate one with RandomNumberGenerator.GetBytes({MinimumKeyBytes}).",
                nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>Creates the signer from <see cref="EmailOptions.UnsubscribeKey"/>.</summary>
    /// <param name="options">The e-mail options.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The key is missing, not base64 or too short.</exception>
    public static UnsubscribeLinks FromOptions(EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!TryDecodeKey(options.UnsubscribeKey, out var key))
        {
            throw new InvalidOperationException(
                $"Referrals:Email:UnsubscribeKey must be base64 of at least {MinimumKeyBytes} random bytes. Generate one with `openssl rand -base64 {MinimumKeyBytes}`.");
        }

        return new UnsubscribeLinks(key);
    }

    /// <summary>Signs the token for one contact.</summary>
    /// <param name="tenantId">The tenant; not empty.</param>
    /// <param name="contactId">The contact; not empty.</param>
    /// <returns>An 88-character URL-safe token.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public string CreateToken(Guid tenantId, Guid contactId)
    {
        if (tenantId == Guid.Empty || contactId == Guid.Empty)
        {
            throw new ArgumentException("An unsubscribe link needs a tenant id and a contact id; one of them is empty.", nameof(tenantId));
        }

        Span<byte> payload = stackalloc byte[PayloadBytes];
        payload[0] = Version;
        tenantId.TryWriteBytes(payload.Slice(1, IdBytes), bigEndian: true, out _);
        contactId.TryWriteBytes(payload.Slice(1 + IdBytes, IdBytes), bigEndian: true, out _);
        Span<byte> signature = stackalloc byte[SignatureBytes];
        Sign(payload, signature);
        return string.Concat(Base64Url.EncodeToString(payload), Separator.ToString(), Base64Url.EncodeToString(signature));
    }

    /// <summary>Builds <c>{baseUrl}/unsubscribe/{token}</c>.</summary>
    /// <param name="baseUrl">The site or storefront: absolute http(s), without query or fragment; a base path is kept.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="contactId">The contact.</param>
    /// <returns>The absolute link, for the e-mail body and <see cref="OutgoingEmail.ListUnsubscribe"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="baseUrl"/> is null.</exception>
    /// <exception cref="ArgumentException">The base URL is not usable, or an id is empty.</exception>
    public Uri CreateLink(Uri baseUrl, Guid tenantId, Guid contactId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)
            || baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
        {
            throw new ArgumentException(
                $"The unsubscribe base URL '{baseUrl.OriginalString}' must be an absolute https:// address without query or fragment, for example https://shop.example.",
                nameof(baseUrl));
        }

        var basePath = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{basePath}/{PathSegment}/{CreateToken(tenantId, contactId)}", UriKind.Absolute);
    }

    /// <summary>Checks a token from a link's path.</summary>
    /// <param name="token">The token; null, malformed or tampered tokens are invalid.</param>
    /// <param name="result">The tenant and contact when valid.</param>
    /// <returns>True when this key signed the token. Never throws for bad input.</returns>
    public bool TryVerify(string? token, out UnsubscribeToken? result)
    {
        result = null;
        if (token is null || token.Length != _tokenLength)
        {
            return false;
        }

        var text = token.AsSpan();
        var separator = text.IndexOf(Separator);
        Span<byte> payload = stackalloc byte[PayloadBytes];
        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (separator < 0
            || !TryDecode(text[..separator], payload)
            || !TryDecode(text[(separator + 1)..], signature))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SignatureBytes];
        Sign(payload, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature) || payload[0] != Version)
        {
            return false;
        }

        var tenant = new Guid(payload.Slice(1, IdBytes), bigEndian: true);
        var contact = new Guid(payload.Slice(1 + IdBytes, IdBytes), bigEndian: true);
        if (tenant == Guid.Empty || contact == Guid.Empty)
        {
            return false;
        }

        result = new UnsubscribeToken(tenant, contact);
        return true;
    }

    internal static bool TryDecodeKey(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return key.Length >= MinimumKeyBytes;
    }

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> message = stackalloc byte[_purpose.Length + PayloadBytes];
        _purpose.CopyTo(message);
        payload.CopyTo(message[_purpose.Length..]);
        HMACSHA256.HashData(_key, message, destination);
    }

    // Exactly the expected length, only base64url characters, and canonical (no stray low bits), so each token has one spelling.
    private static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length != Base64Url.GetEncodedLength(destination.Length))
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
