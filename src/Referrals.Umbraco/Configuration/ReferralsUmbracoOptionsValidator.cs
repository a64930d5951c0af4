using Microsoft.Extensions.Options;

namespace Referrals.Umbraco.Configuration;

/// <summary>Checks <see cref="ReferralsUmbracoOptions"/> at start-up; each message names the key and the fix.</summary>
internal sealed class ReferralsUmbracoOptionsValidator : IValidateOptions<ReferralsUmbracoOptions>
{
    public ValidateOptionsResult Validate(string? name, ReferralsUmbracoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string prefix = ReferralsUmbracoOptions.SectionName;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TenantKey) || options.TenantKey.Length > 100)
        {
            failures.Add($"{prefix}:TenantKey must be 1-100 characters; the default is \"{ReferralsUmbracoOptions.DefaultTenantKey}\".");
        }

        CheckPath(failures, $"{prefix}:LandingPath", options.LandingPath);
        CheckPath(failures, $"{prefix}:ThanksPath", options.ThanksPath);
        if (options.ReferFormPermitLimit is < 1 or > 1000)
        {
            failures.Add($"{prefix}:ReferFormPermitLimit: {options.ReferFormPermitLimit} is outside 1-1000; the default is {ReferralsUmbracoOptions.DefaultReferFormPermitLimit}.");
        }

        if (options.ReferFormWindowMinutes is < 1 or > 1440)
        {
            failures.Add($"{prefix}:ReferFormWindowMinutes: {options.ReferFormWindowMinutes} is outside 1-1440; the default is {ReferralsUmbracoOptions.DefaultReferFormWindowMinutes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPath(List<string> failures, string key, string? path)
    {
        if (!SitePath.IsLocal(path))
        {
            failures.Add($"{key}: '{path}' is not a path on this site. Use a path that starts with a single '/', for example \"/offer\".");
        }
    }
}
