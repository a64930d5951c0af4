using System.Diagnostics;
using System.Text.Json;
using Referrals.Testing.Processes;

namespace Referrals.ShopifyBridge.Tests.Configuration;

/// <summary>
/// The runtime settings <c>Referrals.ShopifyBridge.csproj</c> chooses for memory (docs/performance.md, "Bridge memory under
/// load") reach the runtimeconfig the bridge runs under. A misspelt MSBuild property is silently ignored: the bridge ran
/// server GC for a while because of one.
/// </summary>
public sealed class RuntimeConfigTests
{
    [TestCase("System.GC.Server", false)]
    [TestCase("System.GC.Concurrent", true)]
    [TestCase("System.Runtime.TieredPGO", false)]
    public void BridgeRuntimeConfig_SetsTheMemorySetting_FromTheProjectFile(string property, bool expected)
    {
        Assert.That(Property(property).GetBoolean(), Is.EqualTo(expected));
    }

    [Test]
    public void BridgeRuntimeConfig_CapsTheGen0Budget_AtSixMebibytes()
    {
        // Bytes; the GC ignores a name it does not know, so the name is checked too (Property).
        var budget = Property("System.GC.Gen0MaxBudget");

        Assert.That(budget.ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(budget.GetInt64(), Is.EqualTo(6L * 1024 * 1024));
    }

    [Test]
    public void BridgeRuntimeConfig_SizesGcRegionsAtOneMebibyte()
    {
        var size = Property("System.GC.RegionSize");

        Assert.That(size.ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(size.GetInt64(), Is.EqualTo(1024L * 1024));
    }

    [Test]
    public async Task TheRuntime_HonoursTheBridgesGcSettings()
    {
        // A process under the bridge's own runtimeconfig reports what its GC took: a property the runtime does not read
        // would leave the default (0, the GC's own choice) here.
        var info = new ProcessStartInfo(DotnetHost.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "exec", "--runtimeconfig", RuntimeConfigPath, typeof(GcSettingsProbe).Assembly.Location, GcSettingsProbe.Command })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, errors);
        var settings = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

        Assert.That(settings["GCRegionSize"], Is.EqualTo("1048576"));
        Assert.That(settings["GCGen0MaxBudget"], Is.EqualTo("6291456"));
        Assert.That(settings["ServerGC"], Is.EqualTo("False"));
    }

    // Copied next to the tests by the build, as for any referenced application.
    private static string RuntimeConfigPath => Path.Combine(AppContext.BaseDirectory, "Referrals.ShopifyBridge.runtimeconfig.json");

    private static JsonElement Property(string name)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(RuntimeConfigPath));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.That(properties.TryGetProperty(name, out var value), Is.True, $"{name} is not in {RuntimeConfigPath}");
        return value.Clone();
    }
}
