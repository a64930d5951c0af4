
namespace Referrals.Umbraco.Visitor;

/// <summary>The first-party cookie <c>/r/{code}</c> sets so a later sign-up or order can be attributed.</summary>
public static class AttributionCookie
{
    /// <summary>The cookie's name.</summary>
    public const string Name = "referrals_ref";

    /// <summary>The longest value we read back; codes are short, anything longer is not ours.</summary>
    internal const int MaximumLength = 64;

    /// <summary>The referral code in the request's cookie, or null.</summary>
    /// <param name="request">The current request; null outside a request.</param>
    public static string? Read(HttpRequest? request)
    {
        if (request is null || !request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrWhiteSpace(value) || value.Length > MaximumLength)
        {
            return null;
        }

        return value;
    }

    internal static void Write(HttpResponse response, string code, int days)
    {
        response.Cookies.Append(Name, code, new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = false,
            Path = "/",
            MaxAge = TimeSpan.FromDays(Math.Max(1, days)),
        });
    }
}
