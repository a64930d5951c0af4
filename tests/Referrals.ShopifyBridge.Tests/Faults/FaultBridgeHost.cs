using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.Hosting;
using Referrals.ShopifyBridge.Tests.Configuration;

namespace Referrals.ShopifyBridge.Tests.Faults;

/// <summary>
/// The entry point of this test assembly when it is started as a process (<c>dotnet Referrals.ShopifyBridge.Tests.dll
/// fault-bridge --key=value ...</c>; the test runner loads the assembly as a library and never calls it): the real
/// bridge, <c>AddShopifyBridge</c> and <c>UseShopifyBridge</c> as in its <c>Program</c>, on Kestrel, configured from the
/// arguments. On top of the bridge it only seeds the shop once (<see cref="FaultShopSeed"/>), hands the Admin API the
/// shop's token, and runs the jobs every <see cref="PumpInterval"/> instead of Hangfire's minutely schedule
/// (<see cref="FaultJobPump"/>). A fault test kills it with SIGKILL and starts it again on the same database.
/// </summary>
internal static class FaultBridgeHost
{
    /// <summary>The first argument that selects this entry.</summary>
    public const string Command = "fault-bridge";

    /// <summary>How often the pump runs the drain, maturation and outbox jobs.</summary>
    public static readonly TimeSpan PumpInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<int> Main(string[] args)
    {
        if (args is [GcSettingsProbe.Command])
        {
            return GcSettingsProbe.Print();
        }

        if (args is not [Command, ..])
        {
            await Console.Error.WriteLineAsync($"This is a test assembly; start it with `{Command} --Urls=... --Referrals:...` to host the bridge.");
            return 2;
        }

        var builder = BridgeHostBuilder.Create(new WebApplicationOptions { Args = args[1..], EnvironmentName = Environments.Production });
        builder.Services.AddShopifyBridge(builder.Configuration);
        builder.Services.AddHostedService<FaultJobPump>();
        var app = builder.Build();
        app.UseShopifyBridge();
        var shop = builder.Configuration["FaultHost:Shop"] ?? throw new InvalidOperationException("FaultHost:Shop is required.");
        app.Services.GetRequiredService<InMemoryShopifyAccessTokenSource>().Set(shop, builder.Configuration["FaultHost:AccessToken"] ?? "");
        if (builder.Configuration["FaultHost:SeedFile"] is { Length: > 0 } seedFile)
        {
            await FaultShopSeed.ApplyAsync(app.Services, shop, seedFile, CancellationToken.None);
        }

        await app.RunAsync();
        return 0;
    }
}
