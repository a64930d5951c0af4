using System.Globalization;
using Referrals.Testing.Shopify.FakeAdminApi;

namespace Referrals.Testing.Shopify.Sandbox;

/// <summary>
/// A local stand-in for one Shopify store: its Admin GraphQL API (a <see cref="FakeShopifyAdminApi"/> on loopback that
/// accepts only <see cref="AccessToken"/>) and its webhooks (signed with <see cref="Secret"/>, posted to the receiver
/// given to <see cref="SendWebhooksTo"/>). Customers buy, orders are fulfilled, refunded and cancelled: each keeps the
/// store's own records and sends the webhook Shopify would. The store's record of what the app did to it — store-credit
/// credits and debits, discount codes — is read back from <see cref="Shop"/>; it deduplicates nothing, as Shopify does
/// not, so a double payout shows there as two transactions.
/// </summary>
public sealed class SandboxStore : IAsyncDisposable
{
    /// <summary>The default shop domain.</summary>
    public const string DefaultDomain = "sandbox-goods.myshopify.com";

    /// <summary>The default app client secret (signs webhooks).</summary>
    public const string DefaultSecret = "sandbox-client-secret";

    /// <summary>The default Admin API access token.</summary>
    public const string DefaultAccessToken = "shpat_sandbox_0001";

    /// <summary>The app proxy's storefront prefix (<c>shopify.app.toml</c>: prefix <c>apps</c>, subpath <c>referrals</c>).</summary>
    public const string ProxyPrefix = "/apps/referrals";

    private readonly TimeProvider _clock;
    private SandboxWebhookSender? _webhooks;
    private long _nextOrderNumber = 1000;
    private long _nextRefundId = 770000;

    private SandboxStore(FakeShopifyAdminApi adminApi, TimeProvider clock, string domain, string secret, string accessToken)
    {
        AdminApi = adminApi;
        _clock = clock;
        Domain = domain;
        Secret = secret;
        AccessToken = accessToken;
    }

    /// <summary>The shop domain (<c>{name}.myshopify.com</c>).</summary>
    public string Domain { get; }

    /// <summary>The client secret webhooks are signed with; the receiver must know it.</summary>
    public string Secret { get; }

    /// <summary>The only access token the Admin API accepts for this shop.</summary>
    public string AccessToken { get; }

    /// <summary>The store's currency.</summary>
    public string Currency => Shop.Currency;

    /// <summary>The Admin API server (requests, faults).</summary>
    public FakeShopifyAdminApi AdminApi { get; }

    /// <summary>Where the Admin API listens (the <c>Host</c> header names the shop).</summary>
    public Uri AdminApiAddress => AdminApi.BaseAddress;

    /// <summary>The store's state: customers, orders, store credit, discount codes.</summary>
    public FakeShop Shop => AdminApi.Shop(Domain);

    /// <summary>The webhook sender.</summary>
    /// <exception cref="InvalidOperationException"><see cref="SendWebhooksTo"/> was not called.</exception>
    public SandboxWebhookSender Webhooks => _webhooks ?? throw new InvalidOperationException("Call SendWebhooksTo with the receiver first.");

    /// <summary>Every store-credit transaction the app made, oldest first (credits and debits).</summary>
    public IReadOnlyList<FakeStoreCreditTransaction> StoreCreditTransactions => Shop.StoreCreditTransactions;

    /// <summary>Every discount code the app created.</summary>
    public IReadOnlyList<FakeDiscountCode> DiscountCodes => Shop.DiscountCodes;

    /// <summary>Starts the store's Admin API on a free loopback port.</summary>
    /// <param name="clock">The store's clock (orders, webhooks' triggered-at, transactions); share it with the app under test.</param>
    /// <param name="domain">The shop domain.</param>
    /// <param name="secret">The app's client secret.</param>
    /// <param name="accessToken">The Admin API access token.</param>
    /// <param name="currency">The store's currency.</param>
    /// <param name="cancellationToken">Stops the start-up.</param>
    public static async Task<SandboxStore> StartAsync(TimeProvider clock, string domain = DefaultDomain, string secret = DefaultSecret,
        string accessToken = DefaultAccessToken, string currency = "EUR", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var api = await FakeShopifyAdminApi.StartAsync(new FakeAdminApiOptions { TimeProvider = clock, ShopCurrency = currency }, cancellationToken);
        api.RequireToken(domain, accessToken);
        return new SandboxStore(api, clock, domain, secret, accessToken);
    }

    /// <summary>Sends the store's webhooks through <paramref name="receiver"/> (its base address is the app).</summary>
    public void SendWebhooksTo(HttpClient receiver) => _webhooks = new SandboxWebhookSender(receiver, Domain, Secret, _clock);

    /// <summary>Adds a customer to the store.</summary>
    public SandboxCustomer AddCustomer(string email, string firstName, bool acceptsMarketing = true)
    {
        var gid = Shop.AddCustomer(email);
        return new SandboxCustomer(gid, NumericId(gid), email, firstName, acceptsMarketing);
    }

    /// <summary>
    /// The customer pays for an order: the store records it and sends <c>orders/paid</c>. Discount codes the app created
    /// in the store are checked as Shopify's checkout checks them (customers, customer segments such as first-time
    /// buyers, once per customer); codes the store does not hold are taken as given (made outside the app).
    /// </summary>
    /// <param name="customer">Who buys.</param>
    /// <param name="total">The total paid.</param>
    /// <param name="purchase">Codes, cart attributes and landing page, when any.</param>
    /// <param name="cancellationToken">Stops the delivery.</param>
    /// <exception cref="SandboxCheckoutRefusedException">Checkout refused a code; no order was placed and nothing sent.</exception>
    public async Task<(SandboxOrder Order, SandboxDelivery Delivery)> BuyAsync(SandboxCustomer customer, decimal total, SandboxPurchase? purchase = null,
        CancellationToken cancellationToken = default)
    {
        var (order, paid) = RecordPurchase(customer, total, purchase);
        var delivery = await Webhooks.SendAsync(paid.Topic, paid.Body, cancellationToken);
        return (order, delivery);
    }

    /// <summary>
    /// The customer pays for an order: the store records it and returns the <c>orders/paid</c> webhook it owes, unsent
    /// (the caller delivers it, late, repeated or out of order, with <see cref="SandboxWebhookSender.DeliverAsync"/>).
    /// </summary>
    public (SandboxOrder Order, SandboxEvent Paid) RecordPurchase(SandboxCustomer customer, decimal total, SandboxPurchase? purchase = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        purchase ??= new SandboxPurchase();
        foreach (var code in purchase.DiscountCodes)
        {
            if (Shop.DiscountCodes.Any(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase))
                && Shop.DiscountRefusal(code, customer.Gid) is { } reason)
            {
                throw new SandboxCheckoutRefusedException(code, reason);
            }
        }

        var now = _clock.GetUtcNow();
        var name = "#" + Interlocked.Increment(ref _nextOrderNumber).ToString(CultureInfo.InvariantCulture);
        var gid = Shop.AddOrder(name, total, customer.Gid, customer.Email, purchase.DiscountCodes, now);
        var order = new SandboxOrder(gid, NumericId(gid), name, customer, total, now);
        return (order, SandboxEvent.Create("orders/paid", SandboxPayloads.PaidOrder(order, purchase, Currency), now));
    }

    /// <summary>Part or all of the order is refunded: the store records it and returns the unsent <c>refunds/create</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public SandboxEvent RecordRefund(SandboxOrder order, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Shop.UpdateOrder(order.Gid, o => o with
        {
            TotalRefunded = o.TotalRefunded + amount,
            FinancialStatus = o.TotalRefunded + amount >= o.TotalPrice ? "REFUNDED" : "PARTIALLY_REFUNDED",
        });
        var refundId = Interlocked.Increment(ref _nextRefundId);
        var now = _clock.GetUtcNow();
        return SandboxEvent.Create("refunds/create", SandboxPayloads.Refund(order, refundId, amount, Currency, now), now);
    }

    /// <summary>The order is cancelled: the store records it and returns the unsent <c>orders/cancelled</c>.</summary>
    public SandboxEvent RecordCancellation(SandboxOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var now = _clock.GetUtcNow();
        Shop.UpdateOrder(order.Gid, o => o with { CancelledAt = now, FinancialStatus = "VOIDED" });
        return SandboxEvent.Create("orders/cancelled", SandboxPayloads.CancelledOrder(order, Currency, now), now);
    }

    /// <summary>
    /// Opens a storefront address under the app proxy (<c>https://{shop}/apps/referrals/…</c>) as Shopify does: forwards
    /// it to the app's <c>/shopify/proxy/…</c> with the link's query plus the signed proxy parameters (shop, path prefix,
    /// timestamp, the visitor's customer id), and returns the app's answer unchanged.
    /// </summary>
    /// <param name="link">The storefront address, on this store's domain.</param>
    /// <param name="app">A client for the app's base address that does not follow redirects (the answer is the point).</param>
    /// <param name="visitor">The signed-in customer, or null for an anonymous visitor.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <exception cref="ArgumentException"><paramref name="link"/> is not under this store's app proxy.</exception>
    public async Task<HttpResponseMessage> OpenStorefrontAsync(Uri link, HttpClient app, SandboxCustomer? visitor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(app);
        if (!link.IsAbsoluteUri || link.Scheme != Uri.UriSchemeHttps || !string.Equals(link.Host, Domain, StringComparison.OrdinalIgnoreCase)
            || !link.AbsolutePath.StartsWith(ProxyPrefix + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{link} is not under https://{Domain}{ProxyPrefix}/, the store's app proxy.", nameof(link));
        }

        var extra = System.Web.HttpUtility.ParseQueryString(link.Query);
        var parameters = extra.AllKeys.OfType<string>().SelectMany(k => (extra.GetValues(k) ?? []).Select(v => (k, v))).ToArray();
        var query = ShopifyAppProxySigner.Query(Secret, Domain, _clock.GetUtcNow(), visitor?.Id, parameters);
        var forwarded = new Uri("/shopify/proxy" + link.AbsolutePath[ProxyPrefix.Length..] + query, UriKind.Relative);
        return await app.GetAsync(forwarded, cancellationToken);
    }

    /// <summary>The order is shipped: <c>orders/fulfilled</c>.</summary>
    public Task<SandboxDelivery> FulfilAsync(SandboxOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Webhooks.SendAsync("orders/fulfilled", SandboxPayloads.FulfilledOrder(order, Currency, _clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>Part or all of the order is refunded: the store records it and sends <c>refunds/create</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public Task<SandboxDelivery> RefundAsync(SandboxOrder order, decimal amount, CancellationToken cancellationToken = default)
    {
        var refund = RecordRefund(order, amount);
        return Webhooks.SendAsync(refund.Topic, refund.Body, cancellationToken);
    }

    /// <summary>The order is cancelled: the store records it and sends <c>orders/cancelled</c>.</summary>
    public Task<SandboxDelivery> CancelAsync(SandboxOrder order, CancellationToken cancellationToken = default)
    {
        var cancelled = RecordCancellation(order);
        return Webhooks.SendAsync(cancelled.Topic, cancelled.Body, cancellationToken);
    }

    /// <summary>The customer's store-credit balance in the store's currency.</summary>
    public decimal StoreCreditBalance(SandboxCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Shop.StoreCreditBalance(customer.Gid, Currency);
    }

    /// <summary>The store-credit transactions of one customer, oldest first.</summary>
    public IReadOnlyList<FakeStoreCreditTransaction> StoreCreditTransactionsOf(SandboxCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return [.. StoreCreditTransactions.Where(t => t.OwnerId == customer.Gid)];
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => AdminApi.DisposeAsync();

    private static long NumericId(string gid) => long.Parse(gid[(gid.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
}
