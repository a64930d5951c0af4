using System.Security.Cryptography;
using Referrals.Core.Configuration;
using Referrals.Core.Email;
using Referrals.Core.Satisfaction;

namespace Referrals.Core.Engine;

/// <summary>
/// The secret that signs the links in e-mails (<c>Referrals:Links:SigningKey</c>). When none is configured, a random
/// key is generated on first use and kept in <see cref="LinkOptions.KeyFile"/> (owner-only where the OS supports it),
/// so links already sent keep working after a restart; later uses, and other instances over the same file, read it.
/// </summary>
/// <remarks>Thread-safe; the key is loaded once per instance.</remarks>
public sealed class LinkSigningKey
{
    private const string Section = $"{ReferralsOptions.SectionName}:Links";

    private readonly LinkOptions _options;
    private readonly EmailOptions _email;
    private readonly Lazy<byte[]> _key;

    /// <summary>Creates the key source.</summary>
    /// <param name="options">The link options.</param>
    /// <param name="email">The e-mail options; their <see cref="EmailOptions.UnsubscribeKey"/> signs unsubscribe links when set.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public LinkSigningKey(LinkOptions options, EmailOptions email)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(email);
        _options = options;
        _email = email;
        _key = new Lazy<byte[]>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The absolute path of the key file, used only when <see cref="LinkOptions.SigningKey"/> is empty.</summary>
    public string KeyFilePath => Path.GetFullPath(_options.KeyFile);

    /// <summary>A copy of the signing key.</summary>
    /// <exception cref="InvalidOperationException">The configured key or the key file holds no usable key, or the file cannot be written.</exception>
    public byte[] GetKey() => (byte[])_key.Value.Clone();

    /// <summary>A signer for rating links with the signing key.</summary>
    /// <exception cref="InvalidOperationException">See <see cref="GetKey"/>.</exception>
    public RatingLinkSigner CreateRatingSigner() => new(_key.Value);

    /// <summary>The unsubscribe link signer: <see cref="EmailOptions.UnsubscribeKey"/> when set, else the signing key.</summary>
    /// <exception cref="InvalidOperationException">See <see cref="GetKey"/>, or the unsubscribe key is not usable.</exception>
    public UnsubscribeLinks CreateUnsubscribeLinks() =>
        string.IsNullOrEmpty(_email.UnsubscribeKey) ? new UnsubscribeLinks(_key.Value) : UnsubscribeLinks.FromOptions(_email);

    private byte[] Load()
    {
        if (!string.IsNullOrEmpty(_options.SigningKey))
        {
            return LinkOptionsValidator.TryDecodeKey(_options.SigningKey, out var configured)
                ? configured
                : throw new InvalidOperationException(
                    $"{Section}:SigningKey must be base64 of at least {LinkOptions.MinimumKeyBytes} random bytes. Generate one with `openssl rand -base64 {LinkOptions.MinimumKeyBytes}`.");
        }

        if (string.IsNullOrWhiteSpace(_options.KeyFile))
        {
            throw new InvalidOperationException($"{Section}:KeyFile is empty, and {Section}:SigningKey is empty too. Set one of them.");
        }

        var path = KeyFilePath;
        return File.Exists(path) ? Read(path) : Create(path);
    }

    private static byte[] Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The link signing key file '{path}' ({Section}:KeyFile) cannot be read: {ex.Message}", ex);
        }

        return LinkOptionsValidator.TryDecodeKey(text, out var key)
            ? key
            : throw new InvalidOperationException(
                $"The link signing key file '{path}' ({Section}:KeyFile) does not hold base64 of at least {LinkOptions.MinimumKeyBytes} bytes. Restore it from a backup, or set {Section}:SigningKey (links already sent stop working with a new key).");
    }

    // Written to a private temporary file, then moved into place without overwriting: a reader never sees half a key,
    // and when two instances race, both end up with the one file that won.
    private static byte[] Create(string path)
    {
        var key = RandomNumberGenerator.GetBytes(LinkOptions.MinimumKeyBytes);
        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, streamOptions))
            {
                writer.Write(Convert.ToBase64String(key));
            }

            try
            {
                File.Move(temp, path, overwrite: false);
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
                return Read(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new InvalidOperationException(
                $"Could not create the link signing key file '{path}' ({Section}:KeyFile): {ex.Message}. Make its directory writable, or set {Section}:SigningKey.", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temporary file holds an unused key and does no harm.
        }
    }
}
