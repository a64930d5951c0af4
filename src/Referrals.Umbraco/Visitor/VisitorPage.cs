using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;

namespace Referrals.Umbraco.Visitor;

/// <summary>The small, self-contained HTML pages of the rating flow. Every value is HTML-encoded.</summary>
internal static class VisitorPage
{
    public static ContentResult Render(string title, string body, int status = StatusCodes.Status200OK) => new()
    {
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        Content = new StringBuilder()
            .Append("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(Encode(title)).Append("</title></head><body><main><h1>")
            .Append(Encode(title)).Append("</h1>").Append(body).Append("</main></body></html>").ToString(),
    };

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");
}
