using Microsoft.Extensions.Options;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>Checks <see cref="AppProxyOptions"/> at start-up; each message names the key and the allowed range.</summary>
internal sealed class AppProxyOptionsValidator : IValidateOptions<AppProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, AppProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, nameof(options.TimestampToleranceSeconds), options.TimestampToleranceSeconds, 1, 600);
        Check(failures, nameof(options.InvitePermitLimit), options.InvitePermitLimit, 1, 1000);
        Check(failures, nameof(options.InviteWindowSeconds), options.InviteWindowSeconds, 1, 86400);
        Check(failures, nameof(options.MaxFormBytes), options.MaxFormBytes, 256, 65536);
        Check(failures, nameof(options.FormTokenLifetimeMinutes), options.FormTokenLifetimeMinutes, 1, 1440);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{AppProxyOptions.Path}:{key} is {value}; set it between {min} and {max}, or remove it for the default.");
        }
    }
}
