using Referrals.Core.Contacts;

namespace Referrals.Core.Engine;

/// <summary>The buyer as the host knows them. Raw values: the engine normalizes them.</summary>
public sealed record CustomerInfo
{
    /// <summary>The host's customer id (a Shopify customer GID, an Umbraco member key).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Which system <see cref="ExternalId"/> belongs to (see <see cref="ContactExternalId"/>).</summary>
    public string ExternalSystem { get; init; } = ContactExternalId.Shopify;

    /// <summary>E-mail as given.</summary>
    public string? Email { get; init; }

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Phone as given.</summary>
    public string? Phone { get; init; }

    /// <summary>Postal address (shipping or billing).</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Whether the customer accepts marketing e-mail; null when the host does not say (the known consent stays).</summary>
    public bool? AcceptsMarketing { get; init; }
}
