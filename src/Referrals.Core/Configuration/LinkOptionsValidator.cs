namespace Referrals.Core.Configuration;

/// <summary>The checks of <see cref="LinkOptions"/>, run by <see cref="ReferralsOptionsValidator"/>; each message names the key and the fix.</summary>
internal static class LinkOptionsValidator
{
    private const string Section = $"{ReferralsOptions.SectionName}:Links";

    public static IEnumerable<string> Validate(LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!TryParseBaseUrl(options.PublicBaseUrl, out _))
        {
            yield return $"{Section}:PublicBaseUrl: '{options.PublicBaseUrl}' is not an absolute http:// or https:// address without query or fragment. Use the address customers reach, for example \"https://shop.example\".";
        }

        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            if (!TryDecodeKey(options.SigningKey, out _))
            {
                yield return $"{Section}:SigningKey must be base64 of at least {LinkOptions.MinimumKeyBytes} random bytes. Generate one with `openssl rand -base64 {LinkOptions.MinimumKeyBytes}`, or leave it empty to have one generated into {Section}:KeyFile.";
            }
        }
        else if (string.IsNullOrWhiteSpace(options.KeyFile))
        {
            yield return $"{Section}:KeyFile is empty, and {Section}:SigningKey is empty too. Set {Section}:SigningKey, or a writable file for the generated key, for example \"{LinkOptions.DefaultKeyFile}\".";
        }
    }

    public static bool TryParseBaseUrl(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
            || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            return false;
        }

        url = parsed;
        return true;
    }

    public static bool TryDecodeKey(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return key.Length >= LinkOptions.MinimumKeyBytes;
    }
}
