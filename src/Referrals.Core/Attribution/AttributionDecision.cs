using System.Diagnostics.CodeAnalysis;

namespace Referrals.Core.Attribution;

/// <summary>
/// What <see cref="AttributionEngine.Decide"/> concluded about one order. Only the engine creates
/// decisions, so the members are always consistent: <see cref="Winner"/> and <see cref="Rule"/> are set
/// exactly when <see cref="Attributed"/> is true, and the match lists are empty otherwise.
/// </summary>
public sealed class AttributionDecision
{
    private AttributionDecision(
        AttributionOutcome outcome,
        AttributionCandidate? winner,
        IReadOnlyList<AttributionCandidate> otherMatches)
    {
        Outcome = outcome;
        Winner = winner;
        Rule = winner?.Rule;
        OtherMatches = otherMatches;
        HasConflictingAdvocates = winner is not null
            && otherMatches.Any(other => other.AdvocateContactId != winner.AdvocateContactId);
    }

    /// <summary>Whether the order was attributed, or why not.</summary>
    public AttributionOutcome Outcome { get; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="AttributionOutcome.Attributed"/>.</summary>
    [MemberNotNullWhen(true, nameof(Winner), nameof(Rule))]
    public bool Attributed => Winner is not null && Rule is not null;

    /// <summary>The rule of the winning candidate; null when not attributed.</summary>
    public AttributionRule? Rule { get; }

    /// <summary>The winning candidate: the valid candidate of highest rule priority, first in list order within a rule. Null when not attributed.</summary>
    public AttributionCandidate? Winner { get; }

    /// <summary>
    /// The other candidates that were also valid (inside the window), in priority order. Non-empty means
    /// more than one rule or code matched the order, which the review queue may want to show. Empty when
    /// not attributed.
    /// </summary>
    public IReadOnlyList<AttributionCandidate> OtherMatches { get; }

    /// <summary>
    /// True when one of <see cref="OtherMatches"/> names a different advocate than <see cref="Winner"/>:
    /// two advocates claim the same order. False when not attributed.
    /// </summary>
    public bool HasConflictingAdvocates { get; }

    /// <summary>A decision for <paramref name="winner"/> with the other valid candidates.</summary>
    internal static AttributionDecision AttributedTo(AttributionCandidate winner, IReadOnlyList<AttributionCandidate> otherMatches) =>
        new(AttributionOutcome.Attributed, winner, otherMatches);

    /// <summary>A decision not to attribute, for one of the non-attributed outcomes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is <see cref="AttributionOutcome.Attributed"/> or undefined.</exception>
    internal static AttributionDecision NotAttributed(AttributionOutcome reason)
    {
        if (reason == AttributionOutcome.Attributed || !Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "A decision not to attribute needs a reason other than Attributed.");
        }

        return new AttributionDecision(reason, null, []);
    }
}
