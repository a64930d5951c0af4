using System.Net;
using System.Text;

namespace Referrals.ShopifyBridge.Asking;

/// <summary>
/// The small, self-contained HTML pages a contact sees after clicking a link in an ask e-mail: readable on a phone,
/// no scripts, no external assets. Every piece of text is HTML-encoded here.
/// </summary>
internal sealed class AskingPage
{
    private readonly StringBuilder _body = new();

    private AskingPage(string title)
    {
        Title = title;
    }

    public string Title { get; }

    public static AskingPage Titled(string title) => new(title);

    public AskingPage Paragraph(string text)
    {
        _body.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>");
        return this;
    }

    /// <summary>A link shown in full, so it can be copied as well as tapped.</summary>
    public AskingPage Link(Uri url)
    {
        var href = WebUtility.HtmlEncode(url.AbsoluteUri);
        _body.Append("<p class=\"link\"><a href=\"").Append(href).Append("\">").Append(href).Append("</a></p>");
        return this;
    }

    /// <summary>A form that posts back to the page's own address (the token stays in the path) with one button.</summary>
    public AskingPage ConfirmButton(string label, string? hiddenName = null, string? hiddenValue = null)
    {
        _body.Append("<form method=\"post\">");
        if (hiddenName is not null)
        {
            _body.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(hiddenName))
                .Append("\" value=\"").Append(WebUtility.HtmlEncode(hiddenValue)).Append("\">");
        }

        _body.Append("<button type=\"submit\">").Append(WebUtility.HtmlEncode(label)).Append("</button></form>");
        return this;
    }

    /// <summary>
    /// The page as a response. Links in ask e-mails carry a bearer token in their path, so the page is never cached,
    /// never indexed and never passes its address on as a referrer.
    /// </summary>
    public IResult ToResult(HttpContext context, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["X-Content-Type-Options"] = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(Title)).Append("</title>")
            .Append("<style>body{font:17px/1.5 system-ui,sans-serif;margin:0;padding:1.5rem;color:#1b264f;background:#f6f7fb}")
            .Append("main{max-width:32rem;margin:0 auto;background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 1px 4px #0002}")
            .Append("h1{font-size:1.4rem;margin-top:0}.link{word-break:break-all;font-weight:600}")
            .Append("button{font:inherit;width:100%;padding:.9rem;border:0;border-radius:8px;background:#1b264f;color:#fff;cursor:pointer}</style>")
            .Append("</head><body><main><h1>").Append(WebUtility.HtmlEncode(Title)).Append("</h1>")
            .Append(_body)
            .Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
