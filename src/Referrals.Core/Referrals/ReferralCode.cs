namespace Referrals.Core.Referrals;

/// <summary>
/// An advocate's personal code. <see cref="LookupKey"/> is the canonical, case-insensitive form and is unique per tenant.
/// </summary>
public sealed class ReferralCode
{
    private ReferralCode()
    {
        Display = LookupKey = "";
    }

    /// <summary>Creates a code for an advocate.</summary>
    public ReferralCode(Guid tenantId, Guid advocateContactId, string display, string lookupKey, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(display);
        ArgumentException.ThrowIfNullOrWhiteSpace(lookupKey);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        AdvocateContactId = advocateContactId;
        Display = display;
        LookupKey = lookupKey;
        CreatedAt = now;
        IsActive = true;
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>Whose code it is.</summary>
    public Guid AdvocateContactId { get; private set; }

    /// <summary>The code as shown, like <c>ANNA-7KQ2M9</c>.</summary>
    public string Display { get; private set; }

    /// <summary>The canonical key used for lookups and uniqueness.</summary>
    public string LookupKey { get; private set; }

    /// <summary>Whether the code still attributes.</summary>
    public bool IsActive { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
}
