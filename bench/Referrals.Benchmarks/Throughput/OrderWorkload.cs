using System.Globalization;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Engine;

namespace Referrals.Benchmarks.Throughput;

/// <summary>
/// The shop and the stream of paid orders: one tenant with a double-sided program, <c>advocates</c> advocates with a
/// code each, and order number <c>i</c> built on demand. Every third order (i % 3 == 0) carries an advocate's code,
/// taken round-robin, half of them as a discount code and half as a <c>?ref=</c> landing link; the others carry none.
/// Every buyer is new (own e-mail, Shopify customer id, address, IP), as most buyers in a shop are.
/// </summary>
public sealed class OrderWorkload
{
    public const string ShopKey = "bench-shop.myshopify.com";

    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    private readonly IReadOnlyList<string> _codes;

    private OrderWorkload(Tenant tenant, IReadOnlyList<string> codes)
    {
        Tenant = tenant;
        _codes = codes;
    }

    public Tenant Tenant { get; }

    public int Advocates => _codes.Count;

    /// <summary>Creates the tenant and the advocates with their codes (not timed).</summary>
    public static async Task<OrderWorkload> CreateAsync(EngineHarness engine, int advocates)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var tenant = await engine.CreateTenantAsync(ShopKey, settings =>
        {
            settings.AdvocateReward = new RewardRule { FixedAmount = 10m, PercentOfOrder = 10m, MaximumAmount = 25m };
            settings.FriendReward = new RewardRule { FixedAmount = 5m };
        });
        var codes = new List<string>(advocates);
        for (var a = 0; a < advocates; a++)
        {
            var (_, code) = await engine.CreateAdvocateAsync(tenant, Invariant($"advocate{a}@example.com"), "Anna", new CustomerInfo
            {
                ExternalId = Invariant($"gid://shopify/Customer/{900_000 + a}"),
                Phone = Invariant($"+45 20 {a / 100 % 100:00} {a % 100:00} 00"),
                Address = new PostalAddress(Invariant($"Nørregade {a + 1}"), null, "København K", "1165", "DK"),
            });
            codes.Add(code.Display);
        }

        return new OrderWorkload(tenant, codes);
    }

    /// <summary>Whether order <paramref name="index"/> carries a code.</summary>
    public static bool IsReferred(int index) => index % 3 == 0;

    /// <summary>Order number <paramref name="index"/>, placed and paid at <paramref name="paidAt"/>.</summary>
    public PaidOrder Order(int index, DateTimeOffset paidAt)
    {
        var email = Invariant($"buyer{index}@example.net");
        var order = PaidOrders.Paid(Invariant($"{5_000_000_000L + index}"), email, 20m + (index % 17 * 5m), paidAt);
        order = order with
        {
            Customer = order.Customer with
            {
                LastName = "Buyer",
                Address = new PostalAddress(Invariant($"{index % 400 + 1} Main Street"), Invariant($"Apt {index}"), "Springfield", "62701", "US"),
            },
            BrowserIp = Invariant($"10.{index >> 16 & 255}.{index >> 8 & 255}.{index & 255}"),
            UserAgent = UserAgent,
            PreviousOrderCount = 0,
        };
        if (!IsReferred(index))
        {
            return order;
        }

        var referral = index / 3;
        var code = _codes[referral % _codes.Count];
        return referral % 2 == 0
            ? order with { DiscountCodes = [code] }
            : order with { LandingSite = "/products/mug?ref=" + Uri.EscapeDataString(code) };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
