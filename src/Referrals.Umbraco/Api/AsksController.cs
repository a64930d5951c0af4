using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Persistence;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Api;

/// <summary>The ask timeline (what was asked, when, with what answer) and the live wording check of the ask editor.</summary>
[Route(RoutePrefix + "/asks")]
internal sealed class AsksController : ReferralsApiController
{
    private static readonly string[] SortFields = ["dueAt", "createdAt", "score"];

    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;

    public AsksController(ReferralsDbContext db, SiteTenant site)
    {
        _db = db;
        _site = site;
    }

    /// <summary>Lists asks with filters, sorting and paging.</summary>
    [HttpGet]
    [ProducesResponseType<Page<AskModel>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<Page<AskModel>>> List([FromQuery] PageQuery page, [FromQuery] AskState[]? state, [FromQuery] AskTrigger[]? trigger,
        [FromQuery] AskChannel[]? channel, [FromQuery] Guid? contactId, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to,
        CancellationToken cancellationToken)
    {
        foreach (var (key, message) in page.Problems(SortFields))
        {
            ModelState.AddModelError(key, message);
        }

        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        var tenant = await _site.GetAsync(_db, cancellationToken);
        var query = _db.Asks.AsNoTracking().Where(a => a.TenantId == tenant.Id);
        if (state is { Length: > 0 })
        {
            query = query.Where(a => state.Contains(a.State));
        }

        if (trigger is { Length: > 0 })
        {
            query = query.Where(a => trigger.Contains(a.Trigger));
        }

        if (channel is { Length: > 0 })
        {
            query = query.Where(a => channel.Contains(a.Channel));
        }

        if (contactId is { } c)
        {
            query = query.Where(a => a.ContactId == c);
        }

        if (from is { } f)
        {
            query = query.Where(a => a.DueAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(a => a.DueAt < t);
        }

        var total = await query.CountAsync(cancellationToken);
        var descending = page.Descending(byDefault: true);
        var ordered = page.SortOr("dueAt") switch
        {
            "createdat" => descending ? query.OrderByDescending(a => a.CreatedAt) : query.OrderBy(a => a.CreatedAt),
            "score" => descending ? query.OrderByDescending(a => a.Score) : query.OrderBy(a => a.Score),
            _ => descending ? query.OrderByDescending(a => a.DueAt) : query.OrderBy(a => a.DueAt),
        };
        var rows = await ordered.ThenBy(a => a.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<AskModel>(total, await ApiMapping.AsksAsync(_db, rows, cancellationToken));
    }

    /// <summary>Checks an ask's wording: closed questions and missing steps of the four-step script.</summary>
    [HttpPost("wording-check")]
    [ProducesResponseType<WordingCheckResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<WordingCheckResponse>> WordingCheck([FromReferralsBody] WordingCheckRequest? request, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        if (request?.Text is null)
        {
            return Invalid("text", "text is required: send the ask's text to check.");
        }

        if (request.Text.Length > WordingCheckRequest.MaximumLength)
        {
            return Invalid("text", $"text is longer than {WordingCheckRequest.MaximumLength} characters.");
        }

        if (!Enum.IsDefined(request.Scope))
        {
            return Invalid("scope", "scope must be ReferralAsk or PhrasingOnly.");
        }

        var locale = request.Locale;
        if (string.IsNullOrWhiteSpace(locale))
        {
            locale = (await _site.GetAsync(_db, cancellationToken)).Settings.Locale;
        }

        if (!Core.Asks.WordingCheck.Supports(locale))
        {
            return new WordingCheckResponse(locale, Supported: false, []);
        }

        var findings = Core.Asks.WordingCheck.Check(request.Text, request.Scope, locale)
            .Select(f => new WordingFindingModel(f.Rule, f.Span.Start, f.Span.Length, f.Span.In(request.Text), f.Message, f.Suggestion)).ToList();
        return new WordingCheckResponse(locale, Supported: true, findings);
    }
}
