using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>One HTTP attempt's answer, classified and parsed; the body is a detached <see cref="JsonElement"/>.</summary>
internal sealed class AdminApiResponse
{
    private AdminApiResponse(AdminApiResponseKind kind, HttpStatusCode statusCode, string detail)
    {
        Kind = kind;
        StatusCode = statusCode;
        Detail = detail;
    }

    public AdminApiResponseKind Kind { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>A short description for logs and exceptions: <c>THROTTLED</c>, <c>HTTP 503</c>…</summary>
    public string Detail { get; }

    /// <summary>The GraphQL <c>data</c>, when present.</summary>
    public JsonElement? Data { get; private init; }

    /// <summary>Top-level GraphQL errors other than THROTTLED: messages and codes.</summary>
    public IReadOnlyList<(string Message, string? Code)> Errors { get; private init; } = [];

    public ShopifyQueryCost? Cost { get; private init; }

    /// <summary>The parsed <c>Retry-After</c> of a 429.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>For <see cref="AdminApiResponseKind.Unauthorized"/>: a fresh token was fetched, so one more attempt is worth it.</summary>
    public bool TokenRefreshed { get; set; }

    /// <summary>Classifies an HTTP answer; <paramref name="now"/> resolves a date-form <c>Retry-After</c>.</summary>
    public static AdminApiResponse From(HttpStatusCode status, HttpResponseHeaders headers, byte[] body, DateTimeOffset now)
    {
        var code = (int)status;
        if (status == HttpStatusCode.TooManyRequests)
        {
            return new AdminApiResponse(AdminApiResponseKind.TooManyRequests, status, "HTTP 429") { RetryAfter = ParseRetryAfter(headers, now) };
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            return new AdminApiResponse(AdminApiResponseKind.Unauthorized, status, "HTTP 401");
        }

        if (code >= 500)
        {
            return new AdminApiResponse(AdminApiResponseKind.ServerError, status, $"HTTP {code}");
        }

        if (code is < 200 or >= 300)
        {
            return new AdminApiResponse(AdminApiResponseKind.Rejected, status, $"HTTP {code}: {Snippet(body)}");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new AdminApiResponse(AdminApiResponseKind.ServerError, status, $"HTTP {code} with a body that is not JSON: {Snippet(body)}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return new AdminApiResponse(AdminApiResponseKind.ServerError, status, $"HTTP {code} with a body that is not a GraphQL response");
        }

        var cost = ReadCost(root);
        var errors = ReadErrors(root);
        if (errors.Any(e => string.Equals(e.Code, "THROTTLED", StringComparison.Ordinal)))
        {
            return new AdminApiResponse(AdminApiResponseKind.Throttled, status, "THROTTLED") { Cost = cost };
        }

        return new AdminApiResponse(AdminApiResponseKind.Completed, status, $"HTTP {code}")
        {
            Data = root.Get("data"),
            Errors = errors,
            Cost = cost,
        };
    }

    /// <summary>
    /// <c>Retry-After</c> as seconds (Shopify may send a fraction such as <c>2.0</c>) or as an HTTP date; null when
    /// absent or unreadable. Never negative.
    /// </summary>
    internal static TimeSpan? ParseRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (!headers.TryGetValues("Retry-After", out var values))
        {
            return null;
        }

        var text = values.FirstOrDefault()?.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static ShopifyQueryCost? ReadCost(JsonElement root)
    {
        if (root.Get("extensions")?.Get("cost") is not { ValueKind: JsonValueKind.Object } cost)
        {
            return null;
        }

        ShopifyThrottleStatus? status = null;
        if (cost.Get("throttleStatus") is { ValueKind: JsonValueKind.Object } throttle
            && throttle.Get("maximumAvailable") is { ValueKind: JsonValueKind.Number } max
            && throttle.Get("currentlyAvailable") is { ValueKind: JsonValueKind.Number } available
            && throttle.Get("restoreRate") is { ValueKind: JsonValueKind.Number } rate)
        {
            status = new ShopifyThrottleStatus(max.GetDouble(), available.GetDouble(), rate.GetDouble());
        }

        return new ShopifyQueryCost(ReadPoints(cost.Get("requestedQueryCost")), ReadPoints(cost.Get("actualQueryCost")), status);
    }

    private static int? ReadPoints(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } number ? (int)Math.Ceiling(number.GetDouble()) : null;

    private static IReadOnlyList<(string Message, string? Code)> ReadErrors(JsonElement root)
    {
        if (root.Get("errors") is not { } errors)
        {
            return [];
        }

        if (errors.ValueKind == JsonValueKind.String)
        {
            return [(errors.GetString() ?? string.Empty, null)];
        }

        if (errors.ValueKind != JsonValueKind.Array)
        {
            return [(errors.GetRawText(), null)];
        }

        return errors.EnumerateArray()
            .Select(e => (e.GetString("message") ?? e.GetRawText(), e.Get("extensions")?.GetString("code")))
            .ToArray();
    }

    private static string Snippet(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).ReplaceLineEndings(" ");
        return text.Length == 0 ? "(empty body)" : text;
    }
}
