using System.Net;
using System.Text;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>The frame of every server-rendered page: one column that reads well on a phone, no scripts.</summary>
internal static class BridgePage
{
    /// <summary>Encodes text for HTML.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A full page with <paramref name="title"/> and the given (already encoded) body.</summary>
    public static IResult Render(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · ReferralPlugins bridge</title>")
            .Append("<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:40rem;color:#1b264f}")
            .Append("table{border-collapse:collapse;width:100%}td{padding:.35rem .8rem .35rem 0;border-bottom:1px solid #e3e6ef}td+td{font-weight:600}")
            .Append("label{display:block;margin:.8rem 0 .2rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem}")
            .Append("button{margin-top:1rem;padding:.7rem 1.2rem;font-size:1rem}.error{color:#a4161a}.warn{color:#8a5a00}")
            .Append(MerchantPageStyles.Css)
            .Append("</style></head><body>")
            .Append("<h1>").Append(E(title)).Append("</h1>")
            .Append(bodyHtml)
            .Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>A page that explains a failure and what to do.</summary>
    public static IResult Error(string title, string message, int statusCode) =>
        Render(title, $"<p class=\"error\">{E(message)}</p><p><a href=\"/\">Back to the bridge</a></p>", statusCode);
}
