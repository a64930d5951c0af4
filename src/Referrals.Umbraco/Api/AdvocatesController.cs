using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Codes;
using Referrals.Core.Configuration;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Api;

/// <summary>Advocates: contacts that own a referral code or made a referral.</summary>
[Route(RoutePrefix + "/advocates")]
internal sealed class AdvocatesController : ReferralsApiController
{
    private static readonly string[] SortFields = ["name", "email", "createdAt", "referrals", "bestCustomerScore"];
    private const int DetailLimit = 200;
    private const int TreeDepthLimit = 10;
    private const int TreeNodeLimit = 500;

    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;
    private readonly LinkOptions _links;

    public AdvocatesController(ReferralsDbContext db, SiteTenant site, LinkOptions links)
    {
        _db = db;
        _site = site;
        _links = links;
    }

    /// <summary>Lists advocates with search, kind filter, sorting and paging.</summary>
    [HttpGet]
    [ProducesResponseType<Page<AdvocateSummaryModel>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<Page<AdvocateSummaryModel>>> List([FromQuery] PageQuery page, [FromQuery] string? search, [FromQuery] ContactKind? kind,
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
        var query = _db.Contacts.AsNoTracking().Where(c => c.TenantId == tenant.Id
            && (_db.ReferralCodes.Any(rc => rc.AdvocateContactId == c.Id) || _db.Referrals.Any(r => r.AdvocateContactId == c.Id)));
        if (kind is { } k)
        {
            query = query.Where(c => c.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLowerInvariant();
            var hasKey = ReferralCodeKey.TryCreate(search, out var key);
            query = query.Where(c => (c.FirstName != null && c.FirstName.ToLower().Contains(text))
                || (c.LastName != null && c.LastName.ToLower().Contains(text))
                || (c.Email != null && c.Email.ToLower().Contains(text))
                || (hasKey && _db.ReferralCodes.Any(rc => rc.AdvocateContactId == c.Id && rc.LookupKey == key)));
        }

        var total = await query.CountAsync(cancellationToken);
        var sort = page.SortOr("name");
        var descending = page.Descending(byDefault: sort is not ("name" or "email"));
        query = sort switch
        {
            "email" => descending ? query.OrderByDescending(c => c.Email) : query.OrderBy(c => c.Email),
            "createdat" => descending ? query.OrderByDescending(c => c.CreatedAt) : query.OrderBy(c => c.CreatedAt),
            "referrals" => descending
                ? query.OrderByDescending(c => _db.Referrals.Count(r => r.AdvocateContactId == c.Id))
                : query.OrderBy(c => _db.Referrals.Count(r => r.AdvocateContactId == c.Id)),
            "bestcustomerscore" => descending ? query.OrderByDescending(c => c.BestCustomerScore) : query.OrderBy(c => c.BestCustomerScore),
            _ => descending ? query.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName) : query.OrderBy(c => c.LastName).ThenBy(c => c.FirstName),
        };
        var contacts = await ((IOrderedQueryable<Core.Contacts.Contact>)query).ThenBy(c => c.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        var ids = contacts.Select(c => c.Id).ToList();
        var counts = await _db.Referrals.Where(r => ids.Contains(r.AdvocateContactId))
            .GroupBy(r => r.AdvocateContactId)
            .Select(g => new
            {
                Id = g.Key,
                Referrals = g.Count(),
                Converted = g.Count(r => r.State == ReferralState.Converted || r.State == ReferralState.Rewarded),
            })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var currency = tenant.Settings.Currency;
        var revenue = await _db.Referrals.Where(r => ids.Contains(r.AdvocateContactId) && r.Currency == currency
                && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded))
            .GroupBy(r => r.AdvocateContactId).Select(g => new { Id = g.Key, Sum = g.Sum(r => r.Revenue) })
            .ToDictionaryAsync(x => x.Id, x => x.Sum, cancellationToken);
        var codes = await ActiveCodesAsync(ids, cancellationToken);
        var members = await MemberKeysAsync(ids, cancellationToken);
        var items = contacts.Select(c => new AdvocateSummaryModel(
            c.Id, ApiMapping.DisplayName(c.FirstName, c.LastName, c.Email), c.Email, c.Kind, codes.GetValueOrDefault(c.Id),
            counts.TryGetValue(c.Id, out var n) ? n.Referrals : 0, counts.TryGetValue(c.Id, out var m) ? m.Converted : 0,
            new MoneyModel(revenue.GetValueOrDefault(c.Id), currency), c.BestCustomerScore, c.LastSatisfactionScore,
            members.TryGetValue(c.Id, out var key) ? key : null, c.CreatedAt)).ToList();
        return new Page<AdvocateSummaryModel>(total, items);
    }

    /// <summary>One advocate with codes, referrals, downline, ledger and asks.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<AdvocateDetailModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<AdvocateDetailModel>> Get(Guid id, CancellationToken cancellationToken)
    {
        var tenant = await _site.GetAsync(_db, cancellationToken);
        var contact = await _db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.TenantId == tenant.Id, cancellationToken);
        if (contact is null || !(await _db.ReferralCodes.AnyAsync(rc => rc.AdvocateContactId == id, cancellationToken)
            || await _db.Referrals.AnyAsync(r => r.AdvocateContactId == id, cancellationToken)))
        {
            return NotFoundProblem($"Advocate {id} does not exist.");
        }

        var currency = tenant.Settings.Currency;
        var members = await MemberKeysAsync([id], cancellationToken);
        var advocate = new AdvocateModel(contact.Id, contact.FirstName, contact.LastName, ApiMapping.DisplayName(contact.FirstName, contact.LastName, contact.Email),
            contact.Email, contact.Phone, contact.Kind, contact.MarketingConsent, contact.OrdersCount, new MoneyModel(contact.TotalSpent, currency),
            contact.LastSatisfactionScore, contact.BestCustomerScore, members.TryGetValue(id, out var key) ? key : null, contact.RedactedAt is not null, contact.CreatedAt);
        var codes = (await _db.ReferralCodes.AsNoTracking().Where(c => c.AdvocateContactId == id).OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken))
            .Select(c => new CodeModel(c.Id, c.Display, ApiMapping.Link(_links, c.Display), c.IsActive, c.CreatedAt)).ToList();
        var referrals = await _db.Referrals.AsNoTracking().Where(r => r.AdvocateContactId == id)
            .OrderByDescending(r => r.CreatedAt).Take(DetailLimit).ToListAsync(cancellationToken);
        var ledger = await _db.Ledger.AsNoTracking().Where(e => e.ContactId == id).OrderByDescending(e => e.CreatedAt).Take(DetailLimit).ToListAsync(cancellationToken);
        var asks = await _db.Asks.AsNoTracking().Where(a => a.ContactId == id).OrderByDescending(a => a.DueAt).Take(100).ToListAsync(cancellationToken);
        return new AdvocateDetailModel(advocate, codes, await ApiMapping.ReferralsAsync(_db, referrals, cancellationToken),
            await TreeAsync(tenant.Id, id, currency, cancellationToken), await ApiMapping.LedgerAsync(_db, ledger, cancellationToken),
            await ApiMapping.AsksAsync(_db, asks, cancellationToken));
    }

    // Walks the downline level by level: each level's friends are the next level's advocates.
    private async Task<TreeModel> TreeAsync(Guid tenantId, Guid advocateId, string currency, CancellationToken cancellationToken)
    {
        var nodes = new List<TreeNodeModel>();
        var seen = new HashSet<Guid> { advocateId };
        var advocates = new List<Guid> { advocateId };
        for (var depth = 1; depth <= TreeDepthLimit && advocates.Count > 0 && nodes.Count < TreeNodeLimit; depth++)
        {
            var level = await _db.Referrals.AsNoTracking().Where(r => r.TenantId == tenantId && advocates.Contains(r.AdvocateContactId))
                .OrderBy(r => r.CreatedAt).Take(TreeNodeLimit - nodes.Count).ToListAsync(cancellationToken);
            nodes.AddRange(level.Select(r => new TreeNodeModel(r.Id, r.ParentReferralId, r.AdvocateContactId, r.FriendContactId, r.FriendName ?? r.FriendEmail,
                depth, r.State, new MoneyModel(r.Revenue, r.Currency))));
            advocates = level.Where(r => r.FriendContactId is not null && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded))
                .Select(r => r.FriendContactId!.Value).Where(seen.Add).ToList();
        }

        var revenue = nodes.Where(n => n.Revenue.Currency == currency && n.State is ReferralState.Converted or ReferralState.Rewarded).Sum(n => n.Revenue.Amount);
        return new TreeModel(nodes.Count, nodes.Count == 0 ? 0 : nodes.Max(n => n.Depth), new MoneyModel(revenue, currency), nodes);
    }

    private async Task<Dictionary<Guid, string>> ActiveCodesAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var codes = await _db.ReferralCodes.AsNoTracking().Where(c => ids.Contains(c.AdvocateContactId) && c.IsActive)
            .Select(c => new { c.AdvocateContactId, c.Display, c.CreatedAt }).ToListAsync(cancellationToken);
        return codes.GroupBy(c => c.AdvocateContactId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.CreatedAt).First().Display);
    }

    private async Task<Dictionary<Guid, Guid>> MemberKeysAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await _db.ContactExternalIds.AsNoTracking().Where(x => ids.Contains(x.ContactId) && x.System == ContactExternalId.UmbracoMember)
            .Select(x => new { x.ContactId, x.Value }).ToListAsync(cancellationToken);
        var keys = new Dictionary<Guid, Guid>();
        foreach (var row in rows)
        {
            if (Guid.TryParse(row.Value, out var key))
            {
                keys.TryAdd(row.ContactId, key);
            }
        }

        return keys;
    }
}
