namespace Referrals.Core.Codes;

/// <summary>Builds the personal link an advocate shares: <c>{base}/r/{code}</c>.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class ReferralLink
{
    /// <summary>The path segment that marks a referral link.</summary>
    public const string PathSegment = "r";

    /// <summary>
    /// Appends <c>/r/{code}</c> to the path of <paramref name="baseUrl"/>. A base path is kept
    /// (<c>https://shop.example/en</c> gives <c>https://shop.example/en/r/CODE</c>) and a trailing slash does
    /// not double up. The code is trimmed and URL-escaped as one path segment.
    /// </summary>
    /// <param name="baseUrl">The site or storefront address: absolute, http or https, without query or fragment.</param>
    /// <param name="displayCode">The code as displayed, for example <c>ANNA-7KQ2M9</c>.</param>
    /// <returns>The link. Use <see cref="Uri.AbsoluteUri"/> for its escaped text (<see cref="Uri.ToString"/> unescapes).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="baseUrl"/> is relative, not http/https, or has a query or fragment; or
    /// <paramref name="displayCode"/> is empty or white space.
    /// </exception>
    public static Uri Create(Uri baseUrl, string displayCode)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayCode);

        if (!baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException(
                $"The referral link base URL '{baseUrl.OriginalString}' must be absolute, for example https://shop.example.",
                nameof(baseUrl));
        }

        if (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException(
                $"The referral link base URL must start with https:// or http://, not {baseUrl.Scheme}:.",
                nameof(baseUrl));
        }

        if (baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
        {
            throw new ArgumentException(
                $"The referral link base URL '{baseUrl.AbsoluteUri}' must not have a query (?...) or fragment (#...); use the bare site address.",
                nameof(baseUrl));
        }

        var basePath = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{basePath}/{PathSegment}/{Uri.EscapeDataString(displayCode.Trim())}", UriKind.Absolute);
    }
}
