using System.Diagnostics;
using System.Globalization;
using Referrals.Benchmarks.Throughput;

namespace Referrals.Benchmarks.Webhooks;

/// <summary>
/// <c>hmac-cpu [--iterations 20000]</c>: the same verification as <see cref="WebhookHmacBenchmarks"/>, timed by this
/// thread's CPU time as well as the wall clock. On a shared box the wall clock includes waiting for a core; the CPU time
/// (from the process's processor time, one busy thread) does not, so it is the figure to hold against the 20 μs budget.
/// </summary>
internal static class HmacCpuCommand
{
    public const string Name = "hmac-cpu";

    public static int Run(string[] args)
    {
        var index = Array.IndexOf(args, "--iterations");
        var iterations = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 20_000;
        var bench = new WebhookHmacBenchmarks();
        bench.SetUp();
        foreach (var (name, verify) in new (string, Func<bool>)[] { ("current secret", bench.CurrentSecret), ("previous secret (rotation)", bench.PreviousSecretDuringRotation) })
        {
            for (var i = 0; i < 2_000; i++)
            {
                verify(); // warm-up: tiering and the HMAC provider
            }

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var valid = 0;
            for (var i = 0; i < iterations; i++)
            {
                valid += verify() ? 1 : 0;
            }

            wall.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            Console.WriteLine(Format.Invariant(
                $"16 KB body, {name}: {cpu.TotalMicroseconds / iterations:0.00} μs CPU per verify, {wall.Elapsed.TotalMicroseconds / iterations:0.00} μs wall ({valid} of {iterations} valid; load average {MachineLoad.LoadAverageNow()})"));
        }

        return 0;
    }
}
