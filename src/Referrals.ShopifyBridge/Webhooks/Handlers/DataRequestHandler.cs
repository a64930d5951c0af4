using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Audit;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Privacy;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// <c>customers/data_request</c> (mandatory): builds the engine's export (<see cref="ContactPrivacy.ExportAsync"/>) of
/// each matching contact and keeps it, encrypted, as a <see cref="DataRequest"/> that the merchant downloads from the
/// shop's status page and sends to the customer (Shopify expects the app to deliver the data to the merchant within
/// 30 days). A request that matches nobody is kept too, with an export that says no data is held. The audit log
/// records counts only.
/// </summary>
/// <remarks>Idempotent: a request already kept (same Shopify request id) is not kept again.</remarks>
internal sealed class DataRequestHandler : ShopifyInboxHandler
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly TimeProvider _clock;
    private readonly ContactPrivacy _privacy;
    private readonly DataRequestProtector _protector;

    public DataRequestHandler(TimeProvider clock, ContactPrivacy privacy, DataRequestProtector protector, ILogger<DataRequestHandler> logger)
        : base(logger)
    {
        _clock = clock;
        _privacy = privacy;
        _protector = protector;
    }

    protected override bool RunsForUninstalledShops => true;

    public override bool Handles(string topic) => topic == ShopifyTopics.CustomersDataRequest;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var request = ShopifyPayload.Read(message, ShopifyJsonContext.Default.CompliancePayload);
        ShopCheck.ThrowUnlessPrivacyRequestFor(request.ShopDomain, tenant, message.Topic);
        var requestId = request.DataRequest?.Id?.ToString(CultureInfo.InvariantCulture)
            ?? throw new PermanentMessageException($"The {message.Topic} webhook {message.Id} carries no data_request.id; it cannot be answered.");
        if (await db.DataRequests.AnyAsync(x => x.TenantId == tenant.Id && x.RequestId == requestId, cancellationToken))
        {
            Logger.LogInformation("Shopify data request {RequestId} for {Shop} was kept before; nothing to do", requestId, tenant.Key);
            return;
        }

        var gid = request.Customer?.Id is { } id ? ShopifyGid.Customer(id) : null;
        var email = EmailNormalizer.Normalize(request.Customer?.Email);
        var ids = gid is null && email is null
            ? []
            : await ContactPrivacy.Matching(db, tenant.Id, ContactExternalId.Shopify, gid, email).Where(c => c.RedactedAt == null).Select(c => c.Id).ToListAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        int kept = 0, orders = 0, referrals = 0, rewards = 0, messages = 0;
        foreach (var contactId in ids)
        {
            if (await _privacy.ExportAsync(db, tenant.Id, contactId, cancellationToken) is not { } export)
            {
                continue;
            }

            orders += export.Orders.Count;
            referrals += export.ReferralsAsAdvocate.Count + export.ReferralsAsFriend.Count;
            rewards += export.Ledger.Count;
            messages += export.Messages.Count;
            db.DataRequests.Add(new DataRequest(tenant.Id, requestId, contactId, gid, _protector.Protect(ContactExportJson.Serialize(export)), now));
            kept++;
        }

        if (kept == 0)
        {
            db.DataRequests.Add(new DataRequest(tenant.Id, requestId, null, gid, _protector.Protect(NothingHeld(request, requestId, now)), now));
        }

        db.AuditLog.Add(new AuditEntry(tenant.Id, "shopify", "privacy.data-request", "shopify-data-request:" + requestId,
            string.Create(CultureInfo.InvariantCulture,
                $"Shopify customers/data_request for {gid ?? "a customer without id"}: {kept} matching contact(s), {request.OrdersRequested?.Count ?? 0} order(s) requested. The export holds {orders} order(s), {referrals} referral(s), {rewards} ledger entry(ies), {messages} stored message(s); it is kept encrypted for the merchant to download from the status page."),
            now));
        Logger.LogInformation("Shopify data request {RequestId} for {Shop} kept for the merchant ({Matching} matching contacts)", requestId, tenant.Key, kept);
    }

    // What the merchant passes on when nothing matched: who asked, and that the program holds nothing on them.
    private static string NothingHeld(CompliancePayload request, string requestId, DateTimeOffset now) => new JsonObject
    {
        ["dataRequestId"] = requestId,
        ["exportedAt"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["customer"] = new JsonObject
        {
            ["id"] = request.Customer?.Id,
            ["email"] = request.Customer?.Email,
            ["phone"] = request.Customer?.Phone,
        },
        ["ordersRequested"] = new JsonArray([.. (request.OrdersRequested ?? []).Select(o => (JsonNode?)JsonValue.Create(o))]),
        ["contacts"] = new JsonArray(),
        ["note"] = "The referral program holds no personal data on this customer.",
    }.ToJsonString(Indented);
}
