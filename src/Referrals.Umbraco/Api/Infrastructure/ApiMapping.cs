using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Codes;
using Referrals.Core.Configuration;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Review;
using Referrals.Core.Rewards;
using Referrals.Umbraco.Api.Models;

namespace Referrals.Umbraco.Api.Infrastructure;

/// <summary>Turns engine rows into API models, loading the names and codes a page needs in one query each.</summary>
internal static class ApiMapping
{
    public static string DisplayName(string? first, string? last, string? email)
    {
        var name = $"{first} {last}".Trim();
        return name.Length > 0 ? name : email ?? "";
    }

    public static string? Link(LinkOptions links, string display)
    {
        try
        {
            return ReferralLink.Create(new Uri(links.PublicBaseUrl, UriKind.Absolute), display).ToString();
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException)
        {
            return null;
        }
    }

    public static async Task<Dictionary<Guid, Contact>> ContactsAsync(ReferralsDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var set = ids.Distinct().ToList();
        return set.Count == 0 ? [] : await db.Contacts.AsNoTracking().Where(c => set.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    public static async Task<IReadOnlyList<ReferralModel>> ReferralsAsync(ReferralsDbContext db, IReadOnlyList<Referral> referrals, CancellationToken cancellationToken)
    {
        var contacts = await ContactsAsync(db, referrals.Select(r => r.AdvocateContactId), cancellationToken);
        var codeIds = referrals.Where(r => r.ReferralCodeId is not null).Select(r => r.ReferralCodeId!.Value).Distinct().ToList();
        var codes = codeIds.Count == 0 ? [] : await db.ReferralCodes.AsNoTracking().Where(c => codeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Display, cancellationToken);
        return referrals.Select(r =>
        {
            contacts.TryGetValue(r.AdvocateContactId, out var advocate);
            var code = r.ReferralCodeId is { } id && codes.TryGetValue(id, out var display) ? display : null;
            return Referral(r, advocate, code);
        }).ToList();
    }

    public static ReferralModel Referral(Referral r, Contact? advocate, string? code) => new(
        r.Id, r.AdvocateContactId, advocate is null ? null : DisplayName(advocate.FirstName, advocate.LastName, advocate.Email), advocate?.Email,
        r.FriendContactId, r.FriendName, r.FriendEmail, code, r.Source, r.State, r.Reason, r.AttributionRule, r.ConvertingOrderId,
        new MoneyModel(r.Revenue, r.Currency), r.Depth, r.ParentReferralId, r.RootAdvocateContactId,
        r.CreatedAt, r.VisitedAt, r.ConvertedAt, r.RewardedAt);

    public static async Task<IReadOnlyList<LedgerModel>> LedgerAsync(ReferralsDbContext db, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var contacts = await ContactsAsync(db, entries.Where(e => e.ContactId is not null).Select(e => e.ContactId!.Value), cancellationToken);
        return entries.Select(e =>
        {
            var name = e.ContactId is { } id && contacts.TryGetValue(id, out var c) ? DisplayName(c.FirstName, c.LastName, c.Email) : null;
            return new LedgerModel(e.Id, e.Type, e.Beneficiary, e.ContactId, name, e.CauseId, e.ReferralId, e.OrderId, e.Kind,
                new MoneyModel(e.Amount, e.Currency), e.State, e.HoldUntil, e.RelatedEntryId, e.ExternalRef, e.Note, e.CreatedAt, e.UpdatedAt);
        }).ToList();
    }

    public static async Task<IReadOnlyList<AskModel>> AsksAsync(ReferralsDbContext db, IReadOnlyList<Ask> asks, CancellationToken cancellationToken)
    {
        var contacts = await ContactsAsync(db, asks.Select(a => a.ContactId), cancellationToken);
        return asks.Select(a =>
        {
            contacts.TryGetValue(a.ContactId, out var c);
            return Ask(a, c);
        }).ToList();
    }

    public static AskModel Ask(Ask a, Contact? c) => new(
        a.Id, a.ContactId, c is null ? null : DisplayName(c.FirstName, c.LastName, c.Email), c?.Email, a.Trigger, a.Channel, a.State,
        a.SkipReason, a.DueAt, a.SentAt, a.AnsweredAt, a.ClosedAt, a.Score, a.CreatedAt);

    public static async Task<IReadOnlyList<ReviewItemModel>> ReviewAsync(ReferralsDbContext db, IReadOnlyList<ReviewItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.ReferralId).Distinct().ToList();
        var referrals = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var models = (await ReferralsAsync(db, referrals, cancellationToken)).ToDictionary(r => r.Id);
        return items.Select(i => new ReviewItemModel(
            i.Id, i.ReferralId, i.Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            i.FlaggedAt, i.Deadline, i.Status, i.DecidedBy, i.DecidedAt, i.Note, models.GetValueOrDefault(i.ReferralId))).ToList();
    }
}
