using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Api;

/// <summary>All referrals of the site's program.</summary>
[Route(RoutePrefix + "/referrals")]
internal sealed class ReferralsController : ReferralsApiController
{
    private static readonly string[] SortFields = ["createdAt", "convertedAt", "revenue", "state"];

    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;

    public ReferralsController(ReferralsDbContext db, SiteTenant site)
    {
        _db = db;
        _site = site;
    }

    /// <summary>Lists referrals with filters, sorting and paging.</summary>
    [HttpGet]
    [ProducesResponseType<Page<ReferralModel>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<Page<ReferralModel>>> List([FromQuery] PageQuery page, [FromQuery] ReferralState[]? state, [FromQuery] ReferralSource[]? source,
        [FromQuery] Guid? advocateId, [FromQuery] string? search, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, CancellationToken cancellationToken)
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
        var query = _db.Referrals.AsNoTracking().Where(r => r.TenantId == tenant.Id);
        if (state is { Length: > 0 })
        {
            query = query.Where(r => state.Contains(r.State));
        }

        if (source is { Length: > 0 })
        {
            query = query.Where(r => source.Contains(r.Source));
        }

        if (advocateId is { } advocate)
        {
            query = query.Where(r => r.AdvocateContactId == advocate);
        }

        if (from is { } f)
        {
            query = query.Where(r => r.CreatedAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(r => r.CreatedAt < t);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLowerInvariant();
            query = query.Where(r => (r.FriendName != null && r.FriendName.ToLower().Contains(text))
                || (r.FriendEmail != null && r.FriendEmail.ToLower().Contains(text))
                || r.ConvertingOrderId == search.Trim()
                || _db.Contacts.Any(c => c.Id == r.AdvocateContactId && c.Email != null && c.Email.ToLower().Contains(text)));
        }

        var total = await query.CountAsync(cancellationToken);
        var descending = page.Descending(byDefault: true);
        query = page.SortOr("createdAt") switch
        {
            "convertedat" => descending ? query.OrderByDescending(r => r.ConvertedAt) : query.OrderBy(r => r.ConvertedAt),
            "revenue" => descending ? query.OrderByDescending(r => r.Revenue) : query.OrderBy(r => r.Revenue),
            "state" => descending ? query.OrderByDescending(r => r.State) : query.OrderBy(r => r.State),
            _ => descending ? query.OrderByDescending(r => r.CreatedAt) : query.OrderBy(r => r.CreatedAt),
        };
        var rows = await ((IOrderedQueryable<Referral>)query).ThenBy(r => r.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<ReferralModel>(total, await ApiMapping.ReferralsAsync(_db, rows, cancellationToken));
    }

    /// <summary>One referral.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ReferralModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ReferralModel>> Get(Guid id, CancellationToken cancellationToken)
    {
        var tenant = await _site.GetAsync(_db, cancellationToken);
        var referral = await _db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.TenantId == tenant.Id, cancellationToken);
        if (referral is null)
        {
            return NotFoundProblem($"Referral {id} does not exist.");
        }

        return (await ApiMapping.ReferralsAsync(_db, [referral], cancellationToken))[0];
    }
}
