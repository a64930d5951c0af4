namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>A response's <c>extensions.cost</c>.</summary>
/// <param name="RequestedQueryCost">The points the query asked for (its estimated cost).</param>
/// <param name="ActualQueryCost">The points it really took; null when it was throttled and not run.</param>
/// <param name="ThrottleStatus">The shop's bucket after the call, when reported.</param>
internal sealed record ShopifyQueryCost(int? RequestedQueryCost, int? ActualQueryCost, ShopifyThrottleStatus? ThrottleStatus);

/// <summary><c>extensions.cost.throttleStatus</c>: the app's leaky bucket for one shop.</summary>
/// <param name="MaximumAvailable">The bucket's size in points (depends on the shop's plan).</param>
/// <param name="CurrentlyAvailable">The points left right after the call.</param>
/// <param name="RestoreRate">Points restored per second.</param>
internal sealed record ShopifyThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);
