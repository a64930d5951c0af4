using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Audit;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// <c>customers/data_request</c> (mandatory): records that a customer asked for their data, with how many contacts
/// match, in the audit log. Building and sending the export to the merchant is the privacy feature's job and is not
/// done here yet; the log says so, and Shopify allows 30 days.
/// </summary>
internal sealed class DataRequestHandler : ShopifyInboxHandler
{
    private readonly TimeProvider _clock;

    public DataRequestHandler(TimeProvider clock, ILogger<DataRequestHandler> logger)
        : base(logger)
    {
        _clock = clock;
    }

    protected override bool RunsForUninstalledShops => true;

    public override bool Handles(string topic) => topic == ShopifyTopics.CustomersDataRequest;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var request = ShopifyPayload.Read(message, ShopifyJsonContext.Default.CompliancePayload);
        ShopCheck.ThrowUnlessPrivacyRequestFor(request.ShopDomain, tenant, message.Topic);
        var gid = request.Customer?.Id is { } id ? ShopifyGid.Customer(id) : null;
        var email = EmailNormalizer.Normalize(request.Customer?.Email);
        var matching = gid is null && email is null
            ? 0
            : await ComplianceContacts.Matching(db, tenant, gid, email).CountAsync(c => c.RedactedAt == null, cancellationToken);
        var requestId = request.DataRequest?.Id?.ToString(CultureInfo.InvariantCulture) ?? "unknown";

        db.AuditLog.Add(new AuditEntry(tenant.Id, "shopify", "privacy.data-request", "shopify-data-request:" + requestId,
            string.Create(CultureInfo.InvariantCulture,
                $"Shopify customers/data_request for {gid ?? "a customer without id"}: {matching} matching contact(s), {request.OrdersRequested?.Count ?? 0} order(s) requested. The export is not automated yet; send it to the merchant within 30 days."),
            _clock.GetUtcNow()));
        Logger.LogWarning("Shopify data request {RequestId} for {Shop} recorded ({Matching} matching contacts); the export is not automated yet", requestId, tenant.Key, matching);
    }
}
