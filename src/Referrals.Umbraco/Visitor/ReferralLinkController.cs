using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Core.Codes;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Umbraco.Configuration;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Visitor;

/// <summary>
/// <c>GET /r/{code}</c>: remembers the code in a first-party cookie and sends the friend to the configured landing
/// page. An unknown code lands on the same page without a cookie. The target is configuration, never input, so the
/// link cannot be turned into an open redirect.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed partial class ReferralLinkController : Controller
{
    private readonly ReferralsDbContextFactory _databases;
    private readonly ReferralLookupCache _lookups;
    private readonly SiteTenant _site;
    private readonly ReferralsUmbracoOptions _options;
    private readonly ILogger<ReferralLinkController> _logger;

    public ReferralLinkController(ReferralsDbContextFactory databases, ReferralLookupCache lookups, SiteTenant site, IOptions<ReferralsUmbracoOptions> options,
        ILogger<ReferralLinkController> logger)
    {
        _databases = databases;
        _lookups = lookups;
        _site = site;
        _options = options.Value;
        _logger = logger;
    }

    [HttpGet("/" + ReferralLink.PathSegment + "/{code}")]
    public async Task<IActionResult> Follow(string code, CancellationToken cancellationToken)
    {
        var landing = SitePath.IsLocal(_options.LandingPath) ? _options.LandingPath : ReferralsUmbracoOptions.DefaultLandingPath;
        if (code.Length <= ReferralCodeKey.MaxLength && ReferralCodeKey.TryCreate(code, out _))
        {
            try
            {
                await using var db = _databases.CreateDbContext();
                var tenant = await _site.GetAsync(db, cancellationToken);
                // The same cached lookup as the Shopify landing path: revoked codes stop at once in this process.
                if (await _lookups.FindCodeAsync(_databases, tenant.Id, code, cancellationToken) is { } found)
                {
                    AttributionCookie.Write(Response, found.Display, tenant.Settings.AttributionWindowDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The friend still reaches the landing page; the site owner sees why the code was not remembered.
                LogLookupFailed(_logger, ex);
            }
        }

        Response.Headers.CacheControl = "no-store";
        return Redirect(landing);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look up a referral link's code")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception);
}
