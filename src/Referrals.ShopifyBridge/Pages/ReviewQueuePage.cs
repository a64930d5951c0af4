using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Review;
using static Referrals.ShopifyBridge.Pages.BridgePage;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// A shop's flagged referrals, soonest deadline first, each with its reasons and an approve / reject form (a reject
/// needs a reason). Decisions go through <see cref="ReviewQueue"/>, which audits them.
/// </summary>
internal static class ReviewQueuePage
{
    public const int PageSize = 50;

    public static async Task<IResult> RenderAsync(string shop, HttpContext context, IAntiforgery antiforgery, ReferralsDbContext db, CancellationToken cancellationToken) =>
        await RenderAsync(shop, context, antiforgery, db, message: null, StatusCodes.Status200OK, cancellationToken);

    public static async Task<IResult> DecideAsync(string shop, Guid itemId, HttpContext context, IAntiforgery antiforgery, ReferralsDbContext db, ReviewQueue queue, CancellationToken cancellationToken)
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

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var approve = form["decision"] == "approve";
        var note = form["note"].ToString().Trim();
        var actor = context.User.Identity?.Name ?? tenant.Key;
        try
        {
            await queue.DecideAsync(db, tenant.Id, itemId, approve, actor, note.Length == 0 ? null : note, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            db.ChangeTracker.Clear();
            return await RenderAsync(shop, context, antiforgery, db, ("error", ex.Message.Split(" (Parameter", 2)[0]), StatusCodes.Status400BadRequest, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return Error("Not found", "That review item does not exist for this shop.", StatusCodes.Status404NotFound);
        }
        catch (InvalidOperationException)
        {
            db.ChangeTracker.Clear();
            return await RenderAsync(shop, context, antiforgery, db, ("error", "Someone decided on that referral already."), StatusCodes.Status409Conflict, cancellationToken);
        }

        return Results.Redirect(ShopPages.PathFor(tenant.Key, ShopPages.Review) + (approve ? "?done=approved" : "?done=rejected"));
    }

    private static async Task<IResult> RenderAsync(string shop, HttpContext context, IAntiforgery antiforgery, ReferralsDbContext db, (string Class, string Text)? message, int status, CancellationToken cancellationToken)
    {
        var (tenant, refusal) = await ShopAccess.FindAsync(context, db, shop, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        var tenantId = tenant.Id;
        var open = db.ReviewItems.AsNoTracking().Where(i => i.TenantId == tenantId && i.Status == ReviewStatus.Open);
        var total = await open.CountAsync(cancellationToken);
        var items = await open.OrderBy(i => i.Deadline).Take(PageSize).ToListAsync(cancellationToken);

        var html = new StringBuilder(ShopAccess.Navigation(tenant.Key, "Review"));
        if (message is { } m)
        {
            html.Append("<p class=\"").Append(m.Class).Append("\">").Append(E(m.Text)).Append("</p>");
        }
        else if (context.Request.Query["done"] is { Count: > 0 } done)
        {
            html.Append("<p class=\"ok\">The referral was ").Append(E(done.ToString())).Append(".</p>");
        }

        html.Append("<p>").Append(total.ToString(CultureInfo.InvariantCulture)).Append(total == 1 ? " referral waits" : " referrals wait")
            .Append(" for a decision. Undecided referrals follow the program's lapse policy (")
            .Append(E(tenant.Settings.ReviewLapsePolicy.ToString())).Append(") after their deadline.</p>");
        if (total > items.Count)
        {
            html.Append("<p>The ").Append(PageSize.ToString(CultureInfo.InvariantCulture)).Append(" with the nearest deadline are shown.</p>");
        }

        var token = ShopAccess.TokenField(context, antiforgery);
        html.Append("<ul class=\"cards\">");
        foreach (var item in items)
        {
            html.Append("<li><strong>Referral ").Append(E(item.ReferralId.ToString("N")[..8])).Append("</strong>")
                .Append("<br><small>Flagged <span class=\"nowrap\">").Append(E(ShopStatusPage.Time(item.FlaggedAt))).Append("</span> · decide by <span class=\"nowrap\">").Append(E(ShopStatusPage.Time(item.Deadline))).Append("</span></small>")
                .Append("<p>").Append(E(item.Reasons)).Append("</p>")
                .Append("<form method=\"post\" action=\"").Append(E($"{ShopPages.PathFor(tenant.Key, ShopPages.Review)}/{item.Id}")).Append("\">").Append(token)
                .Append("<label for=\"note-").Append(item.Id).Append("\">Reason (needed to reject)</label>")
                .Append("<input id=\"note-").Append(item.Id).Append("\" name=\"note\" maxlength=\"500\">")
                .Append("<div class=\"actions\"><button name=\"decision\" value=\"approve\">Approve</button> <button name=\"decision\" value=\"reject\" class=\"danger\">Reject</button></div></form></li>");
        }

        html.Append("</ul>");
        return Render("Review queue", html.ToString(), status);
    }
}
