using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Referrals.Benchmarks.Throughput;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;

namespace Referrals.Benchmarks.Load;

/// <summary>
/// <c>load [--provider sqlite|postgresql|all] [--connections 32] [--seconds 10] [--rates 1000,2000] [--warmup 1]
/// [--phases ingest,drain,redirect,sustained] [--drain-orders 3000] [--drain-warmup 1000] [--bridge published|build|DIRECTORY]</c>: starts a bare Kestrel
/// baseline and the real bridge as child processes and measures, in one run, the baseline (POST of the order body, GET),
/// webhook ingest at saturation and at fixed rates, the inbox drain (its cold first seconds), the app-proxy redirect
/// <c>/shopify/proxy/r/{code}</c>, and a sustained drain (the leftovers set aside, warm-up orders ingested and drained,
/// then N more ingested and drained to the end; then webhooks at an open 500/s while N more drain), with the bridge's
/// start-up time and memory. Prints Markdown rows, the
/// inbox writer's cycle and the bridge's CPU per request after each ingest phase, and checks at the end that every
/// delivery answered 200 is in the inbox (exit code 1 and a FAILED line otherwise). <c>--bridge published</c> (the default)
/// runs the bridge child from the bench published ReadyToRun, as the bridge ships (<see cref="BridgePublisher"/>);
/// <c>--bridge build</c> from this build output (JIT only); <c>--bridge DIRECTORY</c> from a bench published there before.
/// </summary>
internal static class LoadCommand
{
    public const string Name = "load";
    private const string OrderId = "820982911946154508";

    public static async Task<int> RunAsync(string[] args)
    {
        var providers = Option(args, "--provider", "sqlite") == "all"
            ? [StorageProvider.Sqlite, StorageProvider.PostgreSql]
            : new[] { Enum.Parse<StorageProvider>(Option(args, "--provider", "sqlite"), ignoreCase: true) };
        var connections = int.Parse(Option(args, "--connections", "32"), CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(double.Parse(Option(args, "--seconds", "10"), CultureInfo.InvariantCulture));
        var rates = Option(args, "--rates", "1000,2000").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var warmUp = TimeSpan.FromSeconds(double.Parse(Option(args, "--warmup", "1"), CultureInfo.InvariantCulture));
        var phases = Option(args, "--phases", "ingest,drain,redirect,sustained").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var drain = new SustainedDrain(
            int.Parse(Option(args, "--drain-orders", "3000"), CultureInfo.InvariantCulture),
            int.Parse(Option(args, "--drain-warmup", "1000"), CultureInfo.InvariantCulture));
        var bridge = Option(args, "--bridge", "published");
        var directory = bridge switch
        {
            "published" => await BridgePublisher.PublishAsync(Console.Out),
            "build" => null,
            // A copy published before (for example one per variant, to compare them back to back).
            _ when File.Exists(Path.Combine(bridge, "Referrals.Benchmarks.dll")) => Path.GetFullPath(bridge),
            _ => throw new ArgumentException($"--bridge is 'published' (the bench published ReadyToRun, as the bridge ships; the default), 'build' (this build output) or the directory of a published bench, not '{bridge}'."),
        };
        var report = await MeasureAsync(new LoadOptions(providers, connections, duration, rates, warmUp, phases, drain, directory), Console.Out);
        foreach (var failure in report.Failures)
        {
            await Console.Out.WriteLineAsync("FAILED: " + failure);
        }

        return report.Results.Any(r => r.Count == 0) || report.Failures.Count > 0 ? 1 : 0;
    }

    private static readonly HashSet<string> TestOnlyAssemblies = new(["nunit.framework.dll", "Referrals.Testing.dll"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs every phase and writes a row per phase as it ends; returns the results and the end-state checks.</summary>
    public static async Task<LoadReport> MeasureAsync(LoadOptions options, TextWriter output)
    {
        var (providers, connections, duration, rates, warmUp, phases, _, _) = options;
        var report = new LoadReport();
        var results = report.Results;
        var template = Encoding.UTF8.GetString(ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder));
        var plainBody = Encoding.UTF8.GetBytes(template);
        await output.WriteLineAsync(Format.Invariant($"machine: {Environment.ProcessorCount} cores, load average {MachineLoad.LoadAverageNow()}"));
        await output.WriteLineAsync("| phase | mode | req/s | ratio to baseline | p50 ms | p99 ms | p99.9 ms | max ms | errors | bridge RSS / peak MB (managed) | /proc/loadavg |");
        await output.WriteLineAsync("|---|---|---:|---:|---:|---:|---:|---:|---|---|---|");

        LoadResult postBaseline;
        LoadResult getBaseline;
        await using (var hello = await ChildServer.StartAsync(directory: null, LoadServer.HelloName))
        {
            using var client = Client(hello.Address, connections);
            await WarmUpAsync(client, _ => new HttpRequestMessage(HttpMethod.Post, "hello") { Content = Json(plainBody) }, connections, warmUp);
            postBaseline = await LoadDriver.RunAsync("baseline: bare Kestrel POST /hello (2.2 KB body)", client, _ =>
                new HttpRequestMessage(HttpMethod.Post, "hello") { Content = Json(plainBody) }, HttpStatusCode.OK, connections, duration, rate: null);
            await Report(output, results, postBaseline, null, "—");
            getBaseline = await LoadDriver.RunAsync("baseline: bare Kestrel GET /hello", client, _ =>
                new HttpRequestMessage(HttpMethod.Get, "hello"), HttpStatusCode.OK, connections, duration, rate: null);
            await Report(output, results, getBaseline, null, "—");
        }

        foreach (var provider in providers)
        {
            // PostgreSQL: a throw-away database from the test helpers, made and migrated here before the bridge starts, so
            // the child's start-up and memory are the bridge's alone. Disposed (dropped) after the child has stopped.
            await using var database = provider == StorageProvider.PostgreSql ? await TestDatabase.CreateAsync(provider) : null;
            string[] serve = database is null
                ? [LoadServer.ServeName, provider.ToString()]
                : [LoadServer.ServeName, provider.ToString(), database.Storage.ConnectionString];
            await using var bridge = await ChildServer.StartAsync(options.BridgeDirectory, serve);
            await output.WriteLineAsync(Format.Invariant(
                $"{provider}: bridge start-up (process start to first 200 on /healthz) {bridge.StartUp.TotalMilliseconds:0} ms; child says: {string.Join("; ", bridge.Output)}; RSS idle {await MemoryAsync(bridge)} MB"));
            using var client = Client(bridge.Address, connections);
            var runId = Guid.NewGuid().ToString("N")[..8];
            var key = Encoding.UTF8.GetBytes(LoadServer.Secret);
            var sequence = 0L;
            HttpRequestMessage Webhook(long _)
            {
                // Unique webhook id and order id (same length, so the body stays 2,216 bytes), signed like Shopify.
                var n = Interlocked.Increment(ref sequence);
                var body = Encoding.UTF8.GetBytes(template.Replace(OrderId, (900_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
                return SignedPaidOrder(body, key, runId, n);
            }

            // Every answer 200 is a stored delivery (ids are unique); an error may or may not have been stored.
            long answeredOk = 0, answeredError = 0;
            void Count(LoadResult phase)
            {
                answeredOk += phase.Count - phase.Errors;
                answeredError += phase.Errors;
            }

            Count(await WarmUpAsync(client, Webhook, connections, warmUp));
            if (phases.Contains("ingest"))
            {
                var before = await InboxAsync(bridge);
                var ingest = await LoadDriver.RunAsync($"{provider}: webhook ingest (verify + inbox insert + 200)", client, Webhook, HttpStatusCode.OK, connections, duration, rate: null);
                Count(ingest);
                await Report(output, results, ingest, postBaseline, await MemoryAsync(bridge));
                await output.WriteLineAsync(WriterCycle(before, await InboxAsync(bridge), ingest));
                foreach (var rate in rates)
                {
                    before = await InboxAsync(bridge);
                    var fixedRate = await LoadDriver.RunAsync($"{provider}: webhook ingest", client, Webhook, HttpStatusCode.OK, connections, duration, rate);
                    Count(fixedRate);
                    await Report(output, results, fixedRate, postBaseline, await MemoryAsync(bridge));
                    await output.WriteLineAsync(WriterCycle(before, await InboxAsync(bridge), fixedRate));
                }
            }

            var inbox = await InboxAsync(bridge);
            var stored = inbox.Rows;
            report.InboxRows[provider] = stored;
            report.InboxBatches[provider] = inbox.Batches;
            await output.WriteLineAsync(Format.Invariant($"{provider}: inbox holds {stored} deliveries; answered 200: {answeredOk}, errors: {answeredError}"));
            if (stored < answeredOk || stored > answeredOk + answeredError)
            {
                report.Failures.Add(Format.Invariant($"{provider}: {answeredOk} deliveries were answered 200 (and {answeredError} failed) but the inbox holds {stored}"));
            }

            if (phases.Contains("drain"))
            {
                report.Drained[provider] = await DrainAsync(output, bridge, provider, duration, sequence);
            }

            if (phases.Contains("redirect"))
            {
                var redirect = await LoadDriver.RunAsync($"{provider}: app proxy GET /shopify/proxy/r/{{code}} → 302", client, _ =>
                    new HttpRequestMessage(HttpMethod.Get, "shopify/proxy/r/" + LoadServer.AdvocateCode
                        + ShopifyAppProxySigner.Query(LoadServer.Secret, LoadServer.Shop, TimeProvider.System.GetUtcNow())), HttpStatusCode.Redirect, connections, duration, rate: null);
                await Report(output, results, redirect, getBaseline, await MemoryAsync(bridge));
            }

            if (phases.Contains("sustained") && options.Drain is { Orders: > 0 } drain)
            {
                await SustainedDrainAsync(output, provider, bridge, client, template, runId, key, connections, drain);
            }

            // The figures are the bridge's only if the child ran nothing but the bridge and its load endpoints: test helpers
            // loaded there once (NUnit, a throw-away PostgreSQL database) added about 8 MB at the peak and 1 s of start-up.
            var testCode = bridge.MappedFiles().Where(f => TestOnlyAssemblies.Contains(Path.GetFileName(f))).ToList();
            if (testCode.Count > 0)
            {
                report.Failures.Add(Format.Invariant($"{provider}: the bridge child loaded test code ({string.Join(", ", testCode)}), so its memory and start-up are not the bridge's alone"));
            }
        }

        return report;
    }

    private static async Task<long> DrainAsync(TextWriter output, ChildServer bridge, StorageProvider provider, TimeSpan duration, long sequence)
    {
        using var drainClient = new HttpClient { BaseAddress = bridge.Address, Timeout = TimeSpan.FromMinutes(30) };
        var answer = (await (await drainClient.PostAsync(new Uri(Format.Invariant($"{LoadServer.DrainPath.TrimStart('/')}?seconds={duration.TotalSeconds}"), UriKind.Relative), null)).Content.ReadAsStringAsync()).Split(' ');
        var processed = long.Parse(answer[0], CultureInfo.InvariantCulture);
        var seconds = double.Parse(answer[1], CultureInfo.InvariantCulture);
        await output.WriteLineAsync(Format.Invariant(
            $"| {provider}: inbox drain (orders/paid → attribution + fraud + ledger) | 1 drain job | {processed / seconds:N0} orders/s | — | | | | | {processed} processed in {seconds:0.0} s (of {sequence} stored) | {await MemoryAsync(bridge)} | {MachineLoad.LoadAverageNow()} |"));
        return processed;
    }

    private static async Task<InboxSnapshot> InboxAsync(ChildServer bridge)
    {
        using var client = new HttpClient { BaseAddress = bridge.Address, Timeout = TimeSpan.FromMinutes(1) };
        var answer = (await client.GetStringAsync(new Uri(LoadServer.InboxPath.TrimStart('/'), UriKind.Relative))).Split(' ');
        var numbers = answer.Select(a => long.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        return new InboxSnapshot(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]);
    }

    // The group commit's cycle over one phase, and the bridge's CPU per answered request (both cores count).
    private static string WriterCycle(InboxSnapshot before, InboxSnapshot after, LoadResult phase)
    {
        var batches = after.Batches - before.Batches;
        var deliveries = after.Deliveries - before.Deliveries;
        var insertMs = (after.InsertMicroseconds - before.InsertMicroseconds) / 1000.0;
        var commitMs = (after.CommitMicroseconds - before.CommitMicroseconds) / 1000.0;
        var cpuMs = (double)(after.CpuMilliseconds - before.CpuMilliseconds);
        var wallMs = phase.Elapsed.TotalMilliseconds;
        return Format.Invariant(
            $"  inbox writer: {batches} batches, {(double)deliveries / Math.Max(batches, 1):0.0} deliveries each; per batch insert {insertMs / Math.Max(batches, 1):0.000} ms, commit {commitMs / Math.Max(batches, 1):0.000} ms; writer busy {(insertMs + commitMs) / wallMs:P0} of the phase; bridge CPU {cpuMs * 1000 / Math.Max(phase.Count, 1):0} μs per request ({cpuMs / wallMs / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores); /proc/loadavg {MachineLoad.LoadAverageNow()}");
    }

    /// <summary>How many orders the sustained drain measures, after how many warm-up orders.</summary>
    public sealed record SustainedDrain(int Orders, int WarmUp);

    // The leftovers of the ingest phases are set aside (dead-lettered), so the drain sees only its own orders. Each order
    // is a new buyer; every third carries one of the seeded advocates' codes (round-robin), the others a code nobody has.
    // Warm-up orders are ingested and drained first (JIT, query plans), then the measured ones are ingested and the real
    // DrainInboxJob is timed until the inbox is empty.
    private static async Task SustainedDrainAsync(TextWriter output, StorageProvider provider, ChildServer bridge, HttpClient client, string template, string runId, byte[] key,
        int connections, SustainedDrain drain)
    {
        using var control = new HttpClient { BaseAddress = bridge.Address, Timeout = TimeSpan.FromMinutes(60) };
        async Task<string[]> PostAsync(string path) =>
            (await (await control.PostAsync(new Uri(path.TrimStart('/'), UriKind.Relative), null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync()).Split(' ');

        var setAside = await PostAsync(LoadServer.SetAsidePath);
        var next = 0L;
        async Task IngestAsync(int count)
        {
            var first = next;
            next += count;
            await Parallel.ForAsync(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = connections }, async (n, ct) =>
            {
                using var request = SustainedOrder(template, runId + "-s", key, n);
                using var response = await client.SendAsync(request, ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException(Format.Invariant($"Ingest of sustained order {n} answered {(int)response.StatusCode}."));
                }
            });
        }

        await IngestAsync(drain.WarmUp);
        var warm = await PostAsync(LoadServer.DrainAllPath);
        await IngestAsync(drain.Orders);
        var loadBefore = MachineLoad.LoadAverageNow();
        var answer = await PostAsync(LoadServer.DrainAllPath);
        var processed = long.Parse(answer[0], CultureInfo.InvariantCulture);
        var seconds = double.Parse(answer[1], CultureInfo.InvariantCulture);
        var cpu = double.Parse(answer[2], CultureInfo.InvariantCulture);
        await output.WriteLineAsync(Format.Invariant(
            $"| {provider}: sustained inbox drain (DrainInboxJob until empty, after {warm[0]} warm-up orders drained) | 1 drain job | {processed / seconds:N0} orders/s | — | | | | | {processed} of {drain.Orders} processed in {seconds:0.0} s; bridge CPU {cpu * 1000 / Math.Max(1, processed):0.00} ms, {answer[3]} reads and {answer[4]} writes per order; {setAside[0]} leftovers set aside | {await MemoryAsync(bridge)} | {loadBefore} → {MachineLoad.LoadAverageNow()} |"));
        await output.FlushAsync();

        // Webhooks keep arriving while the inbox drains. A drain group holds the database's write lock (SQLite: the whole
        // file) until its commit, so a delivery may wait for the group in hand: the ingest's latency at an open 500/s
        // while the same drain works through another drain.Orders orders (and the ones arriving meanwhile).
        await IngestAsync(drain.Orders);
        var draining = PostAsync(LoadServer.DrainAllPath);
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        var during = await LoadDriver.RunAsync($"{provider}: webhook ingest during the sustained drain", client,
            n => SustainedOrder(template, runId + "-d", key, n), HttpStatusCode.OK, connections, TimeSpan.FromSeconds(2), rate: 500);
        var drained = await draining;
        await output.WriteLineAsync(during.Row(null, MachineLoad.LoadAverageNow(), await MemoryAsync(bridge)));
        await output.WriteLineAsync(Format.Invariant(
            $"| {provider}: sustained inbox drain with the ingest above | 1 drain job | {long.Parse(drained[0], CultureInfo.InvariantCulture) / double.Parse(drained[1], CultureInfo.InvariantCulture):N0} orders/s | — | | | | | {drained[0]} processed in {double.Parse(drained[1], CultureInfo.InvariantCulture):0.0} s | {await MemoryAsync(bridge)} | {MachineLoad.LoadAverageNow()} |"));
        await output.FlushAsync();
    }

    // A signed orders/paid webhook for sustained order n: its own order, webhook and event ids, and its own buyer.
    private static HttpRequestMessage SustainedOrder(string template, string runId, byte[] key, long n)
    {
        var code = n % 3 == 0 ? LoadServer.SustainedCode((int)(n / 3 % LoadServer.SustainedAdvocates)) : Format.Invariant($"NOONE-{n % 10_000_000:D7}");
        var json = template
            .Replace(OrderId, (910_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(ShopifyPayloads.SyntheticCustomerId.ToString(CultureInfo.InvariantCulture), (120_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("jane.referred@example.com", Format.Invariant($"buyer-{runId}-{n}@example.com"), StringComparison.Ordinal)
            .Replace(LoadServer.AdvocateCode, code, StringComparison.Ordinal);
        return SignedPaidOrder(Encoding.UTF8.GetBytes(json), key, runId, n);
    }

    // An orders/paid delivery of the load shop with its own webhook and event ids, signed like Shopify.
    private static HttpRequestMessage SignedPaidOrder(byte[] body, byte[] key, string runId, long n)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, ShopifyWebhookDelivery.Path) { Content = Json(body) };
        message.Headers.TryAddWithoutValidation("X-Shopify-Topic", "orders/paid");
        message.Headers.TryAddWithoutValidation("X-Shopify-Shop-Domain", LoadServer.Shop);
        message.Headers.TryAddWithoutValidation("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(key, body)));
        message.Headers.TryAddWithoutValidation("X-Shopify-Webhook-Id", Format.Invariant($"wh-{runId}-{n}"));
        message.Headers.TryAddWithoutValidation("X-Shopify-Event-Id", Format.Invariant($"ev-{runId}-{n}"));
        message.Headers.TryAddWithoutValidation("X-Shopify-API-Version", "2026-10");
        return message;
    }

    private static async Task Report(TextWriter output, List<LoadResult> results, LoadResult result, LoadResult? baseline, string memory)
    {
        results.Add(result);
        await output.WriteLineAsync(result.Row(baseline, MachineLoad.LoadAverageNow(), memory));
        await output.FlushAsync();
    }

    // Not reported (one second unless --warmup says otherwise): JIT, connection set-up and the first queries' plans happen here.
    private static Task<LoadResult> WarmUpAsync(HttpClient client, Func<long, HttpRequestMessage> request, int connections, TimeSpan warmUp) =>
        LoadDriver.RunAsync("warm-up", client, request, HttpStatusCode.OK, connections, warmUp, rate: null);

    // RSS / peak from /proc, then the bridge's managed heap after its last GC and the GC's committed bytes (MB).
    private static async Task<string> MemoryAsync(ChildServer bridge)
    {
        var (rss, peak) = bridge.Memory();
        var heap = "?";
        try
        {
            using var client = new HttpClient { BaseAddress = bridge.Address, Timeout = TimeSpan.FromSeconds(10) };
            var answer = (await client.GetStringAsync(new Uri(LoadServer.MemoryPath.TrimStart('/'), UriKind.Relative))).Split(' ');
            heap = Format.Invariant($"heap {answer[0]} / GC committed {answer[1]}; SQLite {answer[2]} (peak {answer[3]})");
        }
        catch (HttpRequestException)
        {
        }

        var (anon, file, shmem, threads) = bridge.MemoryParts();
        return Format.Invariant($"{rss:0} / {peak:0} ({heap}; anon {anon:0}, file {file:0}, shmem {shmem:0}; {threads} threads)");
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static HttpClient Client(Uri address, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestVersion = HttpVersion.Version11,
    };

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
