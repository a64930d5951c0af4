using Microsoft.AspNetCore.Authorization;

namespace Referrals.Umbraco.Security;

/// <summary>The backoffice user must be allowed into <see cref="ReferralsPolicies.SectionAlias"/>.</summary>
public sealed class ReferralsSectionRequirement : IAuthorizationRequirement;
