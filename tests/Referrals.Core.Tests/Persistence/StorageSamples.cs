using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Orders;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Persistence;

/// <summary>Small valid rows for storage tests.</summary>
internal static class StorageSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static Tenant Tenant(string key = "shop-a.myshopify.com") => new(key, TenantKind.ShopifyShop, "Shop A", Now);

    public static Contact Contact(Tenant tenant, string email = "anna@example.com") =>
        new(tenant.Id, ContactKind.Client, email, email, Now);

    public static Order Order(Tenant tenant, string externalId, decimal total = 100m) =>
        new(tenant.Id, externalId, "EUR", Now) { Total = total };

    public static InboxMessage Inbox(string source, string deliveryId) =>
        new(source, deliveryId, "event-1", "orders/paid", "shop-a.myshopify.com", [1, 2, 3], Now);

    public static Referral Referral(Tenant tenant, Contact advocate) =>
        new(tenant.Id, advocate.Id, ReferralSource.Code, ChainPosition.For(advocate.Id, null), "EUR", Now);

    public static Referral ConvertedReferral(Tenant tenant, Contact advocate, string orderId)
    {
        var referral = Referral(tenant, advocate);
        referral.Convert(orderId, new Money(80m, "EUR"), "DiscountCode", flagged: false, flagReasons: null, Now);
        return referral;
    }
}
