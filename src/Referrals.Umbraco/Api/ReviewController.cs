using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Review;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Api;

/// <summary>The review queue: flagged referrals waiting for a person's decision.</summary>
[Route(RoutePrefix + "/review")]
internal sealed class ReviewController : ReferralsApiController
{
    private const int NoteLimit = 500;
    private const int ReasonMinimum = 3;
    private static readonly string[] SortFields = ["deadline", "flaggedAt"];

    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;
    private readonly ReviewQueue _queue;

    public ReviewController(ReferralsDbContext db, SiteTenant site, ReviewQueue queue)
    {
        _db = db;
        _site = site;
        _queue = queue;
    }

    /// <summary>Lists review items by status (default Open).</summary>
    [HttpGet]
    [ProducesResponseType<Page<ReviewItemModel>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<Page<ReviewItemModel>>> List([FromQuery] PageQuery page, [FromQuery] string? status, CancellationToken cancellationToken)
    {
        foreach (var (key, message) in page.Problems(SortFields))
        {
            ModelState.AddModelError(key, message);
        }

        ReviewStatus? only = ReviewStatus.Open;
        if (string.Equals(status, "All", StringComparison.OrdinalIgnoreCase))
        {
            only = null;
        }
        else if (status is not null)
        {
            if (Enum.TryParse<ReviewStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                only = parsed;
            }
            else
            {
                ModelState.AddModelError("status", "status must be Open, Approved, Rejected or All.");
            }
        }

        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        var tenant = await _site.GetAsync(_db, cancellationToken);
        var query = _db.ReviewItems.AsNoTracking().Where(i => i.TenantId == tenant.Id);
        if (only is { } s)
        {
            query = query.Where(i => i.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var sort = page.SortOr("deadline");
        var descending = page.Descending(byDefault: sort == "flaggedat");
        var ordered = sort == "flaggedat"
            ? (descending ? query.OrderByDescending(i => i.FlaggedAt) : query.OrderBy(i => i.FlaggedAt))
            : (descending ? query.OrderByDescending(i => i.Deadline) : query.OrderBy(i => i.Deadline));
        var rows = await ordered.ThenBy(i => i.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<ReviewItemModel>(total, await ApiMapping.ReviewAsync(_db, rows, cancellationToken));
    }

    /// <summary>Approves a flagged referral; its held rewards may mature.</summary>
    [HttpPost("{id:guid}/approve")]
    [ProducesResponseType<ReviewItemModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<ReviewItemModel>> Approve(Guid id, [FromReferralsBody] ApproveRequest? body, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(body?.Note) ? null : body.Note.Trim();
        if (note is { Length: > NoteLimit })
        {
            return Invalid("note", $"The note is longer than {NoteLimit} characters.");
        }

        return await DecideAsync(id, approve: true, note, cancellationToken);
    }

    /// <summary>Rejects a flagged referral with a reason; its held rewards are voided.</summary>
    [HttpPost("{id:guid}/reject")]
    [ProducesResponseType<ReviewItemModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<ReviewItemModel>> Reject(Guid id, [FromReferralsBody] RejectRequest? body, CancellationToken cancellationToken)
    {
        var reason = body?.Reason?.Trim();
        if (reason is null || reason.Length < ReasonMinimum || reason.Length > NoteLimit)
        {
            return Invalid("reason", $"Say why the referral is rejected ({ReasonMinimum} to {NoteLimit} characters): the advocate may ask.");
        }

        return await DecideAsync(id, approve: false, reason, cancellationToken);
    }

    private async Task<ActionResult<ReviewItemModel>> DecideAsync(Guid id, bool approve, string? note, CancellationToken cancellationToken)
    {
        var tenant = await _site.GetAsync(_db, cancellationToken);
        var item = await _db.ReviewItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.TenantId == tenant.Id, cancellationToken);
        if (item is null)
        {
            return NotFoundProblem($"Review item {id} does not exist.");
        }

        if (item.Status != ReviewStatus.Open)
        {
            return ConflictProblem($"Review item {id} was already decided ({item.Status}).");
        }

        var actor = User.Identity?.Name is { Length: > 0 } name ? name : "backoffice user";
        try
        {
            await _queue.DecideAsync(_db, tenant.Id, id, approve, actor, note, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return ConflictProblem(ex.Message);
        }

        _db.ChangeTracker.Clear();
        var saved = await _db.ReviewItems.AsNoTracking().FirstAsync(i => i.Id == id, cancellationToken);
        return (await ApiMapping.ReviewAsync(_db, [saved], cancellationToken))[0];
    }
}
