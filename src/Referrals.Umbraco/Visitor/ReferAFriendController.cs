using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Umbraco.Configuration;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Visitor;

/// <summary>
/// <c>POST /referrals/refer-a-friend</c>: an advocate names a friend ("Who do you know who…?"). Needs the antiforgery
/// token the view component renders, the advocate's confirmation that the friend agreed to hear from us, and stays
/// within a per-address rate limit and a small body.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class ReferAFriendController : Controller
{
    /// <summary>The route of the form post.</summary>
    public const string Route = "/referrals/refer-a-friend";

    /// <summary>Largest accepted body.</summary>
    public const int MaximumBodyBytes = 16 * 1024;

    private readonly ReferralsDbContextFactory _databases;
    private readonly SiteTenant _site;
    private readonly ContactDirectory _contacts;
    private readonly ReferralInvitations _invitations;
    private readonly ReferFormRateLimiter _limiter;
    private readonly ReferralsUmbracoOptions _options;

    public ReferAFriendController(ReferralsDbContextFactory databases, SiteTenant site, ContactDirectory contacts, ReferralInvitations invitations,
        ReferFormRateLimiter limiter, IOptions<ReferralsUmbracoOptions> options)
    {
        _databases = databases;
        _site = site;
        _contacts = contacts;
        _invitations = invitations;
        _limiter = limiter;
        _options = options.Value;
    }

    [HttpPost(Route)]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(MaximumBodyBytes)]
    [VisitorFormLimit(MaximumBodyBytes)]
    [RequestFormLimits(ValueLengthLimit = MaximumBodyBytes, KeyLengthLimit = 64, ValueCountLimit = 16)]
    [Consumes("application/x-www-form-urlencoded", "multipart/form-data")]
    public async Task<IActionResult> Post([FromForm] ReferAFriendForm form, CancellationToken cancellationToken)
    {
        if (!_limiter.TryAcquire(HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
        {
            return Problem(title: "Too Many Requests", detail: "Too many referrals from this address; try again later.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var advocateEmail = EmailNormalizer.Normalize(form.AdvocateEmail);
        var friendEmail = EmailNormalizer.Normalize(form.FriendEmail);
        if (advocateEmail is null)
        {
            ModelState.AddModelError(nameof(form.AdvocateEmail), "Enter your own e-mail address.");
        }

        if (friendEmail is null)
        {
            ModelState.AddModelError(nameof(form.FriendEmail), "Enter your friend's e-mail address.");
        }
        else if (friendEmail == advocateEmail)
        {
            ModelState.AddModelError(nameof(form.FriendEmail), "Enter your friend's address, not your own.");
        }

        if (!form.Permission)
        {
            ModelState.AddModelError(nameof(form.Permission), "Confirm that your friend is happy to hear from us.");
        }

        if ((form.FriendName?.Length ?? 0) > 200 || (form.AdvocateName?.Length ?? 0) > 200)
        {
            ModelState.AddModelError(nameof(form.FriendName), "Names are at most 200 characters.");
        }

        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        await using var db = _databases.CreateDbContext();
        var tenant = await _site.GetAsync(db, cancellationToken);
        var parts = form.AdvocateName?.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var advocate = await _contacts.UpsertAsync(db, tenant.Id, new CustomerInfo
        {
            ExternalSystem = ContactExternalId.UmbracoMember,
            Email = form.AdvocateEmail,
            FirstName = parts is { Length: > 0 } ? parts[0] : null,
            LastName = parts is { Length: > 1 } ? parts[1] : null,
        }, ContactKind.Client, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await _invitations.InviteAsync(db, tenant, advocate, string.IsNullOrWhiteSpace(form.FriendName) ? null : form.FriendName.Trim(), form.FriendEmail!, cancellationToken);
        // 303: the browser follows with a GET, so a reload does not post the form again.
        Response.Headers.Location = SitePath.IsLocal(_options.ThanksPath) ? _options.ThanksPath : ReferralsUmbracoOptions.DefaultThanksPath;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
