namespace Referrals.Core.Analytics;

/// <summary>
/// What one group of customers (referred or other) bought in one currency and one bucket of time. A customer is a
/// contact with at least one order <em>paid</em> in the bucket and not cancelled; orders without a known buyer are left
/// out. Revenue is net of the refunds recorded against those orders. The counts are kept next to every ratio so that a
/// figure resting on two customers can be told from one resting on two hundred.
/// </summary>
/// <param name="Customers">Distinct buyers with a counted order in the bucket.</param>
/// <param name="RepeatCustomers">Of them, those with two or more counted orders in the same bucket.</param>
/// <param name="Orders">Counted orders (paid in the bucket, not cancelled).</param>
/// <param name="Gross">Their totals.</param>
/// <param name="Refunded">What was refunded of them so far.</param>
/// <param name="RefundedOrders">Of the orders, those with any refund.</param>
public sealed record CustomerValueFigures(int Customers, int RepeatCustomers, int Orders, decimal Gross, decimal Refunded, int RefundedOrders)
{
    /// <summary>No customers.</summary>
    public static CustomerValueFigures Empty { get; } = new(0, 0, 0, 0m, 0m, 0);

    /// <summary>Gross − refunded.</summary>
    public decimal Net => Gross - Refunded;

    /// <summary>Average order value: net ÷ orders, or <see langword="null"/> without orders.</summary>
    public decimal? AverageOrderValue => Ratio.Of(Net, Orders);

    /// <summary>Orders ÷ customers, or <see langword="null"/> without customers.</summary>
    public decimal? OrdersPerCustomer => Ratio.Of(Orders, Customers);

    /// <summary>Net ÷ customers, or <see langword="null"/> without customers.</summary>
    public decimal? RevenuePerCustomer => Ratio.Of(Net, Customers);

    /// <summary>Repeat customers ÷ customers, or <see langword="null"/> without customers.</summary>
    public decimal? RepeatRate => Ratio.Of(RepeatCustomers, Customers);

    /// <summary>Refunded ÷ gross (a share of money), or <see langword="null"/> when gross is 0.</summary>
    public decimal? RefundRate => Ratio.Of(Refunded, Gross);

    /// <summary>Refunded orders ÷ orders (a share of orders), or <see langword="null"/> without orders.</summary>
    public decimal? RefundedOrderRate => Ratio.Of(RefundedOrders, Orders);
}
