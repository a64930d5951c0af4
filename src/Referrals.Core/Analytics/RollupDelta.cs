using Referrals.Core.Asks;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Satisfaction;

namespace Referrals.Core.Analytics;

/// <summary>
/// The changes one write makes to the hourly rollups: each changed row's old values are subtracted and its new values
/// added, on the hour of each figure's own time column. This file is the one place that says which row counts where;
/// the raw queries (<c>Engine/AnalyticsQueries.cs</c>) and the rebuild SQL state the same rules.
/// </summary>
internal sealed class RollupDelta
{
    /// <summary>The order of the counts in <see cref="Counts"/>' arrays, as the columns of <see cref="AnalyticsHour"/>.</summary>
    public const int AsksScheduled = 0, AsksSent = 1, AsksAnswered = 2, Promoters = 3, Detractors = 4,
        ReferralsStarted = 5, StartedConverted = 6, Visits = 7, Conversions = 8, CountColumns = 9;

    public Dictionary<(Guid Tenant, long Hour), int[]> Counts { get; } = [];

    public Dictionary<(Guid Tenant, long Hour, string Currency), RevenueChange> Revenue { get; } = [];

    public Dictionary<(Guid Tenant, long Hour, string Currency, LedgerEntryType Type, LedgerEntryState State), LedgerChange> Ledger { get; } = [];

    /// <summary>True when nothing changes (rows whose changes cancel out are dropped).</summary>
    public bool IsEmpty => !Counts.Values.Any(c => c.Any(v => v != 0)) && !Revenue.Values.Any(r => !r.IsZero) && !Ledger.Values.Any(l => !l.IsZero);

    public static bool Stands(ReferralState state) => state is ReferralState.Converted or ReferralState.Rewarded;

    public void Ask(Guid tenant, AskTrigger trigger, DateTimeOffset createdAt, DateTimeOffset? sentAt, DateTimeOffset? answeredAt, int? score, int sign)
    {
        // Advocate news travels as an ask but asks nobody anything: planned and sent leave it out, as the funnel does.
        if (trigger != AskTrigger.AdvocateNews)
        {
            Count(tenant, createdAt, AsksScheduled, sign);
            if (sentAt is { } sent)
            {
                Count(tenant, sent, AsksSent, sign);
            }
        }

        if (answeredAt is { } answered)
        {
            Count(tenant, answered, AsksAnswered, sign);
            if (score >= NetPromoterScore.PromoterMinimum)
            {
                Count(tenant, answered, Promoters, sign);
            }
            else if (score <= NetPromoterScore.DetractorMaximum)
            {
                Count(tenant, answered, Detractors, sign);
            }
        }
    }

    public void Referral(Guid tenant, ReferralState state, DateTimeOffset createdAt, DateTimeOffset? visitedAt, DateTimeOffset? convertedAt, int sign)
    {
        Count(tenant, createdAt, ReferralsStarted, sign);
        if (Stands(state))
        {
            Count(tenant, createdAt, StartedConverted, sign);
        }

        if (visitedAt is { } visited)
        {
            Count(tenant, visited, Visits, sign);
        }

        if (convertedAt is { } converted && Stands(state))
        {
            Count(tenant, converted, Conversions, sign);
        }
    }

    public void Order(Guid tenant, DateTimeOffset? paidAt, DateTimeOffset? cancelledAt, string currency, decimal total, decimal refunded, bool referralStands, int sign)
    {
        if (paidAt is not { } paid || cancelledAt is not null)
        {
            return;
        }

        var key = (tenant, RollupHours.Of(paid), currency);
        var change = Revenue.TryGetValue(key, out var found) ? found : new RevenueChange();
        change.Orders += sign;
        change.Gross += sign * total;
        change.Refunded += sign * refunded;
        if (referralStands)
        {
            change.ReferralOrders += sign;
            change.ReferralGross += sign * total;
            change.ReferralRefunded += sign * refunded;
        }

        Revenue[key] = change;
    }

    public void LedgerEntry(Guid tenant, DateTimeOffset createdAt, string currency, LedgerEntryType type, LedgerEntryState state, decimal amount, int sign)
    {
        var key = (tenant, RollupHours.Of(createdAt), currency, type, state);
        var change = Ledger.TryGetValue(key, out var found) ? found : new LedgerChange();
        change.Entries += sign;
        change.Amount += sign * amount;
        Ledger[key] = change;
    }

    /// <summary>Adds every change of <paramref name="other"/> to this one (several saves written as one).</summary>
    public void Add(RollupDelta other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, counts) in other.Counts)
        {
            if (!Counts.TryGetValue(key, out var mine))
            {
                mine = new int[CountColumns];
                Counts[key] = mine;
            }

            for (var column = 0; column < CountColumns; column++)
            {
                mine[column] += counts[column];
            }
        }

        foreach (var (key, change) in other.Revenue)
        {
            var mine = Revenue.TryGetValue(key, out var found) ? found : new RevenueChange();
            mine.Orders += change.Orders;
            mine.Gross += change.Gross;
            mine.Refunded += change.Refunded;
            mine.ReferralOrders += change.ReferralOrders;
            mine.ReferralGross += change.ReferralGross;
            mine.ReferralRefunded += change.ReferralRefunded;
            Revenue[key] = mine;
        }

        foreach (var (key, change) in other.Ledger)
        {
            var mine = Ledger.TryGetValue(key, out var found) ? found : new LedgerChange();
            mine.Entries += change.Entries;
            mine.Amount += change.Amount;
            Ledger[key] = mine;
        }
    }

    private void Count(Guid tenant, DateTimeOffset time, int column, int sign)
    {
        var key = (tenant, RollupHours.Of(time));
        if (!Counts.TryGetValue(key, out var counts))
        {
            counts = new int[CountColumns];
            Counts[key] = counts;
        }

        counts[column] += sign;
    }

    internal sealed class RevenueChange
    {
        public int Orders { get; set; }

        public decimal Gross { get; set; }

        public decimal Refunded { get; set; }

        public int ReferralOrders { get; set; }

        public decimal ReferralGross { get; set; }

        public decimal ReferralRefunded { get; set; }

        public bool IsZero => Orders == 0 && Gross == 0 && Refunded == 0 && ReferralOrders == 0 && ReferralGross == 0 && ReferralRefunded == 0;
    }

    internal sealed class LedgerChange
    {
        public int Entries { get; set; }

        public decimal Amount { get; set; }

        public bool IsZero => Entries == 0 && Amount == 0;
    }
}
