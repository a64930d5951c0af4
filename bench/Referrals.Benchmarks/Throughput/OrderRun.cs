using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Testing.Engine;

namespace Referrals.Benchmarks.Throughput;

/// <summary>What one run measured, for the closing table.</summary>
public sealed record RunResult(
    StorageProvider Provider, OrderPath Path, int Workers, int Measured, int Failures, TimeSpan Elapsed,
    LatencySummary All, LatencySummary Referred, LatencySummary Plain, string Load, bool RowsCheckOut)
{
    public double OrdersPerSecond => Measured / Elapsed.TotalSeconds;
}

/// <summary>One provider, one path, one worker count: a fresh database, set-up, warm-up, the measured orders, the report.</summary>
public static partial class OrderRun
{
    // The longest lease the options allow.
    private const int InboxLeaseSeconds = 3600;

    public static async Task<RunResult> RunAsync(OrderThroughputOptions options, StorageProvider provider, int workers)
    {
        ArgumentNullException.ThrowIfNull(options);
        Console.WriteLine();
        Console.WriteLine(Format.Invariant(
            $"== {provider}, {options.Path.ToString().ToLowerInvariant()} path{(options.Analyze ? " (ANALYZE after warm-up)" : "")}, {workers} worker(s): {options.Orders} orders after {options.Warmup} warm-up, {options.Advocates} advocates, clock step {options.ClockStep.TotalSeconds:0} s =="));
        var setup = Stopwatch.StartNew();
        var handler = new BenchPaidOrderHandler();
        await using var engine = await EngineHarness.CreateAsync(provider, o =>
        {
            o.Jobs.RegisterRecurringJobs = false;
            // The fake clock runs ahead by the clock step per order: keep a claimed batch's lease (fake time) from
            // running out while its worker still handles it, or the other worker would claim the rest again.
            o.Jobs.LeaseSeconds = InboxLeaseSeconds;
            o.Jobs.BatchSize = Math.Clamp((int)(InboxLeaseSeconds / 2 / Math.Max(1, workers) / Math.Max(1, options.ClockStep.TotalSeconds)), 1, JobOptions.DefaultBatchSize);
        }, s => s.AddSingleton<IInboxHandler>(handler));
        if (options.Path == OrderPath.Inbox)
        {
            var jobs = engine.Services.GetRequiredService<JobOptions>();
            Console.WriteLine(Format.Invariant($"inbox: batches of {jobs.BatchSize}, lease {jobs.LeaseSeconds} s of fake time"));
        }

        Console.WriteLine("database: " + await DescribeDatabaseAsync(engine));
        var workload = await OrderWorkload.CreateAsync(engine, options.Advocates);
        var processor = engine.Services.GetRequiredService<OrderEventProcessor>();
        Console.WriteLine(Format.Invariant($"set-up: database, tenant and {workload.Advocates} advocates with codes in {setup.Elapsed.TotalSeconds:0.0} s"));

        var warm = new OrderRecorder(workload, processor, engine.Clock, options.ClockStep, countSql: false, first: 0, count: options.Warmup);
        var warmTime = await ProcessAsync(engine, handler, warm, options, workers, maxDuration: null, drainTally: null);
        Console.WriteLine(Format.Invariant($"warm-up: {warm.Completed().Count()} orders in {warmTime.TotalSeconds:0.00} s, {warm.Failures} failed"));
        if (warm.FirstError is { } warmError)
        {
            Console.WriteLine("first warm-up failure: " + warmError);
        }

        if (options.Analyze)
        {
            await using var db = engine.Database.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Console.WriteLine("ANALYZE run after the warm-up: the planner has statistics");
        }

        var measured = new OrderRecorder(workload, processor, engine.Clock, options.ClockStep, options.CountSql, first: options.Warmup, count: options.Orders);
        var drainTally = options.CountSql && options.Path == OrderPath.Inbox ? new SqlTally() : null;
        var load = MachineLoad.Start();
        var elapsed = await ProcessAsync(engine, handler, measured, options, workers, options.MaxDuration, drainTally);
        await load.DisposeAsync();

        var done = measured.Completed().ToList();
        var referred = done.Where(OrderWorkload.IsReferred).ToList();
        var plain = done.Where(i => !OrderWorkload.IsReferred(i)).ToList();
        var all = LatencySummary.Of(done.Select(measured.TicksOf));
        var result = new RunResult(provider, options.Path, workers, done.Count, measured.Failures, elapsed, all,
            LatencySummary.Of(referred.Select(measured.TicksOf)), LatencySummary.Of(plain.Select(measured.TicksOf)), load.ToString(), RowsCheckOut: false);

        Console.WriteLine(Format.Invariant(
            $"measured: {done.Count} orders in {elapsed.TotalSeconds:0.000} s = {result.OrdersPerSecond:0} orders/s; {measured.Failures} failed{(done.Count < options.Orders ? " (stopped by --max-seconds)" : "")}"));
        if (measured.FirstError is { } error)
        {
            Console.WriteLine("first failure: " + error);
        }

        var timed = options.Path == OrderPath.Inbox ? "handler time (tenant lookup + engine, without the drain's claim, mark and commit)" : "time per order (scope + tenant lookup + engine, own transaction)";
        Console.WriteLine($"{timed}:");
        Console.WriteLine("  all       " + all);
        Console.WriteLine("  referred  " + result.Referred);
        Console.WriteLine("  plain     " + result.Plain);
        Console.WriteLine("orders/s per 500 orders, in completion order: " + string.Join(" ", measured.ChunkRates(500).Select(r => Format.Invariant($"{r:0}"))));
        Console.WriteLine("outcomes: " + string.Join(", ", done.GroupBy(measured.StatusOf).OrderBy(g => g.Key).Select(g => Format.Invariant($"{g.Key} {g.Count()}"))));
        Console.WriteLine("machine while measuring: " + load);
        Console.WriteLine(Format.Invariant($"  = {load.ProcessCpu.TotalMilliseconds / Math.Max(1, done.Count):0.000} ms of this process's CPU per order"));

        if (options.CountSql)
        {
            Console.WriteLine("database work per order (EF Core commands; on SQLite add one PRAGMA statement per connection open):");
            PrintTallyLine("referred", measured.Referred, referred.Count, referred.Select(measured.CommandsOf), result.Referred.MeanMs);
            PrintTallyLine("plain", measured.Plain, plain.Count, plain.Select(measured.CommandsOf), result.Plain.MeanMs);
            if (drainTally is not null)
            {
                PrintTallyLine("inbox drain around the handler (claims, find, repeat check, mark, commit)", drainTally, done.Count, [], null);
            }
        }

        var check = await CountRowsAsync(engine, warm, measured);
        Console.WriteLine(check.Report);
        var plans = options.CountSql ? await ExplainAsync(engine, measured) : [];
        if (options.CountSql && options.Top > 0)
        {
            PrintStatements("referred", measured.Referred, referred.Count, options.Top, plans);
            PrintStatements("plain", measured.Plain, plain.Count, options.Top, plans);
            if (drainTally is not null)
            {
                PrintStatements("inbox drain", drainTally, done.Count, options.Top, plans);
            }
        }

        return result with { RowsCheckOut = check.Ok };
    }

    private static async Task<TimeSpan> ProcessAsync(EngineHarness engine, BenchPaidOrderHandler handler, OrderRecorder recorder, OrderThroughputOptions options, int workers,
        TimeSpan? maxDuration, SqlTally? drainTally)
    {
        var path = options.Path;
        if (recorder.Count == 0)
        {
            return TimeSpan.Zero;
        }

        if (path == OrderPath.Inbox)
        {
            handler.Recorder = recorder;
            await EnqueueAsync(engine, recorder);
        }

        // The drain's own database work goes to drainTally (it flows into the workers); the handler and the engine
        // path credit each order's work to the order's own tally.
        SqlCounter.Current = drainTally;
        using var deadline = maxDuration is { } max ? new CancellationTokenSource(max) : new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers)
            .Select(_ => Task.Run(() => path == OrderPath.Inbox ? DrainWorkerAsync(engine, deadline.Token) : EngineWorkerAsync(engine, recorder, deadline.Token)))
            .ToArray();
        await Task.WhenAll(tasks);
        return clock.Elapsed;
    }

    // As the inbox drain does it: a new scope and context per order, the engine in its own transaction.
    private static async Task EngineWorkerAsync(EngineHarness engine, OrderRecorder recorder, CancellationToken deadline)
    {
        while (!deadline.IsCancellationRequested && recorder.Take() is { } index)
        {
            var order = recorder.NextOrder(index);
            var tally = recorder.NewTally();
            SqlCounter.Current = tally;
            var started = Stopwatch.GetTimestamp();
            try
            {
                OrderStatus status;
                await using (var scope = engine.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
                    var tenant = await TenantDirectory.FindAsync(db, OrderWorkload.ShopKey, CancellationToken.None)
                        ?? throw new InvalidOperationException("The benchmark's tenant is missing.");
                    status = (await recorder.Processor.ProcessPaidAsync(db, tenant, order, CancellationToken.None)).Status;
                }

                recorder.Record(index, Stopwatch.GetTimestamp() - started, status, tally);
            }
            catch (Exception ex)
            {
                recorder.RecordFailure(index, ex);
            }
            finally
            {
                SqlCounter.Current = null;
            }
        }
    }

    private static async Task DrainWorkerAsync(EngineHarness engine, CancellationToken deadline)
    {
        var inbox = engine.Services.GetRequiredService<InboxProcessor>();
        try
        {
            while ((await inbox.RunAsync(maxBatches: 1, deadline)).Claimed > 0)
            {
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // --max-seconds: the message in hand is rolled back and stays in the inbox.
        }
    }

    // Not timed: the webhook side's work. One row per order, its payload the order number.
    private static async Task EnqueueAsync(EngineHarness engine, OrderRecorder recorder)
    {
        const int chunk = 500;
        for (var start = 0; start < recorder.Count; start += chunk)
        {
            await using var db = engine.Database.CreateDbContext();
            var receivedAt = engine.Clock.GetUtcNow();
            for (var slot = start; slot < Math.Min(start + chunk, recorder.Count); slot++)
            {
                var index = (recorder.First + slot).ToString(CultureInfo.InvariantCulture);
                db.Inbox.Add(new InboxMessage(BenchPaidOrderHandler.BenchSource, "delivery-" + index, "event-" + index, BenchPaidOrderHandler.PaidTopic,
                    OrderWorkload.ShopKey, Encoding.UTF8.GetBytes(index), receivedAt));
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task<string> DescribeDatabaseAsync(EngineHarness engine)
    {
        await using var db = engine.Database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        return engine.Database.Provider == StorageProvider.Sqlite
            ? Format.Invariant($"SQLite {await ScalarAsync(connection, "select sqlite_version()")}, file {engine.Database.Name}, journal_mode={await ScalarAsync(connection, "PRAGMA journal_mode")}, synchronous={await ScalarAsync(connection, "PRAGMA synchronous")} (1 = NORMAL)")
            : Format.Invariant($"PostgreSQL {await ScalarAsync(connection, "SHOW server_version")}, database {engine.Database.Name}, fsync={await ScalarAsync(connection, "SHOW fsync")}, synchronous_commit={await ScalarAsync(connection, "SHOW synchronous_commit")}, shared_buffers={await ScalarAsync(connection, "SHOW shared_buffers")}");
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<(bool Ok, string Report)> CountRowsAsync(EngineHarness engine, OrderRecorder warm, OrderRecorder measured)
    {
        await using var db = engine.Database.CreateDbContext();
        var processed = warm.Completed().Concat(measured.Completed()).ToList();
        var converted = processed.Count(i => OrderWorkload.IsReferred(i));
        var paidOrders = await db.Orders.CountAsync(o => o.PaidAt != null);
        var referredOrders = await db.Orders.CountAsync(o => o.ReferralId != null);
        var contacts = await db.Contacts.CountAsync();
        var externalIds = await db.ContactExternalIds.CountAsync();
        var referrals = await db.Referrals.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var ledger = await db.Ledger.GroupBy(e => new { e.Type, e.Beneficiary, e.State }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var reviewItems = await db.ReviewItems.CountAsync();
        var inbox = await db.Inbox.CountAsync(m => m.ProcessedAt != null);

        var rewarding = referrals.Where(r => r.Key is ReferralState.Converted or ReferralState.UnderReview).Sum(r => r.Count);
        var rewards = ledger.Where(l => l.Key.Type == LedgerEntryType.Reward).Sum(l => l.Count);
        var ok = paidOrders == processed.Count && referredOrders == converted && referrals.Sum(r => r.Count) == converted && rewards == 2 * rewarding;
        var report = new StringBuilder();
        report.AppendLine(Format.Invariant($"rows after the run (warm-up included: {processed.Count} orders processed, {converted} with a code):"));
        report.AppendLine(Format.Invariant($"  orders paid {paidOrders}, of which with a referral {referredOrders}; contacts {contacts} (advocates included); external ids {externalIds}"));
        report.AppendLine("  referrals " + string.Join(", ", referrals.OrderBy(r => r.Key).Select(r => Format.Invariant($"{r.Key} {r.Count}"))));
        report.AppendLine("  ledger " + string.Join(", ", ledger.OrderBy(l => l.Key.Type).ThenBy(l => l.Key.Beneficiary).ThenBy(l => l.Key.State)
            .Select(l => Format.Invariant($"{l.Key.Type}/{l.Key.Beneficiary}/{l.Key.State} {l.Count}"))));
        report.AppendLine(Format.Invariant($"  review items {reviewItems}; inbox rows processed {inbox}"));
        report.Append(ok
            ? "  check: every processed order is paid, every coded order converted one referral, two ledger rewards per rewarded referral"
            : "  CHECK FAILED: the counts above do not match the orders processed");
        return (ok, report.ToString());
    }

    // SQLite's plan for every SELECT the orders ran (parameters unbound), to tell index searches from scans.
    private static async Task<Dictionary<string, string>> ExplainAsync(EngineHarness engine, OrderRecorder measured)
    {
        var plans = new Dictionary<string, string>(StringComparer.Ordinal);
        if (engine.Database.Provider != StorageProvider.Sqlite)
        {
            return plans;
        }

        await using var db = engine.Database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        foreach (var sql in measured.Referred.Statements.Keys.Concat(measured.Plain.Statements.Keys).Distinct(StringComparer.Ordinal)
            .Where(sql => sql.StartsWith("SELECT", StringComparison.Ordinal)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            var steps = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    steps.Add(reader.GetString(3));
                }
            }

            plans[sql] = string.Join(" | ", steps);
        }

        var scans = plans.Where(p => p.Value.Split(" | ").Any(step => step.StartsWith("SCAN", StringComparison.Ordinal) && step != "SCAN CONSTANT ROW")).ToList();
        Console.WriteLine(Format.Invariant($"query plans (SQLite EXPLAIN QUERY PLAN): {plans.Count} distinct SELECTs, {scans.Count} scanning a whole table or index"));
        foreach (var (sql, plan) in scans)
        {
            Console.WriteLine($"  scan: {plan}  ←  {Shorten(sql)}");
        }

        return plans;
    }

    // Column lists collapsed, so that what a statement looks for stays readable.
    private static string Shorten(string sql)
    {
        var text = ColumnList().Replace(sql, "SELECT … FROM");
        text = InsertList().Replace(text, "INSERT INTO $1 (…) VALUES (…)");
        return text.Length > 400 ? text[..400] + " …" : text;
    }

    [GeneratedRegex(@"SELECT (?:""?\w+""?\.""\w+""(?:, )?){4,} FROM")]
    private static partial Regex ColumnList();

    [GeneratedRegex(@"INSERT INTO (""\w+"") \([^)]*\) VALUES \([^)]*\)")]
    private static partial Regex InsertList();

    private static void PrintTallyLine(string kind, SqlTally tally, int orders, IEnumerable<int> commandsPerOrder, double? meanMs)
    {
        if (orders == 0)
        {
            return;
        }

        var perOrder = commandsPerOrder.ToList();
        var range = perOrder.Count > 0 ? Format.Invariant($" (min {perOrder.Min()}, max {perOrder.Max()})") : "";
        double Per(double value) => value / orders;
        Console.WriteLine(Format.Invariant(
            $"  {kind}: {Per(tally.Commands):0.00} commands{range}, {Per(tally.SaveChanges):0.00} SaveChanges, {Per(tally.Transactions):0.00} transactions, {Per(tally.Commits):0.00} commits, {Per(tally.ConnectionOpens):0.00} connection opens, {Per(tally.Errors):0.00} command errors, {Per(tally.QueryCompilations):0.00} LINQ query compilations (EF query-cache misses); EF-measured {Per(tally.CommandTime.TotalMilliseconds):0.000} ms in commands + {Per(tally.CommitTime.TotalMilliseconds):0.000} ms in commits"));
        if (meanMs is { } mean)
        {
            var database = Per(tally.CommandTime.TotalMilliseconds + tally.CommitTime.TotalMilliseconds);
            Console.WriteLine(Format.Invariant(
                $"    of its mean {mean:0.000} ms: {database:0.000} ms ({database / mean:P0}) inside the database calls EF timed, {mean - database:0.000} ms around them (scope, context, connection open and on SQLite its PRAGMA, LINQ pipeline, materializing, change tracking, SaveChanges)"));
        }
    }

    private static void PrintStatements(string kind, SqlTally tally, int orders, int top, Dictionary<string, string> plans)
    {
        if (orders == 0)
        {
            return;
        }

        if (tally.FirstCompiledQuery is { } compiled)
        {
            Console.WriteLine($"first query EF compiled while measuring ({kind}): {compiled}");
        }

        Console.WriteLine($"statements, {kind} orders, most time first (per order × EF-measured mean, SQL[, SQLite plan]):");
        foreach (var (sql, stats) in tally.Statements.OrderByDescending(s => s.Value.Time).Take(top))
        {
            var plan = plans.TryGetValue(sql, out var p) ? "   [plan: " + p + "]" : "";
            Console.WriteLine(Format.Invariant($"  {stats.Count / (double)orders,5:0.00} × {stats.Time.TotalMicroseconds / stats.Count,6:0} µs  {Shorten(sql)}{plan}"));
        }
    }
}
