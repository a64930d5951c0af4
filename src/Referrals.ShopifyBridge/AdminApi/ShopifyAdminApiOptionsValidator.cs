using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>Checks <see cref="ShopifyAdminApiOptions"/> at start-up; each message names the key and how to fix it.</summary>
internal sealed partial class ShopifyAdminApiOptionsValidator : IValidateOptions<ShopifyAdminApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopifyAdminApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string P = ShopifyAdminApiOptions.Path;
        if (string.IsNullOrWhiteSpace(options.ApiVersion) || !ApiVersionPattern().IsMatch(options.ApiVersion))
        {
            failures.Add($"{P}:ApiVersion '{options.ApiVersion}' is not an Admin API version. Use YYYY-MM with a quarter month (01, 04, 07 or 10), for example '{ShopifyAdminApiOptions.DefaultApiVersion}'.");
        }

        if (options.BaseAddress is { } address && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{P}:BaseAddress '{address}' must be an absolute http or https address such as 'http://127.0.0.1:5123', or left unset to call https://{{shop}}.");
        }

        if (options.MaxAttempts is < ShopifyAdminApiOptions.MaxAttemptsLowerBound or > ShopifyAdminApiOptions.MaxAttemptsUpperBound)
        {
            failures.Add($"{P}:MaxAttempts {options.MaxAttempts} is out of range. Use {ShopifyAdminApiOptions.MaxAttemptsLowerBound} to {ShopifyAdminApiOptions.MaxAttemptsUpperBound} (default {ShopifyAdminApiOptions.DefaultMaxAttempts}).");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{P}:AttemptTimeout must be positive, for example '00:00:30'.");
        }

        if (options.BaseRetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.BaseRetryDelay)
        {
            failures.Add($"{P}:BaseRetryDelay must be zero or more and {P}:MaxRetryDelay at least as long (defaults '00:00:01' and '00:00:30').");
        }

        if (options.InitialCostEstimate <= 0)
        {
            failures.Add($"{P}:InitialCostEstimate must be a positive number of points (default {ShopifyAdminApiOptions.DefaultInitialCostEstimate}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^\d{4}-(01|04|07|10)$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();
}
