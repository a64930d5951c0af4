using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Satisfaction;
using Referrals.Umbraco.Api.Infrastructure;

namespace Referrals.Umbraco.Visitor;

/// <summary>
/// The signed one-click rating links of ask e-mails (<c>/rate/{token}</c>). A GET only shows a confirmation page —
/// mail scanners follow links — and the POST (with an antiforgery token) records the score through the engine.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class RatingController : Controller
{
    private readonly ReferralsDbContextFactory _databases;
    private readonly LinkSigningKey _keys;
    private readonly AskAnswers _answers;
    private readonly AdvocateCodes _codes;
    private readonly IAntiforgery _antiforgery;
    private readonly LinkOptions _links;
    private readonly TimeProvider _clock;

    public RatingController(ReferralsDbContextFactory databases, LinkSigningKey keys, AskAnswers answers, AdvocateCodes codes, IAntiforgery antiforgery,
        LinkOptions links, TimeProvider clock)
    {
        _databases = databases;
        _keys = keys;
        _answers = answers;
        _codes = codes;
        _antiforgery = antiforgery;
        _links = links;
        _clock = clock;
    }

    [HttpGet("/" + RatingLinks.PathSegment + "/{token}")]
    public IActionResult Confirm(string token)
    {
        var verification = _keys.CreateRatingSigner().Verify(token, _clock.GetUtcNow());
        if (!verification.IsValid)
        {
            return Refused(verification.Status);
        }

        var tokens = _antiforgery.GetAndStoreTokens(HttpContext);
        var score = verification.Token!.Score.ToString(CultureInfo.InvariantCulture);
        Response.Headers.CacheControl = "no-store";
        return VisitorPage.Render("Thanks for rating us",
            $"<p>You chose <strong>{score}</strong> out of 10.</p>"
            + $"<form method=\"post\" action=\"/{RatingLinks.PathSegment}/{VisitorPage.Encode(Uri.EscapeDataString(token))}\">"
            + $"<input type=\"hidden\" name=\"{VisitorPage.Encode(tokens.FormFieldName)}\" value=\"{VisitorPage.Encode(tokens.RequestToken)}\">"
            + $"<button type=\"submit\">Confirm {score}</button></form>");
    }

    [HttpPost("/" + RatingLinks.PathSegment + "/{token}")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(4096)]
    [VisitorFormLimit(4096)]
    public async Task<IActionResult> Record(string token, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var verification = _keys.CreateRatingSigner().Verify(token, now);
        if (!verification.IsValid)
        {
            return Refused(verification.Status);
        }

        var rating = verification.Token!;
        await using var db = _databases.CreateDbContext();
        var result = await _answers.RecordAsync(db, rating, now, cancellationToken);
        switch (result.Status)
        {
            case AskAnswerStatus.Recorded:
                break;
            case AskAnswerStatus.AlreadyAnswered:
                return VisitorPage.Render("Already answered", "<p>We already have your answer. Thank you!</p>");
            default:
                return VisitorPage.Render("This link does not work", "<p>We could not find this question.</p>", StatusCodes.Status404NotFound);
        }

        if (result.Decision?.NextStep != GateNextStep.ReferralAsk)
        {
            return VisitorPage.Render("Thank you", "<p>Thank you for telling us. It helps us do better.</p>");
        }

        var advocate = await db.Contacts.FindAsync([rating.ContactId], cancellationToken);
        var link = advocate is null ? null : ApiMapping.Link(_links, (await _codes.GetOrCreateAsync(db, advocate, cancellationToken)).Display);
        await db.SaveChangesAsync(cancellationToken);
        return VisitorPage.Render("Thank you!",
            "<p>We are glad you are happy with us. Who do you know who would like the same? Share your personal link:</p>"
            + (link is null ? "" : $"<p><a href=\"{VisitorPage.Encode(link)}\">{VisitorPage.Encode(link)}</a></p>"));
    }

    private static ContentResult Refused(RatingTokenStatus status) => status == RatingTokenStatus.Expired
        ? VisitorPage.Render("This link has expired", "<p>The rating link has expired. Thank you anyway!</p>", StatusCodes.Status400BadRequest)
        : VisitorPage.Render("This link does not work", "<p>The rating link is not valid.</p>", StatusCodes.Status400BadRequest);
}
