using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// Cost-aware throttling of Admin API calls, one bucket per shop.
/// </summary>
/// <remarks>
/// <para>Shopify limits each app on each shop with a leaky bucket of query-cost points: every response reports
/// <c>extensions.cost.throttleStatus = {maximumAvailable, currentlyAvailable, restoreRate}</c>, and a query whose cost
/// exceeds what is available is refused with <c>THROTTLED</c> (inside HTTP 200) and not run.</para>
/// <para>The algorithm:</para>
/// <list type="number">
/// <item>Cost estimate: the <c>requestedQueryCost</c> Shopify last reported for the same operation (on any shop), or
/// <see cref="ShopifyAdminApiOptions.InitialCostEstimate"/> before the first report.</item>
/// <item>Before each attempt, the shop's bucket is brought forward to now:
/// <c>available = min(maximum, currentlyAvailable + restoreRate × secondsSinceReport)</c>. If it holds the estimate
/// (capped at the bucket size), the points are deducted locally and the request goes; otherwise the caller waits
/// <c>(estimate − available) / restoreRate</c> seconds and checks again. Deducting locally keeps concurrent callers of
/// one shop from all rushing into a nearly empty bucket.</item>
/// <item>After each response the bucket is replaced by Shopify's reported figures: Shopify is the authority, and the
/// local deductions of calls still in flight are forgotten (a resulting THROTTLED is retried).</item>
/// <item>On <c>THROTTLED</c> the retry waits <c>(requestedQueryCost − currentlyAvailable) / restoreRate</c> seconds, the
/// time the bucket needs to hold the query again.</item>
/// <item>A shop that has never reported is not held back. Shops never share a bucket: one shop's exhaustion does not
/// delay another's calls.</item>
/// </list>
/// <para>Thread-safe: each bucket takes its own lock for its arithmetic only; waiting happens outside it.</para>
/// </remarks>
internal sealed partial class ShopifyThrottle
{
    private readonly ConcurrentDictionary<string, ShopifyCostBucket> _buckets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _costs = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _defaultCost;
    private readonly ILogger<ShopifyThrottle> _logger;

    public ShopifyThrottle(TimeProvider time, IOptions<ShopifyAdminApiOptions> options, ILogger<ShopifyThrottle> logger)
    {
        _time = time;
        _defaultCost = options.Value.InitialCostEstimate;
        _logger = logger;
    }

    /// <summary>The bucket of <paramref name="shopDomain"/>, created on first use.</summary>
    public ShopifyCostBucket BucketOf(string shopDomain) => _buckets.GetOrAdd(shopDomain, _ => new ShopifyCostBucket(_time));

    /// <summary>The points <paramref name="operationName"/> is expected to cost.</summary>
    public int EstimatedCost(string operationName) => _costs.TryGetValue(operationName, out var cost) ? cost : _defaultCost;

    /// <summary>Waits until the shop's bucket holds the operation's estimated cost, then deducts it.</summary>
    public async ValueTask WaitForCapacityAsync(string shopDomain, string operationName, CancellationToken cancellationToken)
    {
        var bucket = BucketOf(shopDomain);
        var cost = EstimatedCost(operationName);
        TimeSpan wait;
        while ((wait = bucket.TryReserve(cost)) > TimeSpan.Zero)
        {
            LogWait(shopDomain, operationName, cost, (long)wait.TotalMilliseconds);
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Records a response's cost report: the operation's cost estimate and the shop's bucket.</summary>
    public void Observe(string shopDomain, string operationName, ShopifyQueryCost cost)
    {
        if (cost.RequestedQueryCost is { } requested and > 0)
        {
            _costs[operationName] = requested;
        }

        if (cost.ThrottleStatus is { } status)
        {
            BucketOf(shopDomain).Observe(status);
        }
    }

    /// <summary>How long a throttled call must wait before its retry: until the bucket holds what it requested.</summary>
    public TimeSpan ThrottledWait(string shopDomain, string operationName, ShopifyQueryCost? cost) =>
        BucketOf(shopDomain).TimeUntilAvailable(cost?.RequestedQueryCost ?? EstimatedCost(operationName));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shopify Admin API {Operation} for {Shop} waits {WaitMs} ms for {Cost} points in the shop's cost bucket.")]
    private partial void LogWait(string shop, string operation, int cost, long waitMs);
}
