using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// <c>shop/redact</c> (mandatory, 48 hours after uninstall): erases every contact of the shop, the friend details of
/// its referrals, and the bodies of its stored webhooks (waiting ones are settled unhandled), through the engine's
/// <see cref="ContactPrivacy"/>, and audits it. Anonymous figures (orders, ledger) stay; the shop/redact delivery itself,
/// which names only the shop, is kept as the record of the request.
/// </summary>
internal sealed class ShopRedactHandler : ShopifyInboxHandler
{
    private readonly ContactPrivacy _privacy;

    public ShopRedactHandler(ContactPrivacy privacy, ILogger<ShopRedactHandler> logger)
        : base(logger)
    {
        _privacy = privacy;
    }

    protected override bool RunsForUninstalledShops => true;

    public override bool Handles(string topic) => topic == ShopifyTopics.ShopRedact;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var request = ShopifyPayload.Read(message, ShopifyJsonContext.Default.CompliancePayload);
        ShopCheck.ThrowUnlessPrivacyRequestFor(request.ShopDomain, tenant, message.Topic);
        var result = await _privacy.RedactTenantAsync(db, tenant.Id,
            new RedactionRequest("shopify", "privacy.shop-redact", tenant.Key, "Shopify shop/redact.") { KeepInboxMessageId = message.Id }, cancellationToken);
        Logger.LogInformation("Shopify shop/redact for {Shop}: {Erased} contact(s) erased, {Rows} row(s) changed", tenant.Key, result.ContactsErased, result.TotalRows);
    }
}
