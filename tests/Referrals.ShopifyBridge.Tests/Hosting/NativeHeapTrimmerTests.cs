using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Referrals.ShopifyBridge.Hosting;

namespace Referrals.ShopifyBridge.Tests.Hosting;

/// <summary>
/// The bridge trims the C heap while it runs: the trimmer is one of its hosted services, and on this glibc machine it
/// finds <c>malloc_trim</c> and keeps trimming (a missing entry point would end it at its first tick) until the host stops it.
/// </summary>
public sealed class NativeHeapTrimmerTests
{
    [Test]
    public void TheBridge_RunsTheTrimmer()
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        services.AddShopifyBridge(configuration);

        Assert.That(services.Where(s => s.ServiceType == typeof(IHostedService)).Select(s => s.ImplementationType),
            Does.Contain(typeof(NativeHeapTrimmer)));
    }

    [Test]
    public async Task OnLinux_ItKeepsTrimmingPastSeveralTicks_AndStopsWithTheHost()
    {
        Assert.That(OperatingSystem.IsLinux(), Is.True, "the bridge's tests run on Linux, where the trimmer works");
        using var trimmer = new NativeHeapTrimmer(NullLogger<NativeHeapTrimmer>.Instance);

        await trimmer.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var runningAfterTicks = trimmer.ExecuteTask is { IsCompleted: false };
        await trimmer.StopAsync(CancellationToken.None);

        Assert.That(runningAfterTicks, Is.True, "malloc_trim was found and called at each tick without ending the loop");
        Assert.That(trimmer.ExecuteTask!.IsCompletedSuccessfully, Is.True, "stopped cleanly");
    }
}
