namespace Referrals.Core.Contacts;

/// <summary>
/// An id another system gives a contact: a Shopify customer GID, an Umbraco member key.
/// <c>(TenantId, System, Value)</c> is unique.
/// </summary>
public sealed class ContactExternalId
{
    /// <summary>The Shopify customer system name.</summary>
    public const string Shopify = "shopify";

    /// <summary>The Umbraco member system name.</summary>
    public const string UmbracoMember = "umbraco-member";

    /// <summary>Creates the link.</summary>
    public ContactExternalId(Guid tenantId, Guid contactId, string system, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(system);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        TenantId = tenantId;
        ContactId = contactId;
        System = system;
        Value = value;
    }

    /// <summary>Row id.</summary>
    public long Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The contact.</summary>
    public Guid ContactId { get; private set; }

    /// <summary>Which system the id comes from.</summary>
    public string System { get; private set; }

    /// <summary>The id in that system.</summary>
    public string Value { get; private set; }
}
