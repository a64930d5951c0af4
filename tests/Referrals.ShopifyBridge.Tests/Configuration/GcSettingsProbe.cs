using System.Globalization;

namespace Referrals.ShopifyBridge.Tests.Configuration;

/// <summary>
/// Started as <c>dotnet exec --runtimeconfig Referrals.ShopifyBridge.runtimeconfig.json Referrals.ShopifyBridge.Tests.dll
/// gc-settings</c>: prints the settings the GC took, one <c>name=value</c> per line, so a test sees which of the bridge's
/// runtimeconfig properties the runtime honoured (it ignores names it does not know).
/// </summary>
internal static class GcSettingsProbe
{
    public const string Command = "gc-settings";

    public static int Print()
    {
        foreach (var (name, value) in GC.GetConfigurationVariables())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}={value}"));
        }

        return 0;
    }
}
