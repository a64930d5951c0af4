namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// Limits of the storefront pages served through the app proxy, bound from <c>Referrals:Shopify:AppProxy</c> and
/// validated at start-up. All optional.
/// </summary>
public sealed class AppProxyOptions
{
    /// <summary>The configuration path of this section, for messages.</summary>
    public const string Path = "Referrals:Shopify:AppProxy";

    /// <summary>Default <see cref="TimestampToleranceSeconds"/>: 90, as Shopify's own libraries use.</summary>
    public const int DefaultTimestampToleranceSeconds = 90;

    /// <summary>Default <see cref="InvitePermitLimit"/>: 5 invitations per window per shop and visitor address.</summary>
    public const int DefaultInvitePermitLimit = 5;

    /// <summary>Default <see cref="InviteWindowSeconds"/>: 10 minutes.</summary>
    public const int DefaultInviteWindowSeconds = 600;

    /// <summary>Default <see cref="MaxFormBytes"/>: 4 KiB, plenty for a name, an address and a token.</summary>
    public const int DefaultMaxFormBytes = 4096;

    /// <summary>Default <see cref="FormTokenLifetimeMinutes"/>: 60.</summary>
    public const int DefaultFormTokenLifetimeMinutes = 60;

    /// <summary>How far a proxied request's signed timestamp may be from now, in seconds (1 to 600).</summary>
    public int TimestampToleranceSeconds { get; set; } = DefaultTimestampToleranceSeconds;

    /// <summary>How many "Who do you know" posts one shop and visitor address may make per window (1 to 1000).</summary>
    public int InvitePermitLimit { get; set; } = DefaultInvitePermitLimit;

    /// <summary>The rate-limit window, in seconds (1 to 86400).</summary>
    public int InviteWindowSeconds { get; set; } = DefaultInviteWindowSeconds;

    /// <summary>The largest form body accepted, in bytes (256 to 65536); larger ones get 413.</summary>
    public int MaxFormBytes { get; set; } = DefaultMaxFormBytes;

    /// <summary>How long a rendered form can be sent back, in minutes (1 to 1440).</summary>
    public int FormTokenLifetimeMinutes { get; set; } = DefaultFormTokenLifetimeMinutes;
}
