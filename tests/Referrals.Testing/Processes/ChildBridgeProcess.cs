using System.Diagnostics;
using System.Net;

namespace Referrals.Testing.Processes;

/// <summary>
/// A bridge running as a separate OS process (<c>dotnet {assembly} {arguments}</c>) on a loopback address, ready once
/// <c>/healthz</c> answers 200. <see cref="KillAsync"/> ends it with SIGKILL — no shutdown, no flush, exactly a crash — so a
/// test can start another on the same database and see what survived. Its output is kept for failure messages.
/// </summary>
public sealed class ChildBridgeProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ChildBridgeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the child listens, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The child's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the child has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the child wrote (standard output and error), oldest first.</summary>
    public IReadOnlyList<string> OutputTail
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Starts <paramref name="entryAssembly"/> with the <c>dotnet</c> host that runs this process and waits for <c>/healthz</c>.</summary>
    /// <param name="entryAssembly">The child's entry assembly (its runtimeconfig.json and deps.json beside it).</param>
    /// <param name="arguments">Its command-line arguments.</param>
    /// <param name="address">The address it was told to listen on.</param>
    /// <param name="readyWithin">How long start-up may take before the child is killed and this throws.</param>
    /// <param name="cancellationToken">Stops waiting (the child is killed).</param>
    /// <exception cref="InvalidOperationException">The child ended or did not answer in time; the message carries its output.</exception>
    public static async Task<ChildBridgeProcess> StartAsync(string entryAssembly, IEnumerable<string> arguments, Uri address, TimeSpan readyWithin,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryAssembly);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(address);
        var info = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(entryAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {entryAssembly}.");
        var child = new ChildBridgeProcess(process, address);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    using var health = await client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                    if (health.StatusCode == HttpStatusCode.OK)
                    {
                        return child;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Busy starting.
                }

                if (process.HasExited || watch.Elapsed > readyWithin)
                {
                    throw new InvalidOperationException(
                        $"The bridge child process did not answer /healthz at {address} within {readyWithin} (exited: {process.HasExited}). Its output:\n{string.Join('\n', child.OutputTail)}");
                }

                await Task.Delay(50, cancellationToken);
            }
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the child at once with SIGKILL (a crash: nothing is flushed or finished) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Kills the child if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }
}
