using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>JSON helpers of the fake: reading variables, writing Shopify's shapes.</summary>
internal static class FakeJson
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? Str(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static decimal? Dec(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDecimal(),
        { ValueKind: JsonValueKind.String } s when decimal.TryParse(s.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static DateTimeOffset? Date(this JsonElement element, string name) =>
        element.Str(name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;

    public static IReadOnlyList<string> Strings(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray() : [];

    public static string Amount(decimal value) => value.ToString("0.0#", CultureInfo.InvariantCulture);

    public static JsonObject Money(decimal amount, string currency) => new() { ["amount"] = Amount(amount), ["currencyCode"] = currency };

    public static JsonObject MoneyBag(decimal amount, string currency) => new() { ["shopMoney"] = Money(amount, currency), ["presentmentMoney"] = Money(amount, currency) };

    public static string? Time(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonObject UserError(string message, string? code, params string[] field)
    {
        var error = new JsonObject { ["field"] = Array(field), ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
        }

        return error;
    }

    /// <summary>A mutation payload that failed: the result field null and the errors.</summary>
    public static JsonObject Refused(string resultField, params JsonObject[] errors) =>
        new() { [resultField] = null, ["userErrors"] = new JsonArray(errors.Select(e => (JsonNode?)e).ToArray()) };
}
