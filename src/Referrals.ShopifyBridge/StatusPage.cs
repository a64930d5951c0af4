using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;

namespace Referrals.ShopifyBridge;

/// <summary>The bridge's front page: what it stores in, and how the inbox, outbox and ledger stand.</summary>
internal static class StatusPage
{
    public static async Task<IResult> RenderAsync(ReferralsDbContext db, MessageQueue<InboxMessage> inbox, MessageQueue<OutboxMessage> outbox, CancellationToken cancellationToken)
    {
        var rows = new List<(string Label, string Value)>
        {
            ("Storage", db.Provider.ToString()),
            ("Connected shops", (await db.Tenants.CountAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture)),
            ("Inbox waiting", (await inbox.CountPendingAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture)),
            ("Inbox dead-lettered", (await inbox.CountDeadLetteredAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture)),
            ("Outbox waiting", (await outbox.CountPendingAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture)),
            ("Outbox dead-lettered", (await outbox.CountDeadLetteredAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture)),
            ("Referrals", (await db.Referrals.CountAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture)),
            ("Rewards pending", (await db.Ledger.CountAsync(e => e.Type == LedgerEntryType.Reward && e.State == LedgerEntryState.Pending, cancellationToken)).ToString(CultureInfo.InvariantCulture)),
            ("Rewards issued", (await db.Ledger.CountAsync(e => e.Type == LedgerEntryType.Reward && e.State == LedgerEntryState.Issued, cancellationToken)).ToString(CultureInfo.InvariantCulture)),
        };

        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ReferralPlugins bridge</title>")
            .Append("<style>body{font:16px system-ui,sans-serif;margin:2rem;color:#1b264f}table{border-collapse:collapse}")
            .Append("td{padding:.35rem 1.2rem .35rem 0;border-bottom:1px solid #e3e6ef}td+td{font-weight:600}</style></head><body>")
            .Append("<h1>ReferralPlugins bridge</h1><p>Running. Connect a Shopify store to start.</p><table>");
        foreach (var (label, value) in rows)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(label)).Append("</td><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
        }

        html.Append("</table><p><a href=\"/healthz\">Health</a></p></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
