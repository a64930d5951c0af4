using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.Core.Privacy;

/// <summary>
/// The JSON form of a <see cref="ContactExport"/>: camelCase names, enums as strings, times as ISO 8601 UTC
/// (<c>2026-11-02T09:00:00.0000000Z</c>), money as <c>{"amount": 90.0, "currency": "EUR"}</c>, indented.
/// </summary>
public static class ContactExportJson
{
    /// <summary>The serializer options used.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes <paramref name="export"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="export"/> is null.</exception>
    public static string Serialize(ContactExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return JsonSerializer.Serialize(export, Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new UtcTimestampJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
