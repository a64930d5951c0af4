namespace Referrals.Core.Attribution;

/// <summary>The result of attributing an order, and for an unattributed order the reason.</summary>
public enum AttributionOutcome
{
    /// <summary>A candidate won; <see cref="AttributionDecision.Winner"/> is set.</summary>
    Attributed = 0,

    /// <summary>The program attributes first orders only and the buyer had ordered before.</summary>
    NotFirstOrder = 1,

    /// <summary>There was no candidate at all.</summary>
    NoMatch = 2,

    /// <summary>There were candidates, but every one was touched outside the attribution window.</summary>
    WindowExpired = 3,
}
