namespace Referrals.Core.Contacts;

/// <summary>
/// What a contact has bought: the input of <see cref="BestCustomerScorer"/>. Immutable; <see cref="WithOrder"/>
/// and <see cref="WithRefund"/> return new stats.
/// </summary>
/// <remarks>
/// Applying the same order or refund twice counts it twice: making delivery idempotent (webhooks arrive more
/// than once) is the caller's job. Times are stored in UTC.
/// </remarks>
public sealed record OrderStats
{
    /// <summary>Creates stats, for example when loading them or importing a customer's history.</summary>
    /// <param name="ordersCount">Orders placed; not negative.</param>
    /// <param name="totalSpent">Net amount spent (orders minus refunds); null when nothing is recorded yet. Not negative.</param>
    /// <param name="firstOrderAt">The earliest order seen; null when unknown.</param>
    /// <param name="lastOrderAt">The latest order seen; null when unknown.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or amount is negative.</exception>
    /// <exception cref="ArgumentException">
    /// The currency is blank, the first order is after the last, or there are order dates without orders.
    /// </exception>
    public OrderStats(int ordersCount, Money? totalSpent, DateTimeOffset? firstOrderAt, DateTimeOffset? lastOrderAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordersCount);
        if (totalSpent is { } spent)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(spent.Amount, nameof(totalSpent));
            ArgumentException.ThrowIfNullOrWhiteSpace(spent.Currency, nameof(totalSpent));
        }

        if (firstOrderAt > lastOrderAt)
        {
            throw new ArgumentException("The first order cannot be later than the last order.", nameof(firstOrderAt));
        }

        if (ordersCount == 0 && (firstOrderAt is not null || lastOrderAt is not null))
        {
            throw new ArgumentException("Order dates need at least one order.", nameof(ordersCount));
        }

        OrdersCount = ordersCount;
        TotalSpent = totalSpent;
        FirstOrderAt = firstOrderAt?.ToUniversalTime();
        LastOrderAt = lastOrderAt?.ToUniversalTime();
    }

    /// <summary>A contact who has not ordered yet.</summary>
    public static OrderStats None { get; } = new(0, null, null, null);

    /// <summary>Orders placed. Refunds do not lower it: a refunded order was still placed.</summary>
    public int OrdersCount { get; }

    /// <summary>Net amount spent in one currency (orders minus refunds, never below zero); null before the first order.</summary>
    public Money? TotalSpent { get; }

    /// <summary>When the earliest order seen was placed, in UTC; null when unknown.</summary>
    public DateTimeOffset? FirstOrderAt { get; }

    /// <summary>When the latest order seen was placed, in UTC; null when unknown.</summary>
    public DateTimeOffset? LastOrderAt { get; }

    /// <summary>
    /// Adds an order: one more order, the amount added to the total, and the first/last dates widened to include
    /// <paramref name="placedAt"/> (orders may arrive out of order).
    /// </summary>
    /// <param name="amount">The order total; zero for a free order, never negative.</param>
    /// <param name="placedAt">When the order was placed.</param>
    /// <returns>New stats; this instance is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="ArgumentException">The currency is blank or differs from <see cref="TotalSpent"/>'s.</exception>
    public OrderStats WithOrder(Money amount, DateTimeOffset placedAt)
    {
        var currency = CheckAmount(amount);
        var spent = TotalSpent?.Amount ?? 0m;
        return new OrderStats(
            OrdersCount + 1,
            new Money(spent + amount.Amount, currency),
            FirstOrderAt is { } first && first < placedAt ? first : placedAt,
            LastOrderAt is { } last && last > placedAt ? last : placedAt);
    }

    /// <summary>
    /// Takes a refund off <see cref="TotalSpent"/>, never below zero (a refund may include shipping or tax the
    /// total did not). The order count and dates stay.
    /// </summary>
    /// <param name="amount">The refunded amount, as a positive number.</param>
    /// <returns>New stats, or this instance when no spend is recorded yet (nothing to refund).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="ArgumentException">The currency is blank or differs from <see cref="TotalSpent"/>'s.</exception>
    public OrderStats WithRefund(Money amount)
    {
        var currency = CheckAmount(amount);
        if (TotalSpent is not { } spent)
        {
            return this;
        }

        var remaining = Math.Max(0m, spent.Amount - amount.Amount);
        return new OrderStats(OrdersCount, new Money(remaining, currency), FirstOrderAt, LastOrderAt);
    }

    // Returns the currency the stats are (or will be) kept in.
    private string CheckAmount(Money amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount.Amount, nameof(amount));
        ArgumentException.ThrowIfNullOrWhiteSpace(amount.Currency, nameof(amount));
        if (TotalSpent is { } spent && !string.Equals(spent.Currency, amount.Currency, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"The amount is in {amount.Currency} but these order stats are kept in {spent.Currency}; convert it first.",
                nameof(amount));
        }

        return TotalSpent?.Currency ?? amount.Currency.ToUpperInvariant();
    }
}
