using Referrals.Core.Configuration;
using Referrals.Core.Tenants;

namespace Referrals.Core.Codes;

/// <summary>The engine's <see cref="IReferralLinkBase"/>: <c>Referrals:Links:PublicBaseUrl</c> for every tenant.</summary>
public sealed class PublicReferralLinkBase : IReferralLinkBase
{
    private readonly LinkOptions _links;

    /// <summary>Creates the base from the link options.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="links"/> is null.</exception>
    public PublicReferralLinkBase(LinkOptions links)
    {
        ArgumentNullException.ThrowIfNull(links);
        _links = links;
    }

    /// <inheritdoc />
    /// <returns>The parsed <see cref="LinkOptions.PublicBaseUrl"/>, or null when it is not an absolute http(s) address.</returns>
    public Uri? For(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return LinkOptionsValidator.TryParseBaseUrl(_links.PublicBaseUrl, out var baseUrl) ? baseUrl : null;
    }
}
