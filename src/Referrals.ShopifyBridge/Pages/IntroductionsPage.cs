using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using static Referrals.ShopifyBridge.Pages.BridgePage;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// A shop's introductions (<see cref="ReferralSource.Named"/> referrals: "Who do you know who…"), newest first,
/// <see cref="PageSize"/> a page: the advocate, the friend masked, where the referral is, what became of the
/// introduction e-mail and when. The friend is masked because the page needs only to tell introductions apart; the
/// engine keeps the friend's address for the one e-mail and for matching their first order, nothing more.
/// </summary>
internal static class IntroductionsPage
{
    public const int PageSize = 25;

    private sealed record Row(Guid Id, Guid AdvocateId, string? FriendName, string? FriendEmail, ReferralState State, DateTimeOffset CreatedAt);

    private sealed record Email(string Key, DateTimeOffset? ProcessedAt, DateTimeOffset? DeadLetteredAt);

    public static async Task<IResult> RenderAsync(string shop, int? page, HttpContext context, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var (tenant, refusal) = await ShopAccess.FindAsync(context, db, shop, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        var tenantId = tenant.Id;
        var named = db.Referrals.AsNoTracking().Where(r => r.TenantId == tenantId && r.Source == ReferralSource.Named);
        var total = await named.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page ?? 1, 1, pages);
        var rows = await named.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Id, r.AdvocateContactId, r.FriendName, r.FriendNormalizedEmail, r.State, r.CreatedAt))
            .ToListAsync(cancellationToken);

        var advocateIds = rows.Select(r => r.AdvocateId).Distinct().ToList();
        var advocates = await db.Contacts.AsNoTracking().Where(c => c.TenantId == tenantId && advocateIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.NormalizedEmail, c.RedactedAt })
            .ToDictionaryAsync(c => c.Id, c => c.RedactedAt != null ? "(erased)" : AdvocateName(c.FirstName, c.LastName, c.NormalizedEmail), cancellationToken);

        // The page's e-mails: keys start with the referral's idempotency key; one bounded query by time, matched here.
        var since = rows.Count == 0 ? DateTimeOffset.MaxValue : rows.Min(r => r.CreatedAt);
        List<Email> emails = rows.Count == 0 ? [] : await db.Outbox.AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.Kind == Introductions.EmailKind && m.CreatedAt >= since)
            .Select(m => new Email(m.IdempotencyKey, m.ProcessedAt, m.DeadLetteredAt))
            .ToListAsync(cancellationToken);

        // Opt-outs are kept by a hash of the address, never the address: hash the page's friends to find theirs.
        var hashes = rows.Where(r => r.FriendEmail is not null).Select(r => FriendEmailHash.Compute(tenantId, r.FriendEmail!)).Distinct().ToList();
        var optedOut = (await db.FriendSuppressions.AsNoTracking()
            .Where(s => s.TenantId == tenantId && hashes.Contains(s.EmailHash) && s.OptedOutAt != null)
            .Select(s => s.EmailHash).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var path = ShopPages.PathFor(tenant.Key, ShopPages.Introductions);
        var html = new StringBuilder(ShopAccess.Navigation(tenant.Key, "Introductions"));
        html.Append("<p>").Append(total.ToString(CultureInfo.InvariantCulture)).Append(total == 1 ? " introduction" : " introductions")
            .Append(". Advocates introduce friends from the storefront's invite page; each friend gets one e-mail in the advocate's name.</p>");
        if (rows.Count > 0)
        {
            html.Append("<div class=\"scroll\"><table class=\"grid\"><thead><tr><th>Advocate</th><th>Friend</th><th>Introduction</th><th>Referral</th><th>Date</th></tr></thead><tbody>");
            foreach (var r in rows)
            {
                var prefix = Introductions.IdempotencyKey(r.Id);
                var mine = emails.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                var optOut = r.FriendEmail is not null && optedOut.Contains(FriendEmailHash.Compute(tenantId, r.FriendEmail));
                // What a merchant looks for first comes first, so it shows on a phone without scrolling.
                html.Append("<tr><td>").Append(E(advocates.GetValueOrDefault(r.AdvocateId, "(unknown)")))
                    .Append("</td><td>").Append(E(MaskFriend(r.FriendName, r.FriendEmail)))
                    .Append("</td><td>").Append(E(EmailStatus(mine, optOut)))
                    .Append("</td><td>").Append(E(r.State.ToString()))
                    .Append("</td><td title=\"").Append(E(ShopStatusPage.Time(r.CreatedAt))).Append("\">")
                    .Append(E(r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        if (pages > 1)
        {
            html.Append("<nav class=\"pager\">");
            if (current > 1)
            {
                html.Append("<a href=\"").Append(E($"{path}?page={current - 1}")).Append("\">← Newer</a> ");
            }

            html.Append("Page ").Append(current.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(pages.ToString(CultureInfo.InvariantCulture));
            if (current < pages)
            {
                html.Append(" <a href=\"").Append(E($"{path}?page={current + 1}")).Append("\">Older →</a>");
            }

            html.Append("</nav>");
        }

        return Render("Introductions", html.ToString());
    }

    /// <summary>
    /// The friend as the page shows them: the first letter of the name and of the address's local part, and the
    /// address's domain (<c>C… (c…@example.com)</c>); "(erased)" once the retention job erased them.
    /// </summary>
    public static string MaskFriend(string? name, string? normalizedEmail)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(name))
        {
            parts.Add(char.ToUpperInvariant(name.Trim()[0]) + "…");
        }

        if (!string.IsNullOrWhiteSpace(normalizedEmail))
        {
            var at = normalizedEmail.LastIndexOf('@');
            parts.Add(at > 0 ? normalizedEmail[0] + "…" + normalizedEmail[at..] : "…");
        }

        return parts.Count switch
        {
            0 => "(erased)",
            1 => parts[0],
            _ => $"{parts[0]} ({parts[1]})",
        };
    }

    private static string AdvocateName(string? first, string? last, string? email)
    {
        var name = $"{first?.Trim()} {last?.Trim()}".Trim();
        return name.Length > 0 ? name : email ?? "(no name)";
    }

    // Newest attempt first: a friend introduced again after the cool-down has a second e-mail on the same referral.
    private static string EmailStatus(List<Email> emails, bool optedOut)
    {
        var latest = emails.OrderByDescending(e => e.Key, StringComparer.Ordinal).FirstOrDefault();
        var status = latest switch
        {
            null => "Recorded, no e-mail",
            { ProcessedAt: not null } => "E-mail sent",
            { DeadLetteredAt: not null } => "E-mail failed (see Status)",
            _ => "E-mail queued",
        };
        return optedOut ? status + "; friend opted out" : status;
    }
}
