using System.Text.Json;
using Referrals.Core.Tenants;

namespace Referrals.Core.Persistence.Conversions;

/// <summary>
/// A tenant's program settings as the JSON of the <c>SettingsJson</c> column. Methods rather than a private field in the
/// mapping, so EF Core's compiled model (generated code in this assembly) can call them.
/// </summary>
internal static class ProgramSettingsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(ProgramSettings settings) => JsonSerializer.Serialize(settings, Options);

    public static ProgramSettings Read(string json) => JsonSerializer.Deserialize<ProgramSettings>(json, Options) ?? new ProgramSettings();

    /// <summary>A deep copy, for EF Core's snapshot of a tracked tenant.</summary>
    public static ProgramSettings Copy(ProgramSettings settings) => Read(Write(settings));
}
