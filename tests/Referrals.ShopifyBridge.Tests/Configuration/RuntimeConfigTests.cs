using System.Text.Json;

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

    private static JsonElement Property(string name)
    {
        // Copied next to the tests by the build, as for any referenced application.
        var path = Path.Combine(AppContext.BaseDirectory, "Referrals.ShopifyBridge.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.That(properties.TryGetProperty(name, out var value), Is.True, $"{name} is not in {path}");
        return value.Clone();
    }
}
