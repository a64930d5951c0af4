using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Api;

/// <summary>The reward ledger, read-only: rewards, claw-backs and debt offsets.</summary>
[Route(RoutePrefix + "/rewards")]
internal sealed class RewardsController : ReferralsApiController
{
    private static readonly string[] SortFields = ["createdAt", "amount", "holdUntil", "state"];

    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;

    public RewardsController(ReferralsDbContext db, SiteTenant site)
    {
        _db = db;
        _site = site;
    }

    /// <summary>Lists ledger entries with filters, sorting and paging.</summary>
    [HttpGet]
    [ProducesResponseType<Page<LedgerModel>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<Page<LedgerModel>>> List([FromQuery] PageQuery page, [FromQuery] LedgerEntryState[]? state, [FromQuery] Beneficiary? beneficiary,
        [FromQuery] LedgerEntryType? type, [FromQuery] RewardKind? kind, [FromQuery] Guid? contactId, [FromQuery] string? orderId,
        [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, CancellationToken cancellationToken)
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
        var query = _db.Ledger.AsNoTracking().Where(e => e.TenantId == tenant.Id);
        if (state is { Length: > 0 })
        {
            query = query.Where(e => state.Contains(e.State));
        }

        if (beneficiary is { } b)
        {
            query = query.Where(e => e.Beneficiary == b);
        }

        if (type is { } t)
        {
            query = query.Where(e => e.Type == t);
        }

        if (kind is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }

        if (contactId is { } c)
        {
            query = query.Where(e => e.ContactId == c);
        }

        if (!string.IsNullOrWhiteSpace(orderId))
        {
            query = query.Where(e => e.OrderId == orderId);
        }

        if (from is { } f)
        {
            query = query.Where(e => e.CreatedAt >= f);
        }

        if (to is { } u)
        {
            query = query.Where(e => e.CreatedAt < u);
        }

        var total = await query.CountAsync(cancellationToken);
        var descending = page.Descending(byDefault: true);
        var ordered = page.SortOr("createdAt") switch
        {
            "amount" => descending ? query.OrderByDescending(e => e.Amount) : query.OrderBy(e => e.Amount),
            "holduntil" => descending ? query.OrderByDescending(e => e.HoldUntil) : query.OrderBy(e => e.HoldUntil),
            "state" => descending ? query.OrderByDescending(e => e.State) : query.OrderBy(e => e.State),
            _ => descending ? query.OrderByDescending(e => e.CreatedAt) : query.OrderBy(e => e.CreatedAt),
        };
        var rows = await ordered.ThenBy(e => e.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<LedgerModel>(total, await ApiMapping.LedgerAsync(_db, rows, cancellationToken));
    }
}
