namespace Referrals.Core.Fraud;

/// <summary>
/// What the fraud checks know about one side of a referral (the advocate or the friend). Every value is
/// optional and already normalized by the caller, so equal strings mean the same thing: the e-mail with the
/// contact store's rules (<c>Referrals.Core.Contacts.EmailNormalizer</c>), the phone in one format such as
/// E.164, the address as the contact's address hash. Null, empty and white-space values mean "unknown" and
/// never match anything.
/// </summary>
public sealed record ReferralParty
{
    /// <summary>The normalized e-mail, or null.</summary>
    public string? NormalizedEmail { get; init; }

    /// <summary>The customer id in the shop (for example a Shopify customer GID), or null.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The fingerprint (hash) of the normalized postal address, or null.</summary>
    public string? AddressFingerprint { get; init; }

    /// <summary>The normalized phone number, or null.</summary>
    public string? NormalizedPhone { get; init; }

    /// <summary>The IP address the party acted from (the click, sign-up or checkout), in canonical text form, or null.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The browser's user-agent string, or null.</summary>
    public string? UserAgent { get; init; }
}
