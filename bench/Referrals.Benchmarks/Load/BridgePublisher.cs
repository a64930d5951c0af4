using System.Diagnostics;
using Referrals.Benchmarks.Throughput;

namespace Referrals.Benchmarks.Load;

/// <summary>
/// Gets the load harness's bridge child as the bridge ships. The child is this bench program (<c>load-serve</c> hosts the
/// bridge through <c>AddShopifyBridge</c>/<c>UseShopifyBridge</c> and adds the harness's seeding and <c>/_load</c>
/// endpoints), so the bridge's own publish output cannot run it. Instead the bench is published the way the README
/// publishes the bridge (<c>-c Release -r linux-x64 --self-contained false</c>; the bench, like the bridge, turns on
/// ReadyToRun for any publish with a runtime identifier): every assembly the bridge ships (Core, EF Core, Npgsql, Hangfire,
/// the bridge) is then precompiled by the same crossgen, one assembly at a time, as in the bridge's own publish. The child
/// runs under the bridge's runtimeconfig (see <see cref="ChildServer"/>), so its GC, tiering and thread-pool settings are
/// the bridge's too.
/// </summary>
internal static class BridgePublisher
{
    /// <summary>The runtime the README publishes for.</summary>
    public const string RuntimeIdentifier = "linux-x64";

    /// <summary>
    /// Publishes the bench (incremental: an unchanged tree takes seconds) into <c>bench/Referrals.Benchmarks/bin/load-published</c>
    /// of the repository this program was built from, and returns that directory.
    /// </summary>
    /// <exception cref="InvalidOperationException">The repository is not found above this program, or the publish fails.</exception>
    public static async Task<string> PublishAsync(TextWriter output)
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, "bench", "Referrals.Benchmarks");
        var directory = Path.Combine(project, "bin", "load-published");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-r", RuntimeIdentifier, "--self-contained", "false", "-o", directory, "-nologo", "-v", "q" })
        {
            info.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of {project} failed ({process.ExitCode}):{Environment.NewLine}{await stdout}{await stderr}");
        }

        await output.WriteLineAsync(Format.Invariant($"bridge: published ReadyToRun ({RuntimeIdentifier}) to {directory} in {watch.Elapsed.TotalSeconds:0} s"));
        return directory;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReferralPlugins.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ReferralPlugins.sln above {AppContext.BaseDirectory}: run the bench from its build output in the repository, or pass --bridge build.");
    }
}
