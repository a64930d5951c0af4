using Microsoft.AspNetCore.Authorization;
using Umbraco.Cms.Core.Models.Membership;
using Umbraco.Cms.Core.Security.Authorization;

namespace Referrals.Umbraco.Security;

/// <summary>
/// Grants <see cref="ReferralsSectionRequirement"/> when the principal resolves to an Umbraco user whose groups
/// allow the section. Resolves the user rather than reading section claims: Umbraco 18 no longer issues them.
/// </summary>
internal sealed class ReferralsSectionHandler : AuthorizationHandler<ReferralsSectionRequirement>
{
    private readonly IAuthorizationHelper _users;

    public ReferralsSectionHandler(IAuthorizationHelper users)
    {
        _users = users;
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReferralsSectionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && _users.TryGetUmbracoUser(context.User, out IUser? user)
            && user.AllowedSections.Contains(ReferralsPolicies.SectionAlias, StringComparer.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
