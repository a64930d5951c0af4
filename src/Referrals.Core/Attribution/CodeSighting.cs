namespace Referrals.Core.Attribution;

/// <summary>
/// One place on an order where a referral code appeared. The caller turns <see cref="RawValue"/> into a
/// canonical code key (the code-key rules of <c>Referrals.Core.Codes</c>) and looks up the advocate.
/// </summary>
/// <param name="Rule">Where the code was found, which is also its attribution priority.</param>
/// <param name="RawValue">The code as found: URL-decoded and trimmed, otherwise not normalized. Never empty.</param>
public sealed record CodeSighting(AttributionRule Rule, string RawValue);
