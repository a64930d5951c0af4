namespace Referrals.Core.Attribution;

/// <summary>
/// Decides which advocate, if any, an order is attributed to. Pure: no IO and no clock, so the same inputs
/// always give the same decision and the order can be re-processed safely.
/// </summary>
/// <remarks>
/// Self-referral (the buyer is the advocate) is not checked here; that is the fraud checks' job.
/// </remarks>
public static class AttributionEngine
{
    /// <summary>
    /// Attributes <paramref name="order"/> to one of <paramref name="candidates"/>:
    /// <list type="number">
    /// <item>with <see cref="AttributionPolicy.FirstOrderOnly"/> and a previous order, nothing wins
    /// (<see cref="AttributionOutcome.NotFirstOrder"/>);</item>
    /// <item>candidates are taken in <see cref="AttributionRule"/> priority, keeping list order within a rule;</item>
    /// <item>a candidate with a known <see cref="AttributionCandidate.TouchedAt"/> is valid when the order was
    /// placed at most <see cref="AttributionPolicy.AttributionWindow"/> after the touch (inclusive) and at most
    /// <see cref="AttributionPolicy.ClockSkewTolerance"/> before it; an unknown touch time is always valid;</item>
    /// <item>the first valid candidate wins, the other valid ones are reported in
    /// <see cref="AttributionDecision.OtherMatches"/>;</item>
    /// <item>with no valid candidate the outcome is <see cref="AttributionOutcome.WindowExpired"/> when some
    /// candidate was out of the window, otherwise <see cref="AttributionOutcome.NoMatch"/>.</item>
    /// </list>
    /// </summary>
    /// <param name="order">The order's facts.</param>
    /// <param name="candidates">The resolved sightings and invited-e-mail matches, in any order.</param>
    /// <param name="policy">The program's attribution settings.</param>
    /// <returns>The decision; never null.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A candidate is null or has an undefined <see cref="AttributionRule"/>.</exception>
    public static AttributionDecision Decide(
        OrderAttributionFacts order,
        IReadOnlyList<AttributionCandidate> candidates,
        AttributionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(policy);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i]
                ?? throw new ArgumentException($"Candidate {i} is null.", nameof(candidates));
            if (!Enum.IsDefined(candidate.Rule))
            {
                throw new ArgumentException($"Candidate {i} has an undefined attribution rule ({(int)candidate.Rule}).", nameof(candidates));
            }
        }

        if (policy.FirstOrderOnly && order.PreviousOrderCount > 0)
        {
            return AttributionDecision.NotAttributed(AttributionOutcome.NotFirstOrder);
        }

        // OrderBy is a stable sort: list order breaks ties within a rule.
        var valid = new List<AttributionCandidate>(candidates.Count);
        var anyExpired = false;
        foreach (var candidate in candidates.OrderBy(c => c.Rule))
        {
            if (IsInWindow(order.PlacedAt, candidate.TouchedAt, policy.AttributionWindow))
            {
                valid.Add(candidate);
            }
            else
            {
                anyExpired = true;
            }
        }

        if (valid.Count == 0)
        {
            return AttributionDecision.NotAttributed(anyExpired ? AttributionOutcome.WindowExpired : AttributionOutcome.NoMatch);
        }

        return AttributionDecision.AttributedTo(valid[0], valid.GetRange(1, valid.Count - 1));
    }

    private static bool IsInWindow(DateTimeOffset placedAt, DateTimeOffset? touchedAt, TimeSpan window)
    {
        // A code typed at checkout with no recorded visit has no touch time: nothing to expire.
        if (touchedAt is not { } touched)
        {
            return true;
        }

        var elapsed = placedAt - touched;
        return elapsed <= window && elapsed >= -AttributionPolicy.ClockSkewTolerance;
    }
}
