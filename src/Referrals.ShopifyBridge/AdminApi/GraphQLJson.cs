using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.Core;

namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>Reading and writing the JSON shapes the Admin API uses: MoneyV2, Decimal strings, UnsignedInt64 strings, gids.</summary>
internal static class GraphQLJson
{
    /// <summary>Shopify's global ids start with this.</summary>
    public const string GidPrefix = "gid://shopify/";

    public static void RequireGid(string? id, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameterName);
        if (!id.StartsWith(GidPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{id}' is not a Shopify global id; expected {GidPrefix}Type/123.", parameterName);
        }
    }

    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static JsonObject MoneyInput(Money money)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(money.Currency, nameof(money));
        return new JsonObject { ["amount"] = FormatDecimal(money.Amount), ["currencyCode"] = money.Currency.ToUpperInvariant() };
    }

    public static string FormatDateTime(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The property, or null when it is absent or JSON null.</summary>
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonElement Required(this JsonElement element, string name) =>
        element.Get(name) ?? throw new JsonException($"The Admin API response lacks '{name}'.");

    public static string? GetString(this JsonElement element, string name) => element.Get(name)?.GetString();

    public static string RequiredString(this JsonElement element, string name) =>
        element.GetString(name) ?? throw new JsonException($"The Admin API response lacks '{name}'.");

    public static DateTimeOffset? GetDateTime(this JsonElement element, string name) =>
        element.GetString(name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;

    public static decimal ReadDecimal(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? value.GetDecimal()
        : decimal.Parse(value.GetString() ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture);

    public static long ReadInt64(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? value.GetInt64()
        : long.Parse(value.GetString() ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>A MoneyV2 object <c>{amount, currencyCode}</c>.</summary>
    public static Money ReadMoney(JsonElement money) => new(ReadDecimal(money.Required("amount")), money.RequiredString("currencyCode"));

    /// <summary>A <c>MoneyBag</c>'s shop-currency amount: <c>{shopMoney {amount currencyCode}}</c>.</summary>
    public static Money ReadShopMoney(JsonElement moneyBag) => ReadMoney(moneyBag.Required("shopMoney"));

    public static IReadOnlyList<string> GetStrings(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
            : [];
}
