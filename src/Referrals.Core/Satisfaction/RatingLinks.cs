namespace Referrals.Core.Satisfaction;

/// <summary>Builds the one-click rating links of a satisfaction e-mail: <c>{base}/rate/{token}</c>.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class RatingLinks
{
    /// <summary>The path segment that marks a rating link.</summary>
    public const string PathSegment = "rate";

    /// <summary>How many links a satisfaction e-mail carries: one per score 0-10.</summary>
    public const int Count = SatisfactionGate.MaximumScore - SatisfactionGate.MinimumScore + 1;

    /// <summary>Builds the eleven links for one ask, signed with the signer's current key.</summary>
    /// <param name="signer">Signs the tokens.</param>
    /// <param name="baseUrl">The site or storefront address: absolute, http or https, without query or fragment; a base path is kept.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="askId">The ask being answered (single use is enforced against it when the answer is stored).</param>
    /// <param name="contactId">The contact asked.</param>
    /// <param name="expiresAt">The first instant the links stop working.</param>
    /// <returns>Eleven links; the link at index <c>n</c> records the score <c>n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signer"/> or <paramref name="baseUrl"/> is null.</exception>
    /// <exception cref="ArgumentException">The base URL is not usable, or an id is empty.</exception>
    public static IReadOnlyList<Uri> ForAllScores(
        RatingLinkSigner signer, Uri baseUrl, Guid tenantId, Guid askId, Guid contactId, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var basePath = BasePath(baseUrl);
        var links = new Uri[Count];
        for (var score = 0; score < Count; score++)
        {
            var token = signer.Sign(new RatingToken(tenantId, askId, contactId, score, expiresAt));
            links[score] = new Uri($"{basePath}/{PathSegment}/{token}", UriKind.Absolute);
        }

        return links;
    }

    private static string BasePath(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException(
                $"The rating link base URL '{baseUrl.OriginalString}' must be an absolute https:// or http:// address, for example https://shop.example.",
                nameof(baseUrl));
        }

        if (baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
        {
            throw new ArgumentException(
                $"The rating link base URL '{baseUrl.AbsoluteUri}' must not have a query (?...) or fragment (#...); use the bare site address.",
                nameof(baseUrl));
        }

        return baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
