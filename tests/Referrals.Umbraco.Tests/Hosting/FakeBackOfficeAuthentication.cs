using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Referrals.Umbraco.Tests.Hosting;

/// <summary>
/// Registered under Umbraco's scheme name <c>OpenIddict.Validation.AspNetCore</c>: the header <c>X-Test-User</c> names
/// the signed-in backoffice user (see <see cref="TestUsers"/>); the browser harness' bearer token
/// (<see cref="HarnessBearerToken"/>) signs in the <see cref="TestUsers.Editor"/>, who has the Referrals section, as the
/// real scheme would for a valid backoffice token. Without either the request is anonymous.
/// </summary>
public sealed class FakeBackOfficeAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-Test-User";

    /// <summary>The token the backoffice client's browser harness sends (test/support/backoffice-harness.ts).</summary>
    public const string HarnessBearerToken = "referrals-harness-token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? name = null;
        if (Request.Headers.TryGetValue(Header, out var header) && !string.IsNullOrEmpty(header))
        {
            name = header.ToString();
        }
        else if (Request.Headers.Authorization.ToString() == "Bearer " + HarnessBearerToken)
        {
            name = TestUsers.Editor;
        }

        if (name is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
