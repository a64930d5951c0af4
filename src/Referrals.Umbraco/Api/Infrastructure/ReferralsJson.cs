using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.Umbraco.Api.Infrastructure;

/// <summary>The API's JSON: web defaults (camelCase) with enums as strings. Only our controllers use it, so the site's own JSON settings stay untouched.</summary>
internal static class ReferralsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
