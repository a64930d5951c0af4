namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>How the fake Shopify Admin API behaves; the defaults mirror a Standard-plan shop.</summary>
public sealed class FakeAdminApiOptions
{
    /// <summary>Default bucket size in points.</summary>
    public const double DefaultMaximumAvailable = 2000;

    /// <summary>Default points restored per second.</summary>
    public const double DefaultRestoreRate = 100;

    /// <summary>Default points a mutation costs.</summary>
    public const int DefaultMutationCost = 10;

    /// <summary>Each shop's bucket size (<c>maximumAvailable</c>).</summary>
    public double MaximumAvailable { get; set; } = DefaultMaximumAvailable;

    /// <summary>Each shop's <c>restoreRate</c>, points per second.</summary>
    public double RestoreRate { get; set; } = DefaultRestoreRate;

    /// <summary>The clock of the buckets and of recorded times.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>What a <see cref="FakeFault.Http429"/> answer gives as <c>Retry-After</c> (sent in seconds, fractions allowed).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a <see cref="FakeFault.Hang"/> waits for the client to give up.</summary>
    public TimeSpan HangLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The currency of every shop.</summary>
    public string ShopCurrency { get; set; } = "EUR";

    /// <summary>Points per root field; fields not listed cost <see cref="DefaultMutationCost"/>.</summary>
    public Dictionary<string, int> Costs { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["customers"] = 4,
        ["order"] = 5,
    };

    /// <summary>The cost of a root field.</summary>
    public int CostOf(string field) => Costs.TryGetValue(field, out var cost) ? cost : DefaultMutationCost;
}
