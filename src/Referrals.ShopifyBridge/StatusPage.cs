using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Connections;
using Referrals.ShopifyBridge.Merchants;
using Referrals.ShopifyBridge.OAuth;
using static Referrals.ShopifyBridge.Pages.BridgePage;

namespace Referrals.ShopifyBridge;

/// <summary>
/// The bridge's front page (merchants and the operator only): the connection of the signed-in merchant's shop (the
/// operator sees every shop), with a reconnect link when it needs re-authorisation, and, for the operator only, how the
/// storage, inbox, outbox and ledger stand (those figures span every shop).
/// </summary>
internal static class StatusPage
{
    public static async Task<IResult> RenderAsync(HttpContext context, IAntiforgery antiforgery, ReferralsDbContext db, MessageQueue<InboxMessage> inbox,
        MessageQueue<OutboxMessage> outbox, CancellationToken cancellationToken)
    {
        var operatorView = context.User.IsInRole(MerchantAuthorization.OperatorRole);
        var shop = context.User.FindFirstValue(MerchantAuthorization.ShopClaim);
        var connections = await db.TenantConnections.AsNoTracking()
            .Where(c => operatorView || c.TenantKey == shop)
            .OrderBy(c => c.TenantKey)
            .Select(c => new { c.TenantKey, c.Mode, c.Status, c.StatusReason })
            .ToListAsync(cancellationToken);

        // The engine's figures span every shop: only the operator sees them.
        var rows = !operatorView ? [] : new List<(string Label, string Value)>
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

        var html = new StringBuilder();
        html.Append("<p>Signed in as ").Append(E(operatorView ? "the operator" : shop)).Append(".</p>");
        html.Append("<h2>Shops</h2>");
        if (connections.Count == 0)
        {
            html.Append("<p>No shop is connected yet.</p>");
        }
        else
        {
            html.Append("<table>");
            foreach (var c in connections)
            {
                var state = c.Status == ConnectionStatus.Connected
                    ? $"Connected ({c.Mode})"
                    : $"Needs re-authorisation: {c.StatusReason}";
                html.Append("<tr><td><a href=\"").Append(E(Pages.ShopPages.PathFor(c.TenantKey, Pages.ShopPages.Status))).Append("\">").Append(E(c.TenantKey)).Append("</a></td><td>").Append(E(state));
                if (c.Status == ConnectionStatus.NeedsReauthorization && c.Mode == ConnectionMode.OAuth)
                {
                    html.Append(" <a href=\"").Append(E($"{ShopifyOAuthEndpoints.InstallPath}?shop={Uri.EscapeDataString(c.TenantKey)}")).Append("\">Reconnect</a>");
                }

                html.Append("</td></tr>");
            }

            html.Append("</table>");
        }

        if (operatorView)
        {
            html.Append("<p><a href=\"").Append(CustomAppEndpoints.Path).Append("\">Connect a shop with a custom app</a></p>");
        }

        if (rows.Count > 0)
        {
            html.Append("<h2>Engine</h2><table>");
            foreach (var (label, value) in rows)
            {
                html.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(E(value)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        html.Append("<p><a href=\"/healthz\">Health</a></p>")
            .Append("<form method=\"post\" action=\"").Append(MerchantAuthorization.LogoutPath).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken)).Append("\">")
            .Append("<button>Sign out</button></form>");
        return Render("ReferralPlugins bridge", html.ToString());
    }
}
