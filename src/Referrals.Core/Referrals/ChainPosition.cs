namespace Referrals.Core.Referrals;

/// <summary>
/// Where a referral sits in a referral tree. Referrals beget referrals: a friend who converts can become an advocate,
/// and their referrals hang under the referral that brought them in.
/// </summary>
/// <param name="ParentReferralId">The referral that brought the advocate in, or null when the advocate is a root.</param>
/// <param name="RootAdvocateContactId">The advocate at the top of the tree.</param>
/// <param name="Depth">1 for a root advocate's own referrals, 2 for their friends' referrals, and so on.</param>
public readonly record struct ChainPosition(Guid? ParentReferralId, Guid RootAdvocateContactId, int Depth)
{
    /// <summary>The position of a referral made by <paramref name="advocateContactId"/>.</summary>
    /// <param name="advocateContactId">The advocate making the referral.</param>
    /// <param name="advocatesOwnReferral">The converted referral through which the advocate was themselves referred, if any.</param>
    public static ChainPosition For(Guid advocateContactId, Referral? advocatesOwnReferral) =>
        advocatesOwnReferral is null
            ? new ChainPosition(null, advocateContactId, 1)
            : new ChainPosition(advocatesOwnReferral.Id, advocatesOwnReferral.RootAdvocateContactId, advocatesOwnReferral.Depth + 1);
}
