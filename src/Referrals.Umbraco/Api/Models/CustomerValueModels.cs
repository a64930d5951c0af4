namespace Referrals.Umbraco.Api.Models;

/// <summary>
/// Referred customers against the others, per month and over the whole period (definitions in docs/analytics.md).
/// A figure of a group with fewer than <see cref="SmallSampleCustomers"/> customers is marked <c>smallSample</c>.
/// </summary>
public sealed record CustomerValueModel(string Currency, int SmallSampleCustomers, IReadOnlyList<CustomerValueLineModel> Months, IReadOnlyList<CustomerValueLineModel> Period)
{
    /// <summary>Below this many customers a group's ratios are marked as resting on a small sample.</summary>
    public const int SmallSampleThreshold = 10;
}

/// <summary>One bucket (a month, or the period) in one currency.</summary>
public sealed record CustomerValueLineModel(DateTimeOffset Start, DateTimeOffset End, string Currency, CustomerValueFiguresModel Referred, CustomerValueFiguresModel Other);

/// <summary>
/// One group's figures with the counts behind them. Ratios are null when there is nothing to divide by; rates are
/// fractions (0.25 = 25 %); money is in the line's currency, net of refunds.
/// </summary>
public sealed record CustomerValueFiguresModel(
    int Customers, int RepeatCustomers, int Orders, decimal Net, decimal? AverageOrderValue, decimal? OrdersPerCustomer,
    decimal? RevenuePerCustomer, decimal? RepeatRate, decimal? RefundRate, bool SmallSample);
