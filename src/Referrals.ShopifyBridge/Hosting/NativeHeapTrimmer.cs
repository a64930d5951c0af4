using System.Runtime.InteropServices;

namespace Referrals.ShopifyBridge.Hosting;

/// <summary>
/// Gives the C heap's free pages back to the system every second on glibc Linux (<c>malloc_trim(0)</c>). The runtime,
/// the JIT, OpenSSL and SQLite allocate through <c>malloc</c>, and glibc keeps what they free in per-thread arenas,
/// where it counts towards the process's memory; <c>MALLOC_ARENA_MAX</c> would bound the arenas but cannot be set by
/// the application. Elsewhere (macOS, Windows, musl without the call) it stops at the first attempt.
/// </summary>
/// <remarks>
/// Measured under the load harness (docs/performance.md "The C heap trimmed every second"): RSS after the drain phases 11–17
/// MB lower, peak 200–201 against 210 MB (SQLite, published), and no change in throughput or CPU per order beyond the noise.
/// </remarks>
internal sealed class NativeHeapTrimmer : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly ILogger<NativeHeapTrimmer> _logger;

    public NativeHeapTrimmer(ILogger<NativeHeapTrimmer> logger)
    {
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                MallocTrim(0);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _logger.LogDebug("No malloc_trim in this C library; the native heap is not trimmed");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    // glibc by its soname (plain "libc.so" is a linker script where the C headers are installed; musl has no such file
    // and no malloc_trim). A blittable signature: no marshalling code, so DllImport needs no unsafe code (LibraryImport would).
#pragma warning disable SYSLIB1054
    [DllImport("libc.so.6", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
#pragma warning restore SYSLIB1054
}
