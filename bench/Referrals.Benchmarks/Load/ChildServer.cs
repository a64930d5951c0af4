using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Referrals.Testing.Processes;

namespace Referrals.Benchmarks.Load;

/// <summary>
/// This benchmark program started again as a child process (<c>load-serve</c> or <c>load-hello</c>) on a free loopback
/// port: start-up is timed from process start to the first 200 on <c>/healthz</c>, memory is read from
/// <c>/proc/{pid}/status</c>. Killed when disposed.
/// </summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Process start to the first 200 on /healthz.</summary>
    public TimeSpan StartUp { get; private set; }

    /// <summary>What the child printed (its own start-up figure).</summary>
    public List<string> Output { get; } = [];

    /// <summary>
    /// Starts this program again as <paramref name="arguments"/>[0]; the bridge child (<c>load-serve</c>) from
    /// <paramref name="directory"/> (a published copy of the bench, <see cref="BridgePublisher"/>) or, when null, from this
    /// build output. The bridge child runs under the
    /// bridge's runtimeconfig (copied next to the bench, as for any referenced application), so the GC, tiering and
    /// thread-pool settings of <c>Referrals.ShopifyBridge.csproj</c> apply to it and not the bench's.
    /// </summary>
    public static async Task<ChildServer> StartAsync(string? directory, params string[] arguments)
    {
        var port = FreePort();
        var self = typeof(ChildServer).Assembly;
        var application = directory is null ? self.Location : Path.Combine(directory, Path.GetFileName(self.Location));
        var bridgeConfig = Path.Combine(Path.GetDirectoryName(application)!, "Referrals.ShopifyBridge.runtimeconfig.json");
        ProcessStartInfo info;
        if (arguments[0] == LoadServer.ServeName)
        {
            if (!File.Exists(bridgeConfig))
            {
                throw new InvalidOperationException($"{bridgeConfig} is missing: the bridge child runs under the bridge's runtimeconfig, copied there by the build of a project that references the bridge.");
            }

            info = new ProcessStartInfo(DotnetHost.Path);
            info.ArgumentList.Add("exec");
            info.ArgumentList.Add("--runtimeconfig");
            info.ArgumentList.Add(bridgeConfig);
            info.ArgumentList.Add(application);
        }
        else
        {
            // The bench started through its apphost starts the apphost again; otherwise (`dotnet <dll>`, or a test host
            // that loaded this assembly) the dotnet host runs this assembly.
            var viaHost = Assembly.GetEntryAssembly() != self || Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet";
            info = new ProcessStartInfo(viaHost ? DotnetHost.Path : Environment.ProcessPath!);
            if (viaHost)
            {
                info.ArgumentList.Add(self.Location);
            }
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        info.ArgumentList.Add(arguments[0]);
        info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in arguments.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        var child = new ChildServer(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                child._ready.TrySetException(new InvalidOperationException("The child process ended before it was ready."));
                return;
            }

            lock (child.Output)
            {
                child.Output.Add(e.Data);
            }

            if (e.Data == "READY" || arguments[0] == LoadServer.HelloName)
            {
                child._ready.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        using var client = new HttpClient { BaseAddress = child.Address, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            try
            {
                if ((await client.GetAsync(new Uri("healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
                // The probe's own 2 s timeout on a busy box: ask again.
            }

            if (process.HasExited || watch.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new InvalidOperationException($"The child process {arguments[0]} did not answer /healthz.");
            }

            await Task.Delay(10);
        }

        child.StartUp = watch.Elapsed;
        if (arguments[0] == LoadServer.ServeName)
        {
            await child._ready.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }

        return child;
    }

    /// <summary>Resident set size now and its peak, in MB, from /proc/{pid}/status.</summary>
    public (double RssMb, double PeakMb) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        return (Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    /// <summary>What the resident set is made of, in MB: anonymous (heaps, stacks), file-backed (mapped assemblies, native libraries), shared memory (the JIT's double-mapped code); and the thread count.</summary>
    public (double AnonMb, double FileMb, double ShmemMb, int Threads) MemoryParts()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        var threads = status.FirstOrDefault(l => l.StartsWith("Threads:", StringComparison.Ordinal)) is { } line
            ? int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture)
            : 0;
        return (Field(status, "RssAnon:"), Field(status, "RssFile:"), Field(status, "RssShmem:"), threads);
    }

    /// <summary>The files the process has mapped (assemblies, native libraries), from /proc/{pid}/maps, each once.</summary>
    public IReadOnlyCollection<string> MappedFiles() =>
        File.ReadLines($"/proc/{_process.Id}/maps")
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var at and >= 0 ? line[at..] : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static double Field(string[] lines, string name) =>
        lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0
            : double.NaN;

    public async ValueTask DisposeAsync()
    {
        // Closing standard input asks the child to stop (and drop its throw-away database); killed if it does not.
        _process.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // The host running this process when it is `dotnet`; else the one the SDK names (test hosts), else the one on the PATH.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
