using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using static Referrals.ShopifyBridge.Pages.BridgePage;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// One shop's webhook and queue health: per topic the last delivery, failed attempts, dead letters and backlog; the
/// outbox backlog per kind; the dead letters with a retry button; and customers' data requests to download. Counts are SQL aggregates; only the newest
/// <see cref="DeadLetterListSize"/> dead letters of each queue are loaded.
/// </summary>
internal static class ShopStatusPage
{
    public const int DeadLetterListSize = 50;

    public const string InboxQueue = "inbox";
    public const string OutboxQueue = "outbox";

    private sealed record Backlog(string Name, int Total, long LastId, int Failures, int Dead, int Pending, int Claimed);

    private sealed record DeadLetter(long Id, string What, DateTimeOffset At, int Attempts, string? Error);

    public static async Task<IResult> RenderAsync(string shop, HttpContext context, IAntiforgery antiforgery, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (tenant, refusal) = await ShopAccess.FindAsync(context, db, shop, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        var now = clock.GetUtcNow();
        var key = tenant.Key;
        var topics = await db.Inbox.AsNoTracking().Where(m => m.TenantKey == key).GroupBy(m => m.Topic)
            .Select(g => new Backlog(
                g.Key,
                g.Count(),
                g.Max(m => m.Id),
                g.Sum(m => m.Attempts),
                g.Count(m => m.DeadLetteredAt != null),
                g.Count(m => m.ProcessedAt == null && m.DeadLetteredAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now)),
                g.Count(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.ClaimedUntil != null && m.ClaimedUntil >= now)))
            .ToListAsync(cancellationToken);
        // Ids grow with arrival, so each topic's newest row is its last delivery: one small lookup, not a scan.
        var lastIds = topics.Select(t => t.LastId).ToList();
        var lastDelivery = await db.Inbox.AsNoTracking().Where(m => lastIds.Contains(m.Id))
            .Select(m => new { m.Topic, m.ReceivedAt }).ToDictionaryAsync(m => m.Topic, m => m.ReceivedAt, cancellationToken);

        var tenantId = tenant.Id;
        var outbox = await db.Outbox.AsNoTracking().Where(m => m.TenantId == tenantId).GroupBy(m => m.Kind)
            .Select(g => new Backlog(
                g.Key,
                g.Count(),
                g.Max(m => m.Id),
                g.Sum(m => m.Attempts),
                g.Count(m => m.DeadLetteredAt != null),
                g.Count(m => m.ProcessedAt == null && m.DeadLetteredAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now)),
                g.Count(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.ClaimedUntil != null && m.ClaimedUntil >= now)))
            .ToListAsync(cancellationToken);

        var deadInbox = await db.Inbox.AsNoTracking().Where(m => m.TenantKey == key && m.DeadLetteredAt != null)
            .OrderByDescending(m => m.Id).Take(DeadLetterListSize)
            .Select(m => new DeadLetter(m.Id, m.Topic, m.ReceivedAt, m.Attempts, m.LastError)).ToListAsync(cancellationToken);
        var deadOutbox = await db.Outbox.AsNoTracking().Where(m => m.TenantId == tenantId && m.DeadLetteredAt != null)
            .OrderByDescending(m => m.Id).Take(DeadLetterListSize)
            .Select(m => new DeadLetter(m.Id, m.Kind, m.CreatedAt, m.Attempts, m.LastError)).ToListAsync(cancellationToken);

        var html = new StringBuilder(ShopAccess.Navigation(key, "Status"));
        html.Append("<h2>Webhooks</h2>");
        if (topics.Count == 0)
        {
            html.Append("<p>No webhook has arrived for this shop yet.</p>");
        }
        else
        {
            html.Append("<div class=\"scroll\"><table class=\"grid\"><thead><tr><th>Topic</th><th>Last delivery</th><th class=\"num\">Received</th><th class=\"num\">Failed attempts</th><th class=\"num\">Dead</th><th class=\"num\">Pending</th><th class=\"num\">Claimed</th></tr></thead><tbody>");
            foreach (var t in topics.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                html.Append("<tr><td>").Append(E(t.Name)).Append("</td><td>").Append(E(lastDelivery.TryGetValue(t.Name, out var at) ? Time(at) : "")).Append("</td>");
                AppendCounts(html, t.Total, t.Failures, t.Dead, t.Pending, t.Claimed);
            }

            html.Append("</tbody></table></div>");
        }

        html.Append("<h2>Outbox</h2>");
        if (outbox.Count == 0)
        {
            html.Append("<p>Nothing has been sent for this shop yet.</p>");
        }
        else
        {
            html.Append("<div class=\"scroll\"><table class=\"grid\"><thead><tr><th>Kind</th><th class=\"num\">Total</th><th class=\"num\">Failed attempts</th><th class=\"num\">Dead</th><th class=\"num\">Pending</th><th class=\"num\">Claimed</th></tr></thead><tbody>");
            foreach (var o in outbox.OrderBy(o => o.Name, StringComparer.Ordinal))
            {
                html.Append("<tr><td>").Append(E(o.Name)).Append("</td>");
                AppendCounts(html, o.Total, o.Failures, o.Dead, o.Pending, o.Claimed);
            }

            html.Append("</tbody></table></div>");
        }

        var token = ShopAccess.TokenField(context, antiforgery);
        AppendDeadLetters(html, "Dead-lettered webhooks", key, InboxQueue, deadInbox, token);
        AppendDeadLetters(html, "Dead-lettered outgoing calls", key, OutboxQueue, deadOutbox, token);
        await DataRequestsSection.AppendAsync(html, db, tenant, cancellationToken);
        return Render("Status", html.ToString());
    }

    public static async Task<IResult> RetryAsync(string shop, string queue, long id, HttpContext context, IAntiforgery antiforgery, ReferralsDbContext db,
        MessageQueue<InboxMessage> inbox, MessageQueue<OutboxMessage> outbox, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await ShopAccess.CheckFormAsync(context, antiforgery) is { } expired)
        {
            return expired;
        }

        var (tenant, refusal) = await ShopAccess.FindAsync(context, db, shop, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        // The row must be this shop's: a merchant cannot requeue another shop's message by guessing ids.
        var key = tenant.Key;
        var tenantId = tenant.Id;
        var requeued = queue switch
        {
            InboxQueue => await db.Inbox.AnyAsync(m => m.Id == id && m.TenantKey == key, cancellationToken) && await inbox.RequeueDeadLetterAsync(id, cancellationToken),
            OutboxQueue => await db.Outbox.AnyAsync(m => m.Id == id && m.TenantId == tenantId, cancellationToken) && await outbox.RequeueDeadLetterAsync(id, cancellationToken),
            _ => false,
        };
        if (!requeued)
        {
            return Error("Nothing to retry", "That message is not a dead letter of this shop (it may have been retried already).", StatusCodes.Status404NotFound);
        }

        loggers.CreateLogger(typeof(ShopStatusPage)).LogInformation("Dead letter {Queue} {MessageId} of {Shop} requeued by {User}", queue, id, key, context.User.Identity?.Name);
        return Results.Redirect(ShopPages.PathFor(key, ShopPages.Status) + "?retried=" + id.ToString(CultureInfo.InvariantCulture));
    }

    private static void AppendCounts(StringBuilder html, int total, int failures, int dead, int pending, int claimed)
    {
        foreach (var n in new[] { total, failures, dead, pending, claimed })
        {
            html.Append("<td class=\"num\">").Append(n.ToString(CultureInfo.InvariantCulture)).Append("</td>");
        }

        html.Append("</tr>");
    }

    private static void AppendDeadLetters(StringBuilder html, string title, string shop, string queue, IReadOnlyList<DeadLetter> rows, string token)
    {
        html.Append("<h2>").Append(E(title)).Append("</h2>");
        if (rows.Count == 0)
        {
            html.Append("<p>None.</p>");
            return;
        }

        html.Append("<ul class=\"cards\">");
        foreach (var row in rows)
        {
            var id = row.Id.ToString(CultureInfo.InvariantCulture);
            html.Append("<li><strong>").Append(E(row.What)).Append("</strong> #").Append(id)
                .Append("<br><small>").Append(E(Time(row.At))).Append(" · ").Append(row.Attempts.ToString(CultureInfo.InvariantCulture)).Append(" failed attempts</small>")
                .Append("<pre>").Append(E(row.Error)).Append("</pre>")
                .Append("<form method=\"post\" action=\"").Append(E($"/shops/{Uri.EscapeDataString(shop)}/dead-letters/{queue}/{id}/retry")).Append("\">")
                .Append(token).Append("<button>Retry</button></form></li>");
        }

        html.Append("</ul>");
    }

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
