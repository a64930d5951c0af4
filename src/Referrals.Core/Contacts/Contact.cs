namespace Referrals.Core.Contacts;

/// <summary>
/// A person the business knows: a client, a referral partner or someone in its sphere of influence. Advocates and
/// referred friends are both contacts. E-mail is kept as given and normalized (for matching and self-referral checks).
/// </summary>
public sealed class Contact
{
    private Contact()
    {
    }

    /// <summary>Creates a contact.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="kind">Client, partner or sphere of influence.</param>
    /// <param name="email">The e-mail as given, or null.</param>
    /// <param name="normalizedEmail">The e-mail normalized by <c>EmailNormalizer</c>, or null.</param>
    /// <param name="now">When it was created.</param>
    public Contact(Guid tenantId, ContactKind kind, string? email, string? normalizedEmail, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Kind = kind;
        Email = email;
        NormalizedEmail = normalizedEmail;
        CreatedAt = UpdatedAt = now;
    }

    /// <summary>The contact's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>How the business knows them.</summary>
    public ContactKind Kind { get; set; }

    /// <summary>First name, used in greetings and code prefixes.</summary>
    public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    public string? LastName { get; set; }

    /// <summary>The e-mail as given.</summary>
    public string? Email { get; set; }

    /// <summary>The normalized e-mail (lower-case, no +tag, no Gmail dots). Unique per tenant when present.</summary>
    public string? NormalizedEmail { get; set; }

    /// <summary>The phone as given.</summary>
    public string? Phone { get; set; }

    /// <summary>The phone in E.164-like form.</summary>
    public string? NormalizedPhone { get; set; }

    /// <summary>A fingerprint of the normalized postal address, for self-referral checks without keeping two copies.</summary>
    public string? AddressFingerprint { get; set; }

    /// <summary>The postal address for thank-you cards, one line per row.</summary>
    public string? PostalAddress { get; set; }

    /// <summary>The IP address of the contact's last order, for the shared-device fraud signal.</summary>
    public string? LastIpAddress { get; set; }

    /// <summary>The user agent of the contact's last order, for the shared-device fraud signal.</summary>
    public string? LastUserAgent { get; set; }

    /// <summary>The cause the contact gives their charity share to.</summary>
    public string? CauseId { get; set; }

    /// <summary>Whether the contact agreed to be e-mailed about the program.</summary>
    public bool MarketingConsent { get; set; }

    /// <summary>Paid orders (refunds do not remove them).</summary>
    public int OrdersCount { get; set; }

    /// <summary>Total spent, net of refunds, in the program's currency.</summary>
    public decimal TotalSpent { get; set; }

    /// <summary>When the first order was paid.</summary>
    public DateTimeOffset? FirstOrderAt { get; set; }

    /// <summary>When the last order was paid.</summary>
    public DateTimeOffset? LastOrderAt { get; set; }

    /// <summary>The last 0-10 satisfaction score the contact gave.</summary>
    public int? LastSatisfactionScore { get; set; }

    /// <summary>The best-customer score (0-100): who to ask first.</summary>
    public int BestCustomerScore { get; set; }

    /// <summary>When the contact's personal data was erased; a redacted contact keeps only anonymous figures.</summary>
    public DateTimeOffset? RedactedAt { get; set; }

    /// <summary>When the contact was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the contact last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
