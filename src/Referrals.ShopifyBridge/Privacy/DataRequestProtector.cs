using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Referrals.ShopifyBridge.Privacy;

/// <summary>
/// Encrypts the exports kept for customers' data requests with Data Protection (its own purpose, so a credential
/// cipher text never decrypts as an export or the other way round). The key ring lives in the database.
/// </summary>
internal sealed class DataRequestProtector
{
    /// <summary>The Data Protection purpose; changing it makes every stored export unreadable.</summary>
    public const string Purpose = "Referrals.ShopifyBridge.DataRequests.v1";

    private readonly IDataProtector _protector;

    public DataRequestProtector(IDataProtectionProvider provider)
    {
        _protector = provider.CreateProtector(Purpose);
    }

    public string Protect(string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(json);
        return _protector.Protect(json);
    }

    /// <exception cref="CryptographicException">The text was encrypted with another key ring, or altered.</exception>
    public string Unprotect(string protectedJson) => _protector.Unprotect(protectedJson);
}
