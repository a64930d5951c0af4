using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Referrals.ShopifyBridge.Connections;

/// <summary>Encrypts and decrypts shops' tokens and secrets with Data Protection (one purpose for all credentials).</summary>
internal sealed class CredentialProtector
{
    /// <summary>The Data Protection purpose; changing it makes every stored credential unreadable.</summary>
    public const string Purpose = "Referrals.ShopifyBridge.Credentials.v1";

    private readonly IDataProtector _protector;

    public CredentialProtector(IDataProtectionProvider provider)
    {
        _protector = provider.CreateProtector(Purpose);
    }

    public string Protect(string plain)
    {
        ArgumentException.ThrowIfNullOrEmpty(plain);
        return _protector.Protect(plain);
    }

    /// <exception cref="CryptographicException">The text was encrypted with another key ring, or altered.</exception>
    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);

    public string? ProtectOptional(string? plain) => string.IsNullOrEmpty(plain) ? null : Protect(plain);
}
