using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Privacy;
using static Referrals.ShopifyBridge.Pages.BridgePage;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// The customers' data requests on a shop's status page (newest first, each with a download link) and the download
/// itself: the decrypted export as a JSON attachment, for a merchant of that shop (or the operator) only; an id of
/// another shop is not found. The first download is recorded.
/// </summary>
internal static class DataRequestsSection
{
    public const int ListSize = 100;

    /// <summary>The download path of data request <paramref name="id"/> of <paramref name="shop"/>.</summary>
    public static string DownloadPath(string shop, Guid id) => $"/shops/{Uri.EscapeDataString(shop)}/data-requests/{id:D}";

    public static async Task AppendAsync(StringBuilder html, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Id;
        var rows = await db.DataRequests.AsNoTracking().Where(x => x.TenantId == tenantId)
            .OrderByDescending(x => x.ReceivedAt).ThenBy(x => x.RequestId).Take(ListSize)
            .Select(x => new { x.Id, x.RequestId, x.CustomerRef, x.ContactId, x.ReceivedAt, x.DownloadedAt })
            .ToListAsync(cancellationToken);
        html.Append("<h2>Customer data requests</h2>");
        if (rows.Count == 0)
        {
            html.Append("<p>None. When a customer asks you for their data, Shopify tells the app and the export appears here.</p>");
            return;
        }

        html.Append("<p>Send each export to the customer who asked, within 30 days of the request.</p>")
            .Append("<div class=\"scroll\"><table class=\"grid\"><thead><tr><th>Received</th><th>Request</th><th>Customer</th><th>Export</th><th>Downloaded</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr><td>").Append(E(ShopStatusPage.Time(row.ReceivedAt))).Append("</td><td>").Append(E(row.RequestId))
                .Append("</td><td>").Append(E(row.CustomerRef ?? "(e-mail only)")).Append("</td><td><a href=\"")
                .Append(E(DownloadPath(tenant.Key, row.Id))).Append("\">").Append(row.ContactId is null ? "Download (no data held)" : "Download JSON")
                .Append("</a></td><td>").Append(E(row.DownloadedAt is { } at ? ShopStatusPage.Time(at) : "not yet")).Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    public static async Task<IResult> DownloadAsync(string shop, Guid id, HttpContext context, ReferralsDbContext db, DataRequestProtector protector,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (tenant, refusal) = await ShopAccess.FindAsync(context, db, shop, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        var tenantId = tenant.Id;
        var request = await db.DataRequests.SingleOrDefaultAsync(x => x.Id == id && x.TenantId == tenantId, cancellationToken);
        if (request is null)
        {
            return Error("Unknown data request", "This shop has no such data request (it may have been erased on the customer's request).", StatusCodes.Status404NotFound);
        }

        string json;
        try
        {
            json = protector.Unprotect(request.ProtectedExport);
        }
        catch (CryptographicException)
        {
            return Error("Export unreadable", "The export was encrypted with keys this bridge no longer has. Ask the customer to request their data again.", StatusCodes.Status500InternalServerError);
        }

        request.MarkDownloaded(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        loggers.CreateLogger(typeof(DataRequestsSection)).LogInformation("Data request {RequestId} of {Shop} downloaded by {User}", request.RequestId, tenant.Key, context.User.Identity?.Name);
        context.Response.Headers.CacheControl = "no-store";
        var name = string.Create(CultureInfo.InvariantCulture, $"data-request-{request.RequestId}-{request.Id:N}.json");
        return Results.File(Encoding.UTF8.GetBytes(json), "application/json", name);
    }
}
