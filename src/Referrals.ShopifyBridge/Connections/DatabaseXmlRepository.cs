using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;

namespace Referrals.ShopifyBridge.Connections;

/// <summary>
/// Keeps the Data Protection key ring in the engine's database (table <c>DataProtectionKeys</c>), so every bridge
/// instance over one database shares the keys that encrypt shops' tokens and sign cookies, and a restart keeps them.
/// </summary>
/// <remarks>
/// The key XML is stored as Data Protection hands it over; without a configured key encryptor it is readable by
/// whoever can read the database. Thread-safe: each call uses its own context.
/// </remarks>
internal sealed class DatabaseXmlRepository : IXmlRepository
{
    private readonly ReferralsDbContextFactory _factory;

    public DatabaseXmlRepository(ReferralsDbContextFactory factory)
    {
        _factory = factory;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = _factory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList().AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = _factory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChanges();
    }
}
