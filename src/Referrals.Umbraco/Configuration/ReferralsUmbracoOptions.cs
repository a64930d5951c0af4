namespace Referrals.Umbraco.Configuration;

/// <summary>
/// Settings of the Umbraco package (<c>Referrals:Umbraco</c>); the engine's own settings sit beside it under
/// <c>Referrals</c>. Validated at start-up by <see cref="ReferralsUmbracoOptionsValidator"/>.
/// </summary>
public sealed class ReferralsUmbracoOptions
{
    /// <summary>The configuration section, relative to the configuration root.</summary>
    public const string SectionName = "Referrals:Umbraco";

    /// <summary>Default tenant key: one Umbraco site is one program.</summary>
    public const string DefaultTenantKey = "umbraco";

    /// <summary>Default display name of the program's tenant.</summary>
    public const string DefaultSiteName = "Umbraco site";

    /// <summary>Default landing page of <c>/r/{code}</c>: the site's home page.</summary>
    public const string DefaultLandingPath = "/";

    /// <summary>Default page a successful refer-a-friend form post redirects to.</summary>
    public const string DefaultThanksPath = "/";

    /// <summary>Default number of refer-a-friend posts one client address may make per window.</summary>
    public const int DefaultReferFormPermitLimit = 5;

    /// <summary>Default rate-limit window of the refer-a-friend form, in minutes.</summary>
    public const int DefaultReferFormWindowMinutes = 10;

    /// <summary>The tenant key the site's program is stored under. Default <see cref="DefaultTenantKey"/>.</summary>
    public string TenantKey { get; set; } = DefaultTenantKey;

    /// <summary>The program's display name. Default <see cref="DefaultSiteName"/>.</summary>
    public string SiteName { get; set; } = DefaultSiteName;

    /// <summary>
    /// Where <c>/r/{code}</c> sends the friend: a site-relative path such as <c>/offer</c>. It comes from
    /// configuration only, never from a request, so the link cannot be used as an open redirect.
    /// Default <see cref="DefaultLandingPath"/>.
    /// </summary>
    public string LandingPath { get; set; } = DefaultLandingPath;

    /// <summary>Where the refer-a-friend form redirects after a successful post (site-relative). Default <see cref="DefaultThanksPath"/>.</summary>
    public string ThanksPath { get; set; } = DefaultThanksPath;

    /// <summary>Grant the Referrals section to the Administrators group at start-up (idempotent). Default true.</summary>
    public bool GrantSectionToAdministrators { get; set; } = true;

    /// <summary>
    /// Run a Hangfire server in this site for the engine's jobs. Default true. Turn it off on sites where another
    /// instance runs the jobs; the recurring jobs are still registered in the shared storage.
    /// </summary>
    public bool RunJobServer { get; set; } = true;

    /// <summary>Refer-a-friend posts one client address may make per window. Default <see cref="DefaultReferFormPermitLimit"/>.</summary>
    public int ReferFormPermitLimit { get; set; } = DefaultReferFormPermitLimit;

    /// <summary>The refer-a-friend rate-limit window in minutes. Default <see cref="DefaultReferFormWindowMinutes"/>.</summary>
    public int ReferFormWindowMinutes { get; set; } = DefaultReferFormWindowMinutes;
}
