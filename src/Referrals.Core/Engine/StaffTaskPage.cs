using Referrals.Core.Thanks;

namespace Referrals.Core.Engine;

/// <summary>One page of open tasks.</summary>
/// <param name="Items">The tasks on the page, soonest due first.</param>
/// <param name="Total">How many open tasks there are in all.</param>
public sealed record StaffTaskPage(IReadOnlyList<StaffTask> Items, int Total);
