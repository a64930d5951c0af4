using Referrals.Core;
using Referrals.Core.Engine;

namespace Referrals.Testing.Engine;

/// <summary>Builds paid orders for tests.</summary>
public static class PaidOrders
{
    /// <summary>A paid order of <paramref name="total"/> EUR by <paramref name="email"/>, placed and paid at <paramref name="at"/>.</summary>
    public static PaidOrder Paid(string orderId, string email, decimal total, DateTimeOffset at, params string[] discountCodes) => new()
    {
        OrderId = orderId,
        Name = "#" + orderId,
        Total = new Money(total, "EUR"),
        PlacedAt = at,
        PaidAt = at,
        Customer = new CustomerInfo { Email = email, ExternalId = CustomerGid(email), FirstName = "Friend" },
        DiscountCodes = discountCodes,
    };

    /// <summary>A stable Shopify-style customer id for an e-mail as typed (so two spellings are two customers).</summary>
    public static string CustomerGid(string email) =>
        "gid://shopify/Customer/" + BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)));
}
