using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Referrals.Umbraco.Security;

namespace Referrals.Umbraco.Api.Infrastructure;

/// <summary>
/// The base of every backoffice API controller: Umbraco's <c>BackOfficeAccess</c> policy on the backoffice token
/// scheme, and our section policy. Errors are RFC 7807 problem details.
/// </summary>
[ApiController]
[ApiExplorerSettings(GroupName = ReferralsOpenApi.DocumentName)]
[Authorize(Policy = ReferralsPolicies.BackOfficeAccess, AuthenticationSchemes = ReferralsPolicies.BackOfficeScheme)]
[Authorize(Policy = ReferralsPolicies.SectionAccess)]
[ReferralsJsonResultFilter]
internal abstract class ReferralsApiController : ControllerBase
{
    /// <summary>The route prefix of the API.</summary>
    public const string RoutePrefix = "umbraco/referrals/api/v1";

    /// <summary>A 400 validation problem with one error.</summary>
    protected ActionResult Invalid(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return ValidationProblem(ModelState);
    }

    /// <summary>A 404 problem.</summary>
    protected ObjectResult NotFoundProblem(string detail) => Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    /// <summary>A 409 problem.</summary>
    protected ObjectResult ConflictProblem(string detail) => Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
