namespace Referrals.Core.Configuration;

/// <summary>
/// The links the engine puts into e-mails (<c>Referrals:Links</c>): where they point and the secret that signs them.
/// Validated at start-up by <see cref="ReferralsOptionsValidator"/>.
/// </summary>
public sealed class LinkOptions
{
    /// <summary>The default public address: the embedded host on this machine. Set the real address before sending e-mail.</summary>
    public const string DefaultPublicBaseUrl = "http://localhost:5000";

    /// <summary>The default file that keeps a generated signing key, relative to the working directory.</summary>
    public const string DefaultKeyFile = "data/link-signing.key";

    /// <summary>The shortest signing key accepted, in bytes.</summary>
    public const int MinimumKeyBytes = Satisfaction.RatingLinkSigner.MinimumKeyBytes;

    /// <summary>
    /// The address rating, unsubscribe and referral links start with: absolute http or https, without query or fragment;
    /// a base path is kept. Default <see cref="DefaultPublicBaseUrl"/>.
    /// </summary>
    public string PublicBaseUrl { get; set; } = DefaultPublicBaseUrl;

    /// <summary>
    /// The secret that signs rating links, base64 of at least <see cref="MinimumKeyBytes"/> random bytes. Leave empty to
    /// have one generated on first use and kept in <see cref="KeyFile"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Where a generated signing key is kept when <see cref="SigningKey"/> is empty (created with owner-only permissions
    /// where the OS supports it), so links keep working across restarts. Default <see cref="DefaultKeyFile"/>.
    /// </summary>
    public string KeyFile { get; set; } = DefaultKeyFile;
}
