using System.Diagnostics;
using System.Net;

namespace Referrals.Benchmarks.Load;

/// <summary>
/// Drives one endpoint over HTTP/1.1 keep-alive connections, either in closed loop (each connection sends its next
/// request when the last one is answered: saturation) or in open loop at a fixed rate. In open loop every request has an
/// intended send time (start + i / rate) and its latency is measured from that time, not from when it was actually sent,
/// so a stall delays the requests queued behind it and shows in the percentiles (no coordinated omission).
/// </summary>
internal static class LoadDriver
{
    /// <param name="name">The phase's name in the report.</param>
    /// <param name="client">A client whose handler allows at least <paramref name="connections"/> connections.</param>
    /// <param name="request">Builds request number i.</param>
    /// <param name="expected">The status every answer must have; anything else (or an exception) counts as an error.</param>
    /// <param name="connections">Concurrent requests (one keep-alive connection each).</param>
    /// <param name="duration">How long the phase runs (open loop: rate × duration requests are scheduled).</param>
    /// <param name="rate">Requests per second in open loop; null for closed loop.</param>
    public static async Task<LoadResult> RunAsync(string name, HttpClient client, Func<long, HttpRequestMessage> request, HttpStatusCode expected,
        int connections, TimeSpan duration, double? rate)
    {
        var perWorker = new List<long>[connections];
        var errors = 0L;
        var next = -1L;
        var total = rate is { } r ? (long)(r * duration.TotalSeconds) : long.MaxValue;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var latencies = perWorker[w] = new List<long>(4096);
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                long intended;
                if (rate is { } perSecond)
                {
                    // Past the phase's end the rest is not sent (the row shows sent of scheduled): a phase never overruns.
                    if (i >= total || Stopwatch.GetTimestamp() >= end)
                    {
                        return;
                    }

                    intended = start + (long)(i / perSecond * Stopwatch.Frequency);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
                    if (wait > TimeSpan.FromMilliseconds(1))
                    {
                        await Task.Delay(wait);
                    }
                }
                else
                {
                    intended = Stopwatch.GetTimestamp();
                    if (intended >= end)
                    {
                        return;
                    }
                }

                try
                {
                    using var message = request(i);
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode != expected)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies.Add(Stopwatch.GetTimestamp() - intended);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return LoadResult.Of(name, connections, rate, rate is null ? 0 : total, elapsed, perWorker.SelectMany(l => l), errors);
    }
}
