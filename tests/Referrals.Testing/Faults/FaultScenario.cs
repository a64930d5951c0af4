using System.Globalization;
using Referrals.Testing.Shopify.Sandbox;

namespace Referrals.Testing.Faults;

/// <summary>What happens to a referred order after it is paid.</summary>
public enum OrderAftermath
{
    /// <summary>Nothing: the advocate keeps the reward.</summary>
    None,

    /// <summary>One refund of the whole order.</summary>
    FullRefund,

    /// <summary>One refund of a quarter of the order.</summary>
    PartialRefund,

    /// <summary>Two refunds, a quarter then a half of the order.</summary>
    TwoPartialRefunds,

    /// <summary>The order is cancelled.</summary>
    Cancelled,
}

/// <summary>One referred order of a scenario: the friend's order, whose code it carries, and what happens to it.</summary>
/// <param name="Order">The sandbox order.</param>
/// <param name="Advocate">The advocate whose code the friend typed.</param>
/// <param name="Paid">Its <c>orders/paid</c> event.</param>
/// <param name="Aftermath">What happens next.</param>
/// <param name="Later">Its refund and cancellation events, in the store's order.</param>
/// <param name="ClawBacks">The store-credit debits the advocate should see for it (one per refund or cancellation).</param>
public sealed record ScenarioOrder(SandboxOrder Order, SandboxCustomer Advocate, SandboxEvent Paid, OrderAftermath Aftermath,
    IReadOnlyList<SandboxEvent> Later, IReadOnlyList<decimal> ClawBacks);

/// <summary>
/// A seeded referral scenario in a <see cref="SandboxStore"/>: advocates, friends who buy with an advocate's code
/// (<c>orders/paid</c>), and afterwards full and partial refunds and cancellations of some of those orders. The store
/// records everything at once; the events are returned unsent, for a <see cref="WebhookStorm"/> to deliver. Every
/// order totals <see cref="OrderTotal"/> so the expected claw-backs are exact: a quarter refund takes back a quarter of
/// the reward, and so on.
/// </summary>
public sealed class FaultScenario
{
    /// <summary>Every friend's order total.</summary>
    public const decimal OrderTotal = 100m;

    private FaultScenario(int seed, IReadOnlyList<SandboxCustomer> advocates, IReadOnlyList<ScenarioOrder> orders)
    {
        Seed = seed;
        Advocates = advocates;
        Orders = orders;
    }

    /// <summary>The seed everything random was drawn from (print it when a run fails).</summary>
    public int Seed { get; }

    /// <summary>The advocates.</summary>
    public IReadOnlyList<SandboxCustomer> Advocates { get; }

    /// <summary>The referred orders.</summary>
    public IReadOnlyList<ScenarioOrder> Orders { get; }

    /// <summary>Every <c>orders/paid</c> event.</summary>
    public IReadOnlyList<SandboxEvent> PaidEvents => [.. Orders.Select(o => o.Paid)];

    /// <summary>Every refund and cancellation event.</summary>
    public IReadOnlyList<SandboxEvent> LaterEvents => [.. Orders.SelectMany(o => o.Later)];

    /// <summary>Adds <paramref name="count"/> advocates to the store (they bought earlier; the app knows them).</summary>
    public static IReadOnlyList<SandboxCustomer> AddAdvocates(SandboxStore store, int count)
    {
        ArgumentNullException.ThrowIfNull(store);
        return [.. Enumerable.Range(1, count).Select(i => store.AddCustomer(
            string.Create(CultureInfo.InvariantCulture, $"advocate{i}@example.com"), string.Create(CultureInfo.InvariantCulture, $"Advocate{i}")))];
    }

    /// <summary>
    /// Records <paramref name="orders"/> friends' purchases, each with the code of an advocate drawn at random, then the
    /// aftermath of each: about 15 % refunded in full, 15 % refunded a quarter, 10 % refunded a quarter then a half,
    /// 10 % cancelled.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="seed">The seed of every draw.</param>
    /// <param name="advocates">The advocates, from <see cref="AddAdvocates"/>.</param>
    /// <param name="codeOf">The referral code the app gave an advocate.</param>
    /// <param name="orders">How many referred orders.</param>
    public static FaultScenario Generate(SandboxStore store, int seed, IReadOnlyList<SandboxCustomer> advocates, Func<SandboxCustomer, string> codeOf, int orders)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(advocates);
        ArgumentNullException.ThrowIfNull(codeOf);
        var random = new Random(seed);
        var placed = new List<(SandboxOrder Order, SandboxCustomer Advocate, SandboxEvent Paid)>();
        for (var i = 1; i <= orders; i++)
        {
            var advocate = advocates[random.Next(advocates.Count)];
            var friend = store.AddCustomer(string.Create(CultureInfo.InvariantCulture, $"friend{i}-{seed}@example.com"), string.Create(CultureInfo.InvariantCulture, $"Friend{i}"));
            var (order, paid) = store.RecordPurchase(friend, OrderTotal, new SandboxPurchase { DiscountCodes = [codeOf(advocate)] });
            placed.Add((order, advocate, paid));
        }

        var result = new List<ScenarioOrder>();
        foreach (var (order, advocate, paid) in placed)
        {
            var draw = random.NextDouble();
            var aftermath = draw switch
            {
                < 0.15 => OrderAftermath.FullRefund,
                < 0.30 => OrderAftermath.PartialRefund,
                < 0.40 => OrderAftermath.TwoPartialRefunds,
                < 0.50 => OrderAftermath.Cancelled,
                _ => OrderAftermath.None,
            };
            var share = FaultRewards.PerOrder / OrderTotal;
            (IReadOnlyList<SandboxEvent> later, IReadOnlyList<decimal> clawBacks) = aftermath switch
            {
                OrderAftermath.FullRefund => ([store.RecordRefund(order, OrderTotal)], [FaultRewards.PerOrder]),
                OrderAftermath.PartialRefund => ([store.RecordRefund(order, OrderTotal / 4)], [share * OrderTotal / 4]),
                OrderAftermath.TwoPartialRefunds => ([store.RecordRefund(order, OrderTotal / 4), store.RecordRefund(order, OrderTotal / 2)], [share * OrderTotal / 4, share * OrderTotal / 2]),
                OrderAftermath.Cancelled => ([store.RecordCancellation(order)], [FaultRewards.PerOrder]),
                _ => ((IReadOnlyList<SandboxEvent>)[], (IReadOnlyList<decimal>)[]),
            };
            result.Add(new ScenarioOrder(order, advocate, paid, aftermath, later, clawBacks));
        }

        return new FaultScenario(seed, advocates, result);
    }

    /// <summary>The store-credit credits each advocate should end with: one reward per referred order.</summary>
    public IReadOnlyDictionary<string, int> ExpectedCredits() =>
        Advocates.ToDictionary(a => a.Gid, a => Orders.Count(o => o.Advocate == a));

    /// <summary>The debits each advocate should end with, sorted: one claw-back per refund or cancellation.</summary>
    public IReadOnlyDictionary<string, decimal[]> ExpectedDebits() =>
        Advocates.ToDictionary(a => a.Gid, a => Orders.Where(o => o.Advocate == a).SelectMany(o => o.ClawBacks).Order().ToArray());
}
