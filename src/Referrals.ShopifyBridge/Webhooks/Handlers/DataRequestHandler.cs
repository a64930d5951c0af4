using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Audit;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// <c>customers/data_request</c> (mandatory): builds the engine's export (<see cref="ContactPrivacy.ExportAsync"/>) of
/// each matching contact and records in the audit log what it holds (counts only). Delivering it to the merchant is not
/// automated yet; the log says so, and Shopify allows 30 days.
/// </summary>
internal sealed class DataRequestHandler : ShopifyInboxHandler
{
    private readonly TimeProvider _clock;
    private readonly ContactPrivacy _privacy;

    public DataRequestHandler(TimeProvider clock, ContactPrivacy privacy, ILogger<DataRequestHandler> logger)
        : base(logger)
    {
        _clock = clock;
        _privacy = privacy;
    }

    protected override bool RunsForUninstalledShops => true;

    public override bool Handles(string topic) => topic == ShopifyTopics.CustomersDataRequest;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var request = ShopifyPayload.Read(message, ShopifyJsonContext.Default.CompliancePayload);
        ShopCheck.ThrowUnlessPrivacyRequestFor(request.ShopDomain, tenant, message.Topic);
        var gid = request.Customer?.Id is { } id ? ShopifyGid.Customer(id) : null;
        var email = EmailNormalizer.Normalize(request.Customer?.Email);
        var ids = gid is null && email is null
            ? []
            : await ContactPrivacy.Matching(db, tenant.Id, ContactExternalId.Shopify, gid, email).Where(c => c.RedactedAt == null).Select(c => c.Id).ToListAsync(cancellationToken);
        int orders = 0, referrals = 0, rewards = 0, messages = 0;
        foreach (var contactId in ids)
        {
            if (await _privacy.ExportAsync(db, tenant.Id, contactId, cancellationToken) is { } export)
            {
                orders += export.Orders.Count;
                referrals += export.ReferralsAsAdvocate.Count + export.ReferralsAsFriend.Count;
                rewards += export.Ledger.Count;
                messages += export.Messages.Count;
            }
        }

        var requestId = request.DataRequest?.Id?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        db.AuditLog.Add(new AuditEntry(tenant.Id, "shopify", "privacy.data-request", "shopify-data-request:" + requestId,
            string.Create(CultureInfo.InvariantCulture,
                $"Shopify customers/data_request for {gid ?? "a customer without id"}: {ids.Count} matching contact(s), {request.OrdersRequested?.Count ?? 0} order(s) requested. The export holds {orders} order(s), {referrals} referral(s), {rewards} ledger entry(ies), {messages} stored message(s). Its delivery is not automated yet; export it and send it to the merchant within 30 days."),
            _clock.GetUtcNow()));
        Logger.LogWarning("Shopify data request {RequestId} for {Shop} recorded ({Matching} matching contacts); the export's delivery is not automated yet", requestId, tenant.Key, ids.Count);
    }
}
