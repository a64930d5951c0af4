namespace Referrals.ShopifyBridge.Shopify;

/// <summary>The webhook topics the bridge accepts (slash form, as in <c>X-Shopify-Topic</c>). Any other topic is refused.</summary>
internal static class ShopifyTopics
{
    public const string OrdersPaid = "orders/paid";
    public const string OrdersCancelled = "orders/cancelled";
    public const string OrdersFulfilled = "orders/fulfilled";
    public const string RefundsCreate = "refunds/create";
    public const string CustomersCreate = "customers/create";
    public const string CustomersUpdate = "customers/update";
    public const string AppUninstalled = "app/uninstalled";

    /// <summary>Mandatory privacy topic: a customer asked the merchant for their data.</summary>
    public const string CustomersDataRequest = "customers/data_request";

    /// <summary>Mandatory privacy topic: erase one customer's data.</summary>
    public const string CustomersRedact = "customers/redact";

    /// <summary>Mandatory privacy topic: erase a shop's data, 48 hours after it uninstalled the app.</summary>
    public const string ShopRedact = "shop/redact";

    private static readonly HashSet<string> _compliance = new(StringComparer.Ordinal) { CustomersDataRequest, CustomersRedact, ShopRedact };

    private static readonly HashSet<string> _all = new(StringComparer.Ordinal)
    {
        OrdersPaid, OrdersCancelled, OrdersFulfilled, RefundsCreate, CustomersCreate, CustomersUpdate, AppUninstalled,
        CustomersDataRequest, CustomersRedact, ShopRedact,
    };

    /// <summary>Every accepted topic.</summary>
    public static IReadOnlySet<string> All => _all;

    /// <summary>Whether <paramref name="topic"/> is accepted (exact, lower-case slash form).</summary>
    public static bool IsKnown(string topic) => _all.Contains(topic);

    /// <summary>Whether <paramref name="topic"/> is one of the mandatory privacy topics, which must succeed even for an unknown shop.</summary>
    public static bool IsCompliance(string topic) => _compliance.Contains(topic);
}
