using System.Net;
using System.Text.Json;

namespace Referrals.ShopifyBridge.Tests.BadInput;

/// <summary>
/// What a person reads in a refusal: the title and detail of a problem+json answer (JSON escapes undone), or the text
/// of an HTML page (entities decoded), so a test can look for a phrase as written.
/// </summary>
internal sealed record RefusalBody(string? MediaType, string Raw, string Text)
{
    public bool IsProblem => MediaType == "application/problem+json";

    public static async Task<RefusalBody> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var raw = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType == "application/problem+json")
        {
            using var json = JsonDocument.Parse(raw);
            var title = json.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return new RefusalBody(mediaType, raw, $"{title}: {detail}");
        }

        return new RefusalBody(mediaType, raw, WebUtility.HtmlDecode(raw));
    }

    public override string ToString() => $"{MediaType} {Text}";
}
