using Referrals.Testing.Databases;

namespace Referrals.Benchmarks.Throughput;

/// <summary>
/// <c>orders</c>: how many paid orders per second the engine processes, one per scope and transaction, as the inbox
/// drain runs them. See docs/performance.md ("Order processing through the engine").
/// </summary>
public static class OrderThroughputCommand
{
    public const string Name = "orders";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            Console.WriteLine(OrderThroughputOptions.Usage);
            return 0;
        }

        OrderThroughputOptions options;
        try
        {
            options = OrderThroughputOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(OrderThroughputOptions.Usage);
            return 2;
        }

        Console.WriteLine(Format.Invariant($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at start {MachineLoad.LoadAverageNow()}"));
        using var counter = options.CountSql ? SqlCounter.Start() : null;
        var results = new List<RunResult>();
        try
        {
            foreach (var provider in options.Providers)
            {
                foreach (var workers in options.Workers)
                {
                    results.Add(await OrderRun.RunAsync(options, provider, workers));
                }
            }
        }
        finally
        {
            TestDatabases.CleanUp();
        }

        Console.WriteLine();
        Console.WriteLine("| provider | path | workers | orders | orders/s | mean ms | p50 ms | p99 ms | p99 referred ms | failures | rows check |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            Console.WriteLine(Format.Invariant(
                $"| {r.Provider} | {r.Path.ToString().ToLowerInvariant()} | {r.Workers} | {r.Measured} | {r.OrdersPerSecond:0} | {r.All.MeanMs:0.00} | {r.All.P50Ms:0.00} | {r.All.P99Ms:0.00} | {r.Referred.P99Ms:0.00} | {r.Failures} | {(r.RowsCheckOut ? "ok" : "FAILED")} |"));
        }

        return results.All(r => r.Failures == 0 && r.RowsCheckOut) ? 0 : 1;
    }
}
