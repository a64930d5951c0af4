using Referrals.Core.Attribution;

namespace Referrals.Core.Engine;

/// <summary>
/// What <see cref="ReferralMatcher.FindCandidatesAsync"/> found for an order: the attribution candidates, the code ids by
/// lookup key, and for each advocate behind a code their stored external id in the order's system (null when they have
/// none), read with the code so that the fraud check does not read it again.
/// </summary>
internal sealed record MatchedCandidates(
    List<AttributionCandidate> Candidates,
    Dictionary<string, Guid> CodeIds,
    Dictionary<Guid, string?> AdvocateExternalIds);
