using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using static Referrals.ShopifyBridge.Pages.BridgePage;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>A shop's reward ledger, newest first, filtered by state and paged (<see cref="PageSize"/> entries a page).</summary>
internal static class RewardsPage
{
    public const int PageSize = 25;

    public static async Task<IResult> RenderAsync(string shop, string? state, int? page, HttpContext context, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var (tenant, refusal) = await ShopAccess.FindAsync(context, db, shop, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        LedgerEntryState? filter = Enum.TryParse<LedgerEntryState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var tenantId = tenant.Id;
        var entries = db.Ledger.AsNoTracking().Where(e => e.TenantId == tenantId);
        if (filter is { } f)
        {
            entries = entries.Where(e => e.State == f);
        }

        var total = await entries.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page ?? 1, 1, pages);
        var rows = await entries.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(e => new { e.Type, e.Beneficiary, e.State, e.Kind, e.Amount, e.Currency, e.OrderId, e.CreatedAt, e.HoldUntil })
            .ToListAsync(cancellationToken);

        var path = ShopPages.PathFor(tenant.Key, ShopPages.Rewards);
        var html = new StringBuilder(ShopAccess.Navigation(tenant.Key, "Rewards"));
        html.Append("<form method=\"get\" action=\"").Append(E(path)).Append("\" class=\"inline\"><label for=\"state\">State</label><select id=\"state\" name=\"state\"><option value=\"\">All</option>");
        foreach (var s in Enum.GetValues<LedgerEntryState>())
        {
            html.Append("<option").Append(s == filter ? " selected" : "").Append('>').Append(E(s.ToString())).Append("</option>");
        }

        html.Append("</select><button>Filter</button></form>");
        html.Append("<p>").Append(total.ToString(CultureInfo.InvariantCulture)).Append(total == 1 ? " entry" : " entries").Append(".</p>");
        if (rows.Count > 0)
        {
            // The columns a merchant looks for first come first, so they show on a phone without scrolling.
            html.Append("<div class=\"scroll\"><table class=\"grid\"><thead><tr><th>Order</th><th class=\"num\">Amount</th><th>State</th><th>Created</th><th>For</th><th>Type</th><th>Held until</th></tr></thead><tbody>");
            foreach (var r in rows)
            {
                html.Append("<tr><td>").Append(E(r.OrderId))
                    .Append("</td><td class=\"num\">").Append(E(r.Amount.ToString("0.00", CultureInfo.InvariantCulture))).Append(' ').Append(E(r.Currency))
                    .Append("</td><td>").Append(E(r.State.ToString()))
                    .Append("</td><td>").Append(E(ShopStatusPage.Time(r.CreatedAt)))
                    .Append("</td><td>").Append(E(r.Beneficiary.ToString()))
                    .Append("</td><td>").Append(E(r.Type == LedgerEntryType.Reward ? r.Kind.ToString() : r.Type.ToString()))
                    .Append("</td><td>").Append(E(r.HoldUntil is { } h ? ShopStatusPage.Time(h) : "")).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        if (pages > 1)
        {
            var query = filter is null ? "" : $"state={filter}&";
            html.Append("<nav class=\"pager\">");
            if (current > 1)
            {
                html.Append("<a href=\"").Append(E($"{path}?{query}page={current - 1}")).Append("\">← Newer</a> ");
            }

            html.Append("Page ").Append(current.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(pages.ToString(CultureInfo.InvariantCulture));
            if (current < pages)
            {
                html.Append(" <a href=\"").Append(E($"{path}?{query}page={current + 1}")).Append("\">Older →</a>");
            }

            html.Append("</nav>");
        }

        return Render("Rewards", html.ToString());
    }
}
