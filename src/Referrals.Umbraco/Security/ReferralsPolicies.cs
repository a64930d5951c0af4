namespace Referrals.Umbraco.Security;

/// <summary>Names the package's authorization policies and the Umbraco names it relies on.</summary>
public static class ReferralsPolicies
{
    /// <summary>Our policy: the backoffice user's groups allow the Referrals section.</summary>
    public const string SectionAccess = "Referrals.SectionAccess";

    /// <summary>The alias of the backoffice section the package adds (as the user groups store it).</summary>
    public const string SectionAlias = "Referrals.Section";

    /// <summary>
    /// Umbraco's policy for any signed-in backoffice user (<c>AuthorizationPolicies.BackOfficeAccess</c> in
    /// Umbraco.Cms.Web.Common; the policy name equals the constant's name). The site registers it.
    /// </summary>
    public const string BackOfficeAccess = "BackOfficeAccess";

    /// <summary>The authentication scheme of Umbraco's backoffice tokens (OpenIddict validation).</summary>
    public const string BackOfficeScheme = "OpenIddict.Validation.AspNetCore";
}
