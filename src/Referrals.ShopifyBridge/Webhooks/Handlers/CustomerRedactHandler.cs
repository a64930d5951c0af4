using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// <c>customers/redact</c> (mandatory): erases, through the engine's <see cref="ContactPrivacy"/>, the contacts matching
/// the customer's GID or e-mail everywhere they are stored (stored webhook bodies included) and audits it. Runs for
/// uninstalled shops too.
/// </summary>
internal sealed class CustomerRedactHandler : ShopifyInboxHandler
{
    private readonly ContactPrivacy _privacy;

    public CustomerRedactHandler(ContactPrivacy privacy, ILogger<CustomerRedactHandler> logger)
        : base(logger)
    {
        _privacy = privacy;
    }

    protected override bool RunsForUninstalledShops => true;

    public override bool Handles(string topic) => topic == ShopifyTopics.CustomersRedact;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var request = ShopifyPayload.Read(message, ShopifyJsonContext.Default.CompliancePayload);
        ShopCheck.ThrowUnlessPrivacyRequestFor(request.ShopDomain, tenant, message.Topic);
        var gid = request.Customer?.Id is { } id ? ShopifyGid.Customer(id) : null;
        var email = EmailNormalizer.Normalize(request.Customer?.Email);
        var ids = gid is null && email is null
            ? []
            : await ContactPrivacy.Matching(db, tenant.Id, ContactExternalId.Shopify, gid, email).Select(c => c.Id).ToListAsync(cancellationToken);

        // The audit subject is Shopify's own id for the request's customer: the merchant's proof of compliance.
        var result = await _privacy.RedactAsync(db, tenant.Id, ids, new RedactionRequest("shopify", "privacy.customer-redact", gid ?? "shopify-customer:unknown",
            string.Create(CultureInfo.InvariantCulture,
                $"Shopify customers/redact, matched by customer id and e-mail; {request.OrdersToRedact?.Count ?? 0} order(s) listed, whose rows hold no personal data."))
            {
                HandlingInboxMessageId = message.Id,
            },
            cancellationToken);
        Logger.LogInformation("Shopify customers/redact for {Shop}: {Erased} contact(s) erased, {Rows} row(s) changed", tenant.Key, result.ContactsErased, result.TotalRows);
    }
}
