using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Audit;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Privacy;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// <c>shop/redact</c> (mandatory, 48 hours after uninstall): erases every contact of the shop, the friend details of
/// its referrals, and the bodies of its handled webhooks, and audits it. Anonymous figures (orders, ledger) stay.
/// </summary>
internal sealed class ShopRedactHandler : ShopifyInboxHandler
{
    private readonly TimeProvider _clock;

    public ShopRedactHandler(TimeProvider clock, ILogger<ShopRedactHandler> logger)
        : base(logger)
    {
        _clock = clock;
    }

    protected override bool RunsForUninstalledShops => true;

    public override bool Handles(string topic) => topic == ShopifyTopics.ShopRedact;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var request = ShopifyPayload.Read(message, ShopifyJsonContext.Default.CompliancePayload);
        ShopCheck.ThrowUnlessPrivacyRequestFor(request.ShopDomain, tenant, message.Topic);
        var now = _clock.GetUtcNow();
        var erased = await ContactRedactor.RedactAsync(db, tenant.Id, db.Contacts.Where(c => c.TenantId == tenant.Id), now, cancellationToken);

        // Friends invited by name and e-mail who never became contacts.
        await db.Referrals.Where(r => r.TenantId == tenant.Id && (r.FriendName != null || r.FriendEmail != null || r.FriendNormalizedEmail != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.FriendName, (string?)null)
                .SetProperty(r => r.FriendEmail, (string?)null)
                .SetProperty(r => r.FriendNormalizedEmail, (string?)null), cancellationToken);

        // Stored bodies of orders and customers hold the same personal data. Rows stay (their delivery ids keep
        // duplicates out); waiting ones are left to be handled (and skipped, the shop being uninstalled).
        var emptied = await db.Inbox
            .Where(m => m.Source == ShopifyWebhookReceiver.Source && m.TenantKey == tenant.Key && m.Id != message.Id
                && (m.ProcessedAt != null || m.DeadLetteredAt != null))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, Array.Empty<byte>()), cancellationToken);

        db.AuditLog.Add(new AuditEntry(tenant.Id, "shopify", "privacy.shop-redact", tenant.Key,
            string.Create(CultureInfo.InvariantCulture, $"Shopify shop/redact: {erased} contact(s) erased, referral friend details cleared, {emptied} stored webhook body(ies) emptied."),
            now));
        Logger.LogInformation("Shopify shop/redact for {Shop}: {Erased} contact(s) erased, {Emptied} webhook bodies emptied", tenant.Key, erased, emptied);
    }
}
