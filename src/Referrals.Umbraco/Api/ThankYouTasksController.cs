using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Thanks;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Api;

/// <summary>Staff tasks (thank-you cards and calls, service recovery, asks by hand): list, done, cancel, print.</summary>
[Route(RoutePrefix + "/thank-you-tasks")]
internal sealed class ThankYouTasksController : ReferralsApiController
{
    private const int ReasonMinimum = 3;
    private const int ReasonLimit = 500;
    private const int PrintLimit = 100;
    private static readonly string[] SortFields = ["dueAt", "createdAt"];

    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;
    private readonly StaffTasks _tasks;

    public ThankYouTasksController(ReferralsDbContext db, SiteTenant site, StaffTasks tasks)
    {
        _db = db;
        _site = site;
        _tasks = tasks;
    }

    /// <summary>Lists tasks, soonest due first; by default only open ones.</summary>
    [HttpGet]
    [ProducesResponseType<Page<ThankYouTaskModel>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<Page<ThankYouTaskModel>>> List(
        [FromQuery] PageQuery page, [FromQuery] string[]? kind, [FromQuery] string[]? state, CancellationToken cancellationToken)
    {
        foreach (var (key, message) in page.Problems(SortFields))
        {
            ModelState.AddModelError(key, message);
        }

        var kinds = Parse<StaffTaskKind>(kind, "kind");
        var states = Parse<StaffTaskState>(state, "state");
        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        var tenant = await _site.GetAsync(_db, cancellationToken);
        var query = _db.StaffTasks.AsNoTracking().Where(t => t.TenantId == tenant.Id);
        if (kinds.Count > 0)
        {
            query = query.Where(t => kinds.Contains(t.Kind));
        }

        var only = states.Count > 0 ? states : [StaffTaskState.Open];
        query = query.Where(t => only.Contains(t.State));
        var total = await query.CountAsync(cancellationToken);
        var sort = page.SortOr("dueAt");
        var descending = page.Descending(byDefault: false);
        var ordered = sort == "createdat"
            ? (descending ? query.OrderByDescending(t => t.CreatedAt) : query.OrderBy(t => t.CreatedAt))
            : (descending ? query.OrderByDescending(t => t.DueAt) : query.OrderBy(t => t.DueAt));
        var rows = await ordered.ThenBy(t => t.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<ThankYouTaskModel>(total, await MapAsync(rows, cancellationToken));
    }

    /// <summary>Marks an open task done by the signed-in user.</summary>
    [HttpPost("{id:guid}/done")]
    [ProducesResponseType<ThankYouTaskModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public Task<ActionResult<ThankYouTaskModel>> Done(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (tenantId, actor) => _tasks.MarkDoneAsync(_db, tenantId, id, actor, cancellationToken), cancellationToken);

    /// <summary>Cancels an open task with a reason (kept in the audit log).</summary>
    [HttpPost("{id:guid}/cancel")]
    [ProducesResponseType<ThankYouTaskModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<ThankYouTaskModel>> Cancel(Guid id, [FromReferralsBody] CancelTaskRequest? body, CancellationToken cancellationToken)
    {
        var reason = body?.Reason?.Trim();
        if (reason is null || reason.Length < ReasonMinimum || reason.Length > ReasonLimit)
        {
            return Invalid("reason", $"Say why the task will not be done ({ReasonMinimum} to {ReasonLimit} characters).");
        }

        return await ChangeAsync(id, (tenantId, actor) => _tasks.CancelAsync(_db, tenantId, id, actor, reason, cancellationToken), cancellationToken);
    }

    /// <summary>The printable thank-you card of one card task, as an HTML page.</summary>
    [HttpGet("{id:guid}/card")]
    [Produces("text/html")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Card(Guid id, CancellationToken cancellationToken)
    {
        var tenant = await _site.GetAsync(_db, cancellationToken);
        var exists = await _db.StaffTasks.AsNoTracking()
            .AnyAsync(t => t.Id == id && t.TenantId == tenant.Id && t.Kind == StaffTaskKind.ThankYouCard, cancellationToken);
        if (!exists)
        {
            return NotFoundProblem($"Thank-you card task {id} does not exist.");
        }

        return Html(await StaffTasks.PrintCardsAsync(_db, tenant, [id], cancellationToken));
    }

    /// <summary>One printable page of several card tasks, in the order given (other kinds are left out).</summary>
    [HttpPost("print")]
    [Produces("text/html")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Print([FromReferralsBody] PrintCardsRequest? body, CancellationToken cancellationToken)
    {
        if (body?.Ids is not { Count: > 0 and <= PrintLimit } ids)
        {
            return Invalid("ids", $"Name 1 to {PrintLimit} card tasks to print.");
        }

        var tenant = await _site.GetAsync(_db, cancellationToken);
        return Html(await StaffTasks.PrintCardsAsync(_db, tenant, ids, cancellationToken));
    }

    private static ContentResult Html(string html) => new() { Content = html, ContentType = "text/html; charset=utf-8", StatusCode = StatusCodes.Status200OK };

    private async Task<ActionResult<ThankYouTaskModel>> ChangeAsync(Guid id, Func<Guid, string, Task<StaffTask>> change, CancellationToken cancellationToken)
    {
        var tenant = await _site.GetAsync(_db, cancellationToken);
        var actor = User.Identity?.Name is { Length: > 0 } name ? name : "backoffice user";
        StaffTask task;
        try
        {
            task = await change(tenant.Id, actor);
        }
        catch (KeyNotFoundException)
        {
            return NotFoundProblem($"Task {id} does not exist.");
        }
        catch (InvalidOperationException ex)
        {
            return ConflictProblem(ex.Message);
        }

        return (await MapAsync([task], cancellationToken))[0];
    }

    private List<T> Parse<T>(string[]? values, string key)
        where T : struct, Enum
    {
        var parsed = new List<T>();
        foreach (var value in values ?? [])
        {
            if (Enum.TryParse<T>(value, ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _))
            {
                parsed.Add(v);
            }
            else
            {
                ModelState.AddModelError(key, $"{key} must be one of {string.Join(", ", Enum.GetNames<T>())}.");
            }
        }

        return parsed;
    }

    private async Task<IReadOnlyList<ThankYouTaskModel>> MapAsync(IReadOnlyList<StaffTask> tasks, CancellationToken cancellationToken)
    {
        var contacts = await ApiMapping.ContactsAsync(_db, tasks.Select(t => t.ContactId), cancellationToken);
        var referralIds = tasks.Where(t => t.ReferralId is not null).Select(t => t.ReferralId!.Value).Distinct().ToList();
        var friends = referralIds.Count == 0
            ? []
            : await _db.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id))
                .Select(r => new { r.Id, r.FriendName, r.FriendEmail }).ToDictionaryAsync(r => r.Id, r => r.FriendName ?? r.FriendEmail, cancellationToken);
        return tasks.Select(t => new ThankYouTaskModel(
            t.Id, t.Kind, t.State, t.ContactId,
            contacts.TryGetValue(t.ContactId, out var c) ? ApiMapping.DisplayName(c.FirstName, c.LastName, c.Email) : "",
            t.ReferralId is { } r ? friends.GetValueOrDefault(r) : null, t.ReferralId,
            t.SuggestedMessage, t.PostalAddress, t.ReferralLink, t.DueAt, t.CreatedAt, t.DoneBy, t.DoneAt, t.CancelledAt)).ToList();
    }
}
