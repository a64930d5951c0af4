using Referrals.Core.Asks;
using Referrals.Core.Audit;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Review;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Core.Thanks;

namespace Referrals.Core.Privacy;

/// <summary>
/// The one place that decides, for every stored type, whether it can hold a person's data. A test checks that every
/// entity type of the database model is in exactly one list, so a table added without a decision fails the build.
/// </summary>
public static class PersonalDataInventory
{
    /// <summary>Types whose rows redaction erases, deletes or scrubs (see <c>ContactPrivacy</c>).</summary>
    public static IReadOnlyList<Type> Redacted { get; } =
    [
        typeof(Contact),            // names, e-mails, phone, address, fingerprint, device details
        typeof(ContactExternalId),  // deleted
        typeof(ReferralCode),       // deleted: the display carries the advocate's name as prefix
        typeof(Referral),           // the friend's name and e-mails; free-text reason
        typeof(Order),              // the order name, when it names someone
        typeof(LedgerEntry),        // note and external reference, when they name someone
        typeof(ReviewItem),         // reviewer's note and reasons, when they name someone
        typeof(AuditEntry),         // subject and details, when they name someone
        typeof(InboxMessage),       // webhook bodies and errors
        typeof(OutboxMessage),      // bodies and errors
        typeof(StaffTask),          // deleted for the person; message, address and link scrubbed where they name them
        typeof(DataRequest),        // deleted for the person: the (encrypted) export of their data
    ];

    /// <summary>Types declared free of personal data, each with the reason.</summary>
    public static IReadOnlyDictionary<Type, string> FreeOfPersonalData { get; } = new Dictionary<Type, string>
    {
        [typeof(Tenant)] = "The business running the program (shop domain, settings), not a person.",
        [typeof(Ask)] = "Ids, trigger, channel, times and a 0-10 score; linked to the contact only by id.",
        [typeof(FriendSuppression)] = "A SHA-256 hash of a friend's normalized e-mail and two times; kept through redaction on purpose so an opt-out is honoured for good (the address itself is never stored here).",
        [typeof(OrderRefund)] = "Order and refund ids, amount, currency and time.",
        [typeof(TenantConnection)] = "The shop's encrypted Admin API credentials, scopes and status; no person.",
        [typeof(DataProtectionKeyRow)] = "Data Protection key XML; no person.",
        [typeof(TenantReference)] = "Ids of the business's own objects a host made once (a Shopify customer segment); no person.",
        [typeof(Analytics.AnalyticsHour)] = "Counts per tenant and hour; no id of a contact or an order.",
        [typeof(Analytics.AnalyticsRevenueHour)] = "Order counts and sums per tenant, hour and currency; no id of a contact or an order.",
        [typeof(Analytics.AnalyticsLedgerHour)] = "Ledger counts and sums per tenant, hour, currency, type and state; no id of a contact or an entry.",
    };
}
