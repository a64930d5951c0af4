using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Api;

/// <summary>Introductions: the list (friends masked), and recording one an advocate made by phone or in person.</summary>
[Route(RoutePrefix + "/introductions")]
internal sealed class IntroductionsController : ReferralsApiController
{
    private const int FriendNameLimit = 200; // the engine's name column
    private static readonly string[] SortFields = ["createdAt"];

    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;
    private readonly Introductions _introductions;

    public IntroductionsController(ReferralsDbContext db, SiteTenant site, Introductions introductions)
    {
        _db = db;
        _site = site;
        _introductions = introductions;
    }

    /// <summary>Lists introductions, newest first, optionally of some channels only.</summary>
    [HttpGet]
    [ProducesResponseType<Page<IntroductionModel>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<Page<IntroductionModel>>> List([FromQuery] PageQuery page, [FromQuery] IntroductionChannel[]? channel, CancellationToken cancellationToken)
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
        var query = _db.Referrals.AsNoTracking().Where(r => r.TenantId == tenant.Id && r.IntroductionChannel != null);
        if (channel is { Length: > 0 })
        {
            var channels = channel.Select(c => (IntroductionChannel?)c).ToList();
            query = query.Where(r => channels.Contains(r.IntroductionChannel));
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = page.Descending(byDefault: true) ? query.OrderByDescending(r => r.CreatedAt) : query.OrderBy(r => r.CreatedAt);
        var rows = await ordered.ThenBy(r => r.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<IntroductionModel>(total, await MapAsync(rows, cancellationToken));
    }

    /// <summary>
    /// Records an introduction the advocate made by phone or in person: a named referral and the advocate's thank-you
    /// card task are created, and nothing is sent to the friend.
    /// </summary>
    [HttpPost]
    [ProducesResponseType<IntroductionModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IntroductionModel>> Record([FromReferralsBody] RecordIntroductionRequest? body, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        if (body?.AdvocateId is not { } advocateId)
        {
            return Invalid("advocateId", "advocateId is required: choose the advocate who made the introduction.");
        }

        if (body.Channel is not (IntroductionChannel.Phone or IntroductionChannel.InPerson))
        {
            return Invalid("channel", "channel must be Phone or InPerson; e-mail introductions are sent on the advocate's request, not recorded.");
        }

        if (body.FriendName?.Trim().Length > FriendNameLimit)
        {
            return Invalid("friendName", $"friendName is longer than {FriendNameLimit} characters.");
        }

        var tenant = await _site.GetAsync(_db, cancellationToken);
        var advocate = await _db.Contacts.FirstOrDefaultAsync(c => c.Id == advocateId && c.TenantId == tenant.Id && c.RedactedAt == null, cancellationToken);
        if (advocate is null)
        {
            return NotFoundProblem($"Advocate {advocateId} does not exist.");
        }

        var result = await _introductions.IntroduceAsync(_db, tenant, advocate, body.FriendName, body.FriendEmail, body.Note,
            permissionAttested: false, body.Channel.Value, cancellationToken);
        return result.Status switch
        {
            IntroductionStatus.Recorded => (await MapAsync([result.Referral!], cancellationToken))[0],
            IntroductionStatus.InvalidEmail => Invalid("friendEmail", "friendEmail is not an e-mail address, or it is the advocate's own. Leave it empty if you do not know it."),
            IntroductionStatus.NoteTooLong => Invalid("note", $"note is longer than {Introductions.MaxNoteLength} characters."),
            _ => Invalid("", $"The introduction was not recorded ({result.Status})."),
        };
    }

    private async Task<IReadOnlyList<IntroductionModel>> MapAsync(IReadOnlyList<Referral> rows, CancellationToken cancellationToken)
    {
        var contacts = await ApiMapping.ContactsAsync(_db, rows.Select(r => r.AdvocateContactId), cancellationToken);
        return rows.Select(r =>
        {
            var friend = FriendMask.Show(r.FriendName, r.FriendEmail ?? r.FriendNormalizedEmail);
            var advocate = contacts.GetValueOrDefault(r.AdvocateContactId);
            return new IntroductionModel(r.Id, r.AdvocateContactId,
                advocate is null ? null : ApiMapping.DisplayName(advocate.FirstName, advocate.LastName, advocate.Email),
                friend, friend is null, r.IntroductionChannel!.Value, r.State, r.IntroductionNote, r.CreatedAt);
        }).ToList();
    }
}
