using BenchmarkDotNet.Running;
using Referrals.Benchmarks.Analytics;
using Referrals.Benchmarks.Load;
using Referrals.Benchmarks.Throughput;

namespace Referrals.Benchmarks;

/// <summary>
/// Runs the benchmarks through BenchmarkDotNet's own command line, for example
/// <c>dotnet run -c Release --project bench/Referrals.Benchmarks -- --filter '*' --job short</c>,
/// or, with <c>orders</c> first, the order-throughput command:
/// <c>dotnet run -c Release --project bench/Referrals.Benchmarks -- orders --provider all --orders 5000 --workers 1,2</c>,
/// or the analytics overview over a seeded shop: <c>... -- analytics --provider sqlite --referrals 1000000 --orders 2000000</c>.
/// or the HTTP load command against the real bridge: <c>... -- load --provider all --connections 32 --seconds 10 --rates 1000,2000</c>.
/// See docs/performance.md for the figures and how they were taken.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == LoadCommand.Name)
        {
            return await LoadCommand.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == Probe.StartupProbe.Name)
        {
            return await Probe.StartupProbe.RunAsync();
        }

        if (args.Length > 0 && args[0] == LoadServer.ServeName)
        {
            return await LoadServer.ServeAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == LoadServer.HelloName)
        {
            return await LoadServer.HelloAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == OrderThroughputCommand.Name)
        {
            return await OrderThroughputCommand.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] is AnalyticsBenchCommand.SeedName or AnalyticsBenchCommand.AnalyticsName)
        {
            return await AnalyticsBenchCommand.RunAsync(args[0], args[1..]);
        }

        if (args.Length > 0 && args[0] == Webhooks.HmacCpuCommand.Name)
        {
            return Webhooks.HmacCpuCommand.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
