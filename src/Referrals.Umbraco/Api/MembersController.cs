using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Configuration;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;
using Referrals.Umbraco.Events;
using Referrals.Umbraco.Hosting;
using Umbraco.Cms.Core.Services;

namespace Referrals.Umbraco.Api;

/// <summary>Umbraco members as advocates: the member tab's facts and "invite to refer".</summary>
[Route(RoutePrefix + "/members")]
internal sealed class MembersController : ReferralsApiController
{
    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;
    private readonly IMemberService _members;
    private readonly ReferralEvents _events;
    private readonly AdvocateCodes _codes;
    private readonly AskScheduler _asks;
    private readonly LinkOptions _links;
    private readonly TimeProvider _clock;

    public MembersController(ReferralsDbContext db, SiteTenant site, IMemberService members, ReferralEvents events, AdvocateCodes codes, AskScheduler asks,
        LinkOptions links, TimeProvider clock)
    {
        _db = db;
        _site = site;
        _members = members;
        _events = events;
        _codes = codes;
        _asks = asks;
        _links = links;
        _clock = clock;
    }

    /// <summary>The member's contact, code, referral counts and last ask.</summary>
    [HttpGet("{memberKey:guid}")]
    [ProducesResponseType<MemberReferralsModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<MemberReferralsModel>> Get(Guid memberKey, CancellationToken cancellationToken)
    {
        var member = _members.GetById(memberKey);
        if (member is null)
        {
            return NotFoundProblem($"Member {memberKey} does not exist.");
        }

        var tenant = await _site.GetAsync(_db, cancellationToken);
        var contact = await ContactDirectory.FindAsync(_db, tenant.Id, ContactExternalId.UmbracoMember, memberKey.ToString("D"),
            EmailNormalizer.Normalize(member.Email), cancellationToken);
        if (contact is null)
        {
            return new MemberReferralsModel(memberKey, null, member.Email, null, null, 0, 0, null);
        }

        var code = await _db.ReferralCodes.AsNoTracking().Where(c => c.AdvocateContactId == contact.Id && c.IsActive)
            .OrderByDescending(c => c.CreatedAt).Select(c => c.Display).FirstOrDefaultAsync(cancellationToken);
        var referrals = await _db.Referrals.CountAsync(r => r.AdvocateContactId == contact.Id, cancellationToken);
        var converted = await _db.Referrals.CountAsync(r => r.AdvocateContactId == contact.Id
            && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded), cancellationToken);
        var lastAsk = await _db.Asks.AsNoTracking().Where(a => a.ContactId == contact.Id).OrderByDescending(a => a.DueAt).FirstOrDefaultAsync(cancellationToken);
        return new MemberReferralsModel(memberKey, contact.Id, contact.Email, code, code is null ? null : ApiMapping.Link(_links, code), referrals, converted,
            lastAsk is null ? null : ApiMapping.Ask(lastAsk, contact));
    }

    /// <summary>Makes the member an advocate (contact + code) and schedules a manual referral ask. Idempotent per member and UTC day.</summary>
    [HttpPost("{memberKey:guid}/invite")]
    [ProducesResponseType<MemberInviteModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<MemberInviteModel>> Invite(Guid memberKey, CancellationToken cancellationToken)
    {
        var member = _members.GetById(memberKey);
        if (member is null)
        {
            return NotFoundProblem($"Member {memberKey} does not exist.");
        }

        if (EmailNormalizer.Normalize(member.Email) is null)
        {
            return Invalid("email", "The member has no valid e-mail address; add one to the member first.");
        }

        var tenant = await _site.GetAsync(_db, cancellationToken);
        var contact = await _events.UpsertMemberAsync(_db, tenant.Id, member.Email, memberKey, member.Name, cancellationToken);
        var code = await _codes.GetOrCreateAsync(_db, contact, cancellationToken);
        await _db.SaveChangesAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        var ask = await _asks.ScheduleAsync(_db, tenant, contact.Id, AskTrigger.Manual, $"invite:{now.UtcDateTime:yyyy-MM-dd}", now, cancellationToken);
        return new MemberInviteModel(contact.Id, code.Display, ApiMapping.Link(_links, code.Display), ApiMapping.Ask(ask, contact));
    }
}
