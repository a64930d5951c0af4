namespace Referrals.Core.Engine;

/// <summary>An active code as a landing page needs it: whose it is and how it is shown.</summary>
/// <param name="AdvocateContactId">The advocate the code belongs to.</param>
/// <param name="Display">The code as shown, like <c>ANNA-7KQ2M9</c>.</param>
public sealed record LandingCode(Guid AdvocateContactId, string Display);
