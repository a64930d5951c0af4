using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Referrals.ShopifyBridge.Configuration;

/// <summary>
/// Checks <see cref="ShopifyOptions"/> at start-up. Every failure names the key and the fix; secret values never
/// appear in a message. No setting at all is valid: the bridge then runs without Shopify.
/// </summary>
internal sealed partial class ShopifyOptionsValidator : IValidateOptions<ShopifyOptions>
{
    private const string Key = ShopifyOptions.Path;

    public ValidateOptionsResult Validate(string? name, ShopifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasClientId = !string.IsNullOrWhiteSpace(options.ClientId);
        var hasAppUrl = !string.IsNullOrWhiteSpace(options.AppUrl);

        if (!options.WebhooksEnabled && (hasClientId || hasAppUrl))
        {
            var why = hasClientId ? "ClientId" : "AppUrl";
            failures.Add($"{Key}:ClientSecret is empty, but {Key}:{why} is set. Set ClientSecret to the app's client secret from the "
                + "Shopify Dev Dashboard (for example with the environment variable Referrals__Shopify__ClientSecret); without it no webhook can be verified.");
        }

        if (!string.IsNullOrWhiteSpace(options.PreviousClientSecret) && !options.WebhooksEnabled)
        {
            failures.Add($"{Key}:PreviousClientSecret is set but ClientSecret is empty. Set ClientSecret to the current secret; "
                + "PreviousClientSecret only keeps the old one valid during a rotation.");
        }

        CheckSecretSpacing(failures, "ClientSecret", options.ClientSecret);
        CheckSecretSpacing(failures, "PreviousClientSecret", options.PreviousClientSecret);

        if (hasAppUrl && !hasClientId)
        {
            failures.Add($"{Key}:ClientId is empty, but {Key}:AppUrl is set. Set ClientId to the app's client id from the Shopify Dev Dashboard; installs need it.");
        }

        if (hasAppUrl && !IsAcceptableAppUrl(options.AppUrl!))
        {
            failures.Add($"{Key}:AppUrl: '{options.AppUrl}' is not an absolute https URL. Use the bridge's public address, "
                + "for example https://referrals.example.com (plain http is accepted only for localhost).");
        }

        if (!ApiVersionPattern().IsMatch(options.ApiVersion ?? ""))
        {
            failures.Add($"{Key}:ApiVersion: '{options.ApiVersion}' is not a Shopify API version. Use a quarterly version YYYY-MM "
                + $"(month 01, 04, 07 or 10), or remove the key to use {ShopifyOptions.DefaultApiVersion}.");
        }

        if (options.MaxWebhookBytes is < ShopifyOptions.MaxWebhookBytesLowerBound or > ShopifyOptions.MaxWebhookBytesUpperBound)
        {
            failures.Add($"{Key}:MaxWebhookBytes: {options.MaxWebhookBytes} is outside {ShopifyOptions.MaxWebhookBytesLowerBound}-"
                + $"{ShopifyOptions.MaxWebhookBytesUpperBound}. {ShopifyOptions.DefaultMaxWebhookBytes} (1 MiB) is the default.");
        }

        if (!string.IsNullOrEmpty(options.OperatorPasswordHash) && !Merchants.OperatorPasswordHash.IsWellFormed(options.OperatorPasswordHash))
        {
            failures.Add($"{Key}:OperatorPasswordHash is not a password hash. Make one with `dotnet Referrals.ShopifyBridge.dll hash-password` "
                + $"(form {Merchants.OperatorPasswordHash.Algorithm}$iterations$salt$hash, at least {Merchants.OperatorPasswordHash.MinimumIterations} iterations), or remove the key.");
        }

        var badScopes = (options.Scopes ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !ScopePattern().IsMatch(s)).ToList();
        if (badScopes.Count > 0)
        {
            failures.Add($"{Key}:Scopes: '{string.Join("', '", badScopes)}' is not an access scope. Use a comma-separated list "
                + "such as read_orders,write_customers.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A secret pasted with a trailing newline signs nothing Shopify sends: every webhook would get 401.
    private static void CheckSecretSpacing(List<string> failures, string key, string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Trim().Length != secret.Length)
        {
            failures.Add($"{Key}:{key} starts or ends with white space. Copy the secret again without spaces or line breaks.");
        }
    }

    private static bool IsAcceptableAppUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    [GeneratedRegex(@"^20[0-9]{2}-(01|04|07|10)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();

    [GeneratedRegex(@"^[a-z][a-z_]*[a-z]\z", RegexOptions.CultureInvariant)]
    private static partial Regex ScopePattern();
}
