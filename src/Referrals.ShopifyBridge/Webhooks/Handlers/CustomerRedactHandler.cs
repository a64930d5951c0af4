using System.Globalization;
using Referrals.Core.Audit;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Privacy;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// <c>customers/redact</c> (mandatory): erases the contacts matching the customer's GID or e-mail and audits it. Runs
/// for uninstalled shops too. Webhook bodies already processed that mention the customer are not erased yet.
/// </summary>
internal sealed class CustomerRedactHandler : ShopifyInboxHandler
{
    private readonly TimeProvider _clock;

    public CustomerRedactHandler(TimeProvider clock, ILogger<CustomerRedactHandler> logger)
        : base(logger)
    {
        _clock = clock;
    }

    protected override bool RunsForUninstalledShops => true;

    public override bool Handles(string topic) => topic == ShopifyTopics.CustomersRedact;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var request = ShopifyPayload.Read(message, ShopifyJsonContext.Default.CompliancePayload);
        ShopCheck.ThrowUnlessPrivacyRequestFor(request.ShopDomain, tenant, message.Topic);
        var now = _clock.GetUtcNow();
        var gid = request.Customer?.Id is { } id ? ShopifyGid.Customer(id) : null;
        var email = EmailNormalizer.Normalize(request.Customer?.Email);
        var erased = gid is null && email is null
            ? 0
            : await ContactRedactor.RedactAsync(db, tenant.Id, ComplianceContacts.Matching(db, tenant, gid, email), now, cancellationToken);

        db.AuditLog.Add(new AuditEntry(tenant.Id, "shopify", "privacy.customer-redact", gid ?? "shopify-customer:unknown",
            string.Create(CultureInfo.InvariantCulture,
                $"Shopify customers/redact: {erased} contact(s) erased (matched by customer id and e-mail); {request.OrdersToRedact?.Count ?? 0} order(s) listed, whose rows hold no personal data."),
            now));
        Logger.LogInformation("Shopify customers/redact for {Shop}: {Erased} contact(s) erased", tenant.Key, erased);
    }
}
