using System.Globalization;

namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>
/// The state of one fake shop: seed it (<see cref="AddCustomer"/>, <see cref="AddOrder"/>) and inspect what the
/// client did. Thread-safe; every list returned is a snapshot.
/// </summary>
public sealed class FakeShop
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeCustomer> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _tags = new(StringComparer.Ordinal);
    private readonly List<FakeStoreCreditAccount> _accounts = [];
    private readonly List<FakeStoreCreditTransaction> _transactions = [];
    private readonly List<FakeDiscountCode> _discounts = [];
    private readonly List<FakeMetafield> _metafields = [];
    private readonly List<FakeWebhookSubscription> _webhooks = [];
    private readonly List<FakeSegment> _segments = [];
    private long _nextId = 1000;

    internal FakeShop(string domain, string currency)
    {
        Domain = domain;
        Currency = currency;
    }

    /// <summary>The shop's domain.</summary>
    public string Domain { get; }

    /// <summary>The shop's name, as the <c>shop</c> query answers it.</summary>
    public string Name { get; set; } = "Fake shop";

    /// <summary>The access scopes the current token carries (<c>currentAppInstallation.accessScopes</c>).</summary>
    public IReadOnlyList<string> AccessScopes { get; set; } = [];

    /// <summary>The shop's currency.</summary>
    public string Currency { get; }

    /// <summary>Every store-credit transaction, oldest first.</summary>
    public IReadOnlyList<FakeStoreCreditTransaction> StoreCreditTransactions => Snapshot(_transactions);

    /// <summary>Every store-credit account.</summary>
    public IReadOnlyList<FakeStoreCreditAccount> StoreCreditAccounts => Snapshot(_accounts);

    /// <summary>Every discount code created.</summary>
    public IReadOnlyList<FakeDiscountCode> DiscountCodes => Snapshot(_discounts);

    /// <summary>Every metafield.</summary>
    public IReadOnlyList<FakeMetafield> Metafields => Snapshot(_metafields);

    /// <summary>Every customer segment created.</summary>
    public IReadOnlyList<FakeSegment> Segments => Snapshot(_segments);

    /// <summary>Every webhook subscription.</summary>
    public IReadOnlyList<FakeWebhookSubscription> WebhookSubscriptions => Snapshot(_webhooks);

    /// <summary>Adds a customer and returns its gid.</summary>
    public string AddCustomer(string email, IEnumerable<string>? tags = null, long numberOfOrders = 0, decimal amountSpent = 0m)
    {
        lock (_lock)
        {
            var id = NewId("Customer");
            _customers[id] = new FakeCustomer(id, email, numberOfOrders, amountSpent);
            _tags[id] = [.. tags ?? []];
            return id;
        }
    }

    /// <summary>Adds a paid order and returns its gid.</summary>
    public string AddOrder(string name, decimal totalPrice, string? customerId = null, string? email = null, IEnumerable<string>? discountCodes = null, DateTimeOffset? createdAt = null)
    {
        lock (_lock)
        {
            var id = NewId("Order");
            _orders[id] = new FakeOrder(id, name, email, customerId, createdAt ?? DateTimeOffset.UnixEpoch, totalPrice, 0m, "PAID", [.. discountCodes ?? []], null);
            _tags[id] = [];
            return id;
        }
    }

    /// <summary>Adds a discount code made outside the app (by the merchant) and returns its gid.</summary>
    public string AddDiscountCode(string code, string title, decimal amount = 5m, string? customerSegmentId = null, bool appliesOncePerCustomer = false)
    {
        lock (_lock)
        {
            var id = NewId("DiscountCodeNode");
            _discounts.Add(new FakeDiscountCode(id, code, title, null, amount, [], null, appliesOncePerCustomer, DateTimeOffset.UnixEpoch, null,
                CustomerSegmentIds: customerSegmentId is null ? [] : [customerSegmentId]));
            return id;
        }
    }

    /// <summary>Adds a customer segment made outside the app (or by an earlier attempt) and returns its gid.</summary>
    public string AddSegment(string name, string query)
    {
        lock (_lock)
        {
            var id = NewId("Segment");
            _segments.Add(new FakeSegment(id, name, query));
            return id;
        }
    }

    /// <summary>
    /// Why checkout would refuse <paramref name="code"/> to <paramref name="customerId"/>, as Shopify does: no such code,
    /// limited to other customers, to segments the customer is not in (orders counted from the customer's seeded count
    /// and the shop's orders), or used by them before under "once per customer"; null when it applies.
    /// </summary>
    public string? DiscountRefusal(string code, string customerId)
    {
        lock (_lock)
        {
            var discount = _discounts.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
            if (discount is null)
            {
                return $"Discount code {code} does not exist";
            }

            if (discount.CustomerIds.Count > 0 && !discount.CustomerIds.Contains(customerId))
            {
                return $"Discount code {code} is for other customers";
            }

            var orders = _orders.Values.Where(o => o.CustomerId == customerId).ToList();
            var count = (_customers.GetValueOrDefault(customerId)?.NumberOfOrders ?? 0) + orders.Count;
            var segments = discount.CustomerSegmentIds ?? [];
            if (segments.Count > 0 && !segments.Any(id => _segments.FirstOrDefault(s => s.Id == id) is { } s && FakeSegmentHandlers.Includes(s.Query, count)))
            {
                return $"Discount code {code} is not available to this customer (customer segment)";
            }

            if (discount.AppliesOncePerCustomer && orders.Any(o => o.DiscountCodes.Contains(code, StringComparer.OrdinalIgnoreCase)))
            {
                return $"Discount code {code} was already used by this customer";
            }

            return null;
        }
    }

    /// <summary>Replaces an order (for example to record a refund or cancellation).</summary>
    public void UpdateOrder(string id, Func<FakeOrder, FakeOrder> change)
    {
        lock (_lock)
        {
            _orders[id] = change(_orders[id]);
        }
    }

    /// <summary>The tags of a customer or order.</summary>
    public IReadOnlyList<string> TagsOf(string id)
    {
        lock (_lock)
        {
            return _tags.TryGetValue(id, out var tags) ? [.. tags] : [];
        }
    }

    /// <summary>The store-credit balance of <paramref name="ownerId"/> in <paramref name="currency"/> (zero without an account).</summary>
    public decimal StoreCreditBalance(string ownerId, string currency)
    {
        lock (_lock)
        {
            return _accounts.FirstOrDefault(a => a.OwnerId == ownerId && a.Currency == currency)?.Balance ?? 0m;
        }
    }

    internal T Locked<T>(Func<FakeShop, T> action)
    {
        lock (_lock)
        {
            return action(this);
        }
    }

    // The members below are called only inside Locked.
    internal string NewId(string type) => string.Create(CultureInfo.InvariantCulture, $"gid://shopify/{type}/{++_nextId}");

    internal IEnumerable<FakeCustomer> Customers => _customers.Values;

    internal FakeCustomer? Customer(string id) => _customers.GetValueOrDefault(id);

    internal FakeOrder? Order(string id) => _orders.GetValueOrDefault(id);

    internal List<string>? MutableTags(string id) => _tags.GetValueOrDefault(id);

    internal List<FakeStoreCreditAccount> Accounts => _accounts;

    internal List<FakeStoreCreditTransaction> Transactions => _transactions;

    internal List<FakeDiscountCode> Discounts => _discounts;

    internal List<FakeMetafield> MetafieldList => _metafields;

    internal List<FakeWebhookSubscription> Webhooks => _webhooks;

    internal List<FakeSegment> SegmentList => _segments;

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_lock)
        {
            return [.. list];
        }
    }
}
