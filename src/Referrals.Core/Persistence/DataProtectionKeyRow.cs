namespace Referrals.Core.Persistence;

/// <summary>
/// One element of a host's key ring (for example an ASP.NET Core Data Protection key) stored as opaque XML text, so
/// that every instance over the same database shares the keys that encrypt tenants' credentials. The engine neither
/// reads nor writes these rows itself.
/// </summary>
public sealed class DataProtectionKeyRow
{
    private DataProtectionKeyRow()
    {
        Xml = "";
    }

    /// <summary>Creates a row.</summary>
    /// <param name="friendlyName">The key's name as the host gives it, if any.</param>
    /// <param name="xml">The element's XML text.</param>
    /// <exception cref="ArgumentException">The XML is empty.</exception>
    public DataProtectionKeyRow(string? friendlyName, string xml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(xml);
        FriendlyName = friendlyName;
        Xml = xml;
    }

    /// <summary>Row id.</summary>
    public long Id { get; private set; }

    /// <summary>The key's name as the host gives it.</summary>
    public string? FriendlyName { get; private set; }

    /// <summary>The element's XML text.</summary>
    public string Xml { get; private set; }
}
