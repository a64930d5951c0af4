using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Referrals.Core.Email;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.Umbraco.Visitor;

/// <summary>
/// The opt-out links in the e-mails a site sends: <c>/unsubscribe/{token}</c> (every ask and advocate e-mail, and its
/// <c>List-Unsubscribe</c> header) and <c>/introductions/opt-out/{token}</c> (an introduction a friend received in an
/// advocate's name). A GET only shows a confirmation page, so a mail scanner opts nobody out; the POST acts. The POST
/// is also RFC 8058's one-click unsubscribe, which mail clients send without cookies, so it carries no antiforgery
/// token: the signed token in the path is the whole authority, and the only thing it can do is stop e-mails.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
internal sealed class UnsubscribeController : Controller
{
    private const string UnsubscribeRoute = "/" + UnsubscribeLinks.PathSegment + "/{token}";
    private const string OptOutRoute = "/" + Introductions.OptOutPath + "/{token}";

    private readonly ReferralsDbContextFactory _databases;
    private readonly LinkSigningKey _keys;
    private readonly Introductions _introductions;
    private readonly TimeProvider _clock;

    public UnsubscribeController(ReferralsDbContextFactory databases, LinkSigningKey keys, Introductions introductions, TimeProvider clock)
    {
        _databases = databases;
        _keys = keys;
        _introductions = introductions;
        _clock = clock;
    }

    [HttpGet(UnsubscribeRoute)]
    public IActionResult ConfirmUnsubscribe(string token) => _keys.CreateUnsubscribeLinks().TryVerify(token, out _)
        ? Confirm("Unsubscribe", "Stop receiving e-mails from our referral program?", "Unsubscribe")
        : Refused();

    [HttpPost(UnsubscribeRoute)]
    [RequestSizeLimit(4096)]
    [VisitorFormLimit(4096)]
    public async Task<IActionResult> Unsubscribe(string token, CancellationToken cancellationToken)
    {
        if (!_keys.CreateUnsubscribeLinks().TryVerify(token, out var verified) || verified is null)
        {
            return Refused();
        }

        await using var db = _databases.CreateDbContext();
        var contact = await db.Contacts.FindAsync([verified.ContactId], cancellationToken);
        if (contact is not null && contact.TenantId == verified.TenantId && contact.MarketingConsent)
        {
            contact.MarketingConsent = false;
            contact.UpdatedAt = _clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        // The same page whether the contact was subscribed, already unsubscribed, or has since been erased.
        return VisitorPage.Render("You're unsubscribed", "<p>You won't receive any more e-mails from our referral program.</p>");
    }

    [HttpGet(OptOutRoute)]
    public IActionResult ConfirmOptOut(string token) => _introductions.IsOptOutToken(token)
        ? Confirm("No more introductions", "Someone who knows you introduced us by e-mail. Don't want to be introduced to us again?", "Don't contact me again")
        : Refused();

    [HttpPost(OptOutRoute)]
    [RequestSizeLimit(4096)]
    [VisitorFormLimit(4096)]
    public async Task<IActionResult> OptOut(string token, CancellationToken cancellationToken)
    {
        await using var db = _databases.CreateDbContext();
        return await _introductions.OptOutAsync(db, token, cancellationToken)
            ? VisitorPage.Render("Done", "<p>We won't contact you again, whoever introduces you.</p>")
            : Refused();
    }

    private ContentResult Confirm(string title, string question, string button)
    {
        Response.Headers.CacheControl = "no-store";
        return VisitorPage.Render(title,
            $"<p>{VisitorPage.Encode(question)}</p><form method=\"post\">"
            + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
            + $"<button type=\"submit\">{VisitorPage.Encode(button)}</button></form>");
    }

    private static ContentResult Refused() => VisitorPage.Render("This link does not work",
        "<p>The link is incomplete or was changed. Open it straight from the e-mail.</p>", StatusCodes.Status400BadRequest);
}
