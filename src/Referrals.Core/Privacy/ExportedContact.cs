using Referrals.Core.Contacts;

namespace Referrals.Core.Privacy;

/// <summary>The contact row in an export, every stored field.</summary>
public sealed record ExportedContact
{
    /// <summary>The contact's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Client, partner or sphere of influence.</summary>
    public required ContactKind Kind { get; init; }

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>E-mail as given.</summary>
    public string? Email { get; init; }

    /// <summary>E-mail normalized for matching.</summary>
    public string? NormalizedEmail { get; init; }

    /// <summary>Phone as given.</summary>
    public string? Phone { get; init; }

    /// <summary>Phone normalized.</summary>
    public string? NormalizedPhone { get; init; }

    /// <summary>Postal address.</summary>
    public string? PostalAddress { get; init; }

    /// <summary>Fingerprint of the address.</summary>
    public string? AddressFingerprint { get; init; }

    /// <summary>IP address of the last order.</summary>
    public string? LastIpAddress { get; init; }

    /// <summary>User agent of the last order.</summary>
    public string? LastUserAgent { get; init; }

    /// <summary>The chosen cause.</summary>
    public string? CauseId { get; init; }

    /// <summary>Consent to program e-mails.</summary>
    public required bool MarketingConsent { get; init; }

    /// <summary>Paid orders.</summary>
    public required int OrdersCount { get; init; }

    /// <summary>Total spent, net of refunds.</summary>
    public required decimal TotalSpent { get; init; }

    /// <summary>First paid order.</summary>
    public DateTimeOffset? FirstOrderAt { get; init; }

    /// <summary>Last paid order.</summary>
    public DateTimeOffset? LastOrderAt { get; init; }

    /// <summary>Last 0-10 satisfaction score.</summary>
    public int? LastSatisfactionScore { get; init; }

    /// <summary>Best-customer score 0-100.</summary>
    public required int BestCustomerScore { get; init; }

    /// <summary>When the contact was erased, if it was.</summary>
    public DateTimeOffset? RedactedAt { get; init; }

    /// <summary>Created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
