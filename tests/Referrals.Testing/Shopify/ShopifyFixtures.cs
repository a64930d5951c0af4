namespace Referrals.Testing.Shopify;

/// <summary>
/// The Shopify sample payloads and HMAC vectors (<c>Fixtures/shopify</c>, byte-exact copies of the shared fixtures,
/// copied to every test output directory). Read as bytes, never through a JSON round-trip.
/// </summary>
public static class ShopifyFixtures
{
    /// <summary>Synthetic <c>orders/paid</c> with exact int64 ids, codes <c>FRIEND-7KQ2M9</c> and <c>ALICE123</c>; signed with <c>hush</c>.</summary>
    public const string SyntheticPaidOrder = "orders_paid.synthetic-referral.json";

    /// <summary>Shopify's sample order (ids rounded by JavaScript; the GIDs are exact).</summary>
    public const string OfficialOrder = "orders.official-sample.json";

    /// <summary>Shopify's sample refund (no transactions; two lines of 199.00 USD).</summary>
    public const string OfficialRefund = "refunds_create.official-sample.json";

    /// <summary>Shopify's sample customer.</summary>
    public const string OfficialCustomer = "customers_create.official-sample.json";

    /// <summary>Shopify's sample shop (the body of <c>app/uninstalled</c>).</summary>
    public const string OfficialShop = "app_uninstalled.official-sample.json";

    /// <summary>The <c>customers/data_request</c> sample.</summary>
    public const string DataRequest = "customers_data_request.sample.json";

    /// <summary>The <c>customers/redact</c> sample.</summary>
    public const string CustomerRedact = "customers_redact.sample.json";

    /// <summary>The <c>shop/redact</c> sample.</summary>
    public const string ShopRedact = "shop_redact.sample.json";

    /// <summary>The HMAC test vectors.</summary>
    public const string HmacVectors = "hmac-test-vectors.json";

    /// <summary>The full path of a fixture.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "shopify", name);

    /// <summary>A fixture's exact bytes.</summary>
    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));
}
