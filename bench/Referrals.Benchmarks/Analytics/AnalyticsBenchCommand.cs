using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Referrals.Benchmarks.Throughput;
using Referrals.Core.Analytics;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Benchmarks.Analytics;

/// <summary>
/// <c>seed</c> fills a database with a shop's history; <c>analytics</c> times <see cref="ReferralAnalytics.OverviewAsync"/>
/// over the last 90 days of it, cold (first call in the process) and warm (median of the rest), then each part warm.
/// See docs/performance.md ("Analytics overview").
/// </summary>
public static class AnalyticsBenchCommand
{
    public const string SeedName = "seed";

    public const string AnalyticsName = "analytics";

    public static async Task<int> RunAsync(string command, IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            Console.WriteLine(AnalyticsBenchOptions.Usage);
            return 0;
        }

        AnalyticsBenchOptions options;
        try
        {
            options = AnalyticsBenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(AnalyticsBenchOptions.Usage);
            return 2;
        }

        Console.WriteLine(Format.Invariant($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at start {MachineLoad.LoadAverageNow()}"));
        TestDatabase? scratch = null;
        try
        {
            ReferralsDbContextFactory factory;
            var seed = command == SeedName || options.Connection is null;
            if (options.Connection is { } connection)
            {
                factory = new ReferralsDbContextFactory(new StorageOptions { Provider = options.Provider, ConnectionString = connection });
                if (seed)
                {
                    await using var db = factory.CreateDbContext();
                    await db.Database.MigrateAsync();
                }
            }
            else
            {
                scratch = await TestDatabase.CreateAsync(options.Provider);
                factory = scratch.Factory;
                Console.WriteLine($"database: {scratch}");
            }

            if (seed)
            {
                await using var db = factory.CreateDbContext();
                await AnalyticsSeeder.SeedAsync(db, options.Referrals, options.Orders, options.Asks);
                // The seed writes rows behind the engine's back (BulkWriter), so the rollups are computed afterwards.
                var rebuild = Stopwatch.StartNew();
                var tenantId = (await db.Tenants.AsNoTracking().SingleAsync(t => t.Key == AnalyticsSeeder.TenantKey)).Id;
                var rows = await new AnalyticsRollups().RebuildAsync(db, tenantId, default);
                Console.WriteLine(Format.Invariant($"analytics rollups rebuilt: {rows:N0} rows in {rebuild.Elapsed.TotalSeconds:0.0} s"));
                await AnalyseAsync(db, options);
            }
            else if (options.Analyze)
            {
                await using var db = factory.CreateDbContext();
                await AnalyseAsync(db, options);
            }

            if (command == AnalyticsName)
            {
                await TimeAsync(factory, options);
            }

            return 0;
        }
        finally
        {
            if (scratch is not null)
            {
                await scratch.DisposeAsync();
            }

            TestDatabases.CleanUp();
        }
    }

    private static async Task AnalyseAsync(ReferralsDbContext db, AnalyticsBenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        if (db.Provider == StorageProvider.PostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            Console.WriteLine(Format.Invariant($"VACUUM ANALYZE in {clock.Elapsed.TotalSeconds:0.0} s"));
        }
        else if (options.Analyze)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Console.WriteLine(Format.Invariant($"ANALYZE in {clock.Elapsed.TotalSeconds:0.0} s"));
        }
    }

    private static async Task TimeAsync(ReferralsDbContextFactory factory, AnalyticsBenchOptions options)
    {
        var analytics = new ReferralAnalytics(new FakeTimeProvider(AnalyticsSeeder.End));
        var period = AnalyticsPeriod.Last90Days(AnalyticsSeeder.End);
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        AnalyticsOverview? overview = null;
        for (var run = 0; run < options.Runs; run++)
        {
            await using var db = factory.CreateDbContext();
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Key == AnalyticsSeeder.TenantKey);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            overview = await analytics.OverviewAsync(db, tenant, period);
            times.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        if (options.SqlDirectory is { } directory)
        {
            await WriteSqlAsync(factory, directory, period);
        }

        var warm = times.Skip(1).Order().ToList();
        Console.WriteLine(Format.Invariant(
            $"overview, 90 days: cold {times[0]:0.0} ms; warm median {warm[warm.Count / 2]:0.0} ms (min {warm[0]:0.0}, max {warm[^1]:0.0}, {warm.Count} runs)"));
        var warmCpu = cpu.Skip(1).Order().ToList();
        Console.WriteLine(Format.Invariant(
            $"this process's CPU per overview (SQLite: all of the work; PostgreSQL: the client only): cold {cpu[0]:0.0} ms; warm median {warmCpu[warmCpu.Count / 2]:0.0} ms (min {warmCpu[0]:0.0}, max {warmCpu[^1]:0.0})"));
        Console.WriteLine("warm runs in order: " + string.Join(" ", times.Skip(1).Select(t => Format.Invariant($"{t:0.0}"))));
        Describe(overview!);

        await CompareAsync(factory, analytics, period, process);
        // The same 90 days ending at an instant that is not on the hour: every week boundary cuts an hour, read raw.
        await CompareAsync(factory, analytics, new AnalyticsPeriod(AnalyticsSeeder.End.AddDays(-90).AddMinutes(-37).AddSeconds(-13), AnalyticsSeeder.End.AddMinutes(-37).AddSeconds(-13)), process);

        Console.WriteLine("parts, warm (median of 5 runs each; wall, and this process's CPU):");
        await using (var db = factory.CreateDbContext())
        {
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Key == AnalyticsSeeder.TenantKey);
            var parts = new (string Name, Func<Task> Run)[]
            {
                ("funnel by week (rollups + cut hours)", () => ReferralAnalytics.FunnelByWeekAsync(db, tenant.Id, period, default)),
                ("revenue (rollups + cut hours)", () => ReferralAnalytics.RevenueAsync(db, tenant.Id, period, default)),
                ("reward cost", () => ReferralAnalytics.RewardCostAsync(db, tenant.Id, period, default)),
                ("K-factor (funnel + distinct advocates)", () => ReferralAnalytics.ViralAsync(db, tenant.Id, period, default)),
                ("goal pacing", () => analytics.GoalAsync(db, tenant, default)),
                ("top advocates by conversions", () => ReferralAnalytics.TopAdvocatesAsync(db, tenant.Id, "EUR", period, 10, false, default)),
                ("top advocates by revenue", () => ReferralAnalytics.TopAdvocatesAsync(db, tenant.Id, "EUR", period, 10, true, default)),
                ("top chains", () => ReferralAnalytics.TopChainsAsync(db, tenant.Id, "EUR", period, 10, default)),
            };
            foreach (var (name, run) in parts)
            {
                var partTimes = new List<double>();
                var partCpu = new List<double>();
                for (var i = 0; i < 5; i++)
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    await run();
                    partTimes.Add(clock.Elapsed.TotalMilliseconds);
                    process.Refresh();
                    partCpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }

                Console.WriteLine(Format.Invariant($"  {name}: {partTimes.Order().ElementAt(2):0.0} ms (CPU {partCpu.Order().ElementAt(2):0.0} ms)"));
            }
        }

        Console.WriteLine("load average at end: " + MachineLoad.LoadAverageNow());
    }

    // Rollup-based and raw overview of one period, median of 5 each, and whether they agree.
    private static async Task CompareAsync(ReferralsDbContextFactory factory, ReferralAnalytics analytics, AnalyticsPeriod period, Process process)
    {
        var fast = new List<(double Wall, double Cpu)>();
        var raw = new List<(double Wall, double Cpu)>();
        string? fastText = null, rawText = null;
        for (var i = 0; i < 5; i++)
        {
            foreach (var rollups in new[] { true, false })
            {
                await using var db = factory.CreateDbContext();
                var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Key == AnalyticsSeeder.TenantKey);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var overview = rollups ? await analytics.OverviewAsync(db, tenant, period) : await analytics.RawOverviewAsync(db, tenant, period);
                var elapsed = clock.Elapsed.TotalMilliseconds;
                process.Refresh();
                (rollups ? fast : raw).Add((elapsed, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds));
                var text = Text(overview);
                _ = rollups ? fastText = text : rawText = text;
            }
        }

        static string Median(List<(double Wall, double Cpu)> runs) =>
            Format.Invariant($"{runs.Select(r => r.Wall).Order().ElementAt(2):0.0} ms (CPU {runs.Select(r => r.Cpu).Order().ElementAt(2):0.0} ms)");
        Console.WriteLine(Format.Invariant($"period {period.From:O} to {period.To:O}, median of 5: rollups {Median(fast)}, raw {Median(raw)}; same figures: {(fastText == rawText ? "yes" : "NO")}"));
    }

    private static string Text(AnalyticsOverview o) => string.Join("|",
        o.Funnel, string.Join(",", o.Weeks.Select(w => w.Counts)), o.Nps, o.Viral, o.Goal, o.MaxChainDepth,
        string.Join(",", o.Revenue.Select(r => Format.Invariant($"{r.Currency} {r.Orders} {r.Gross:0.####} {r.Refunded:0.####} {r.ReferralOrders} {r.ReferralGross:0.####} {r.ReferralRefunded:0.####}"))),
        string.Join(",", o.RewardCost.Lines.Select(l => Format.Invariant($"{l.Currency} {l.Type} {l.State} {l.Entries} {l.Amount:0.####}"))),
        string.Join(",", o.TopAdvocatesByConversions.Concat(o.TopAdvocatesByRevenue).Select(a => Format.Invariant($"{a.AdvocateContactId} {a.ConvertedReferrals} {a.Revenue:0.####}"))),
        string.Join(",", o.TopChains.Select(c => Format.Invariant($"{c.RootAdvocateContactId} {c.ConvertedReferrals} {c.MaxDepth} {c.Revenue:0.####}"))));

    private static async Task WriteSqlAsync(ReferralsDbContextFactory factory, string directory, AnalyticsPeriod period)
    {
        Directory.CreateDirectory(directory);
        await using var db = factory.CreateDbContext();
        var t = (await db.Tenants.AsNoTracking().SingleAsync(x => x.Key == AnalyticsSeeder.TenantKey)).Id;
        var queries = new (string Name, IQueryable Query)[]
        {
            ("asks-scheduled", AnalyticsQueries.AsksScheduled(db, t, period)),
            ("asks-sent", AnalyticsQueries.AsksSent(db, t, period)),
            ("asks-answered", AnalyticsQueries.AsksAnswered(db, t, period)),
            ("referrals-started", AnalyticsQueries.ReferralsStarted(db, t, period)),
            ("visits", AnalyticsQueries.Visits(db, t, period)),
            ("conversions", AnalyticsQueries.ConversionsByWeek(db, t, period)),
            ("cohort-advocates", AnalyticsQueries.CohortAdvocates(db, t, period)),
            ("revenue", AnalyticsQueries.Revenue(db, t, period)),
            ("ledger", AnalyticsQueries.Ledger(db, t, period)),
            ("top-advocates", AnalyticsQueries.ByAdvocate(db, t, "EUR", period).OrderByDescending(a => a.N).ThenBy(a => a.Id).Take(10)),
            ("top-chains", AnalyticsQueries.ByRoot(db, t, "EUR", period).OrderByDescending(a => a.Revenue).ThenBy(a => a.Id).Take(10)),
            ("month-conversions", AnalyticsQueries.MonthConversions(db, t, period.From, period.To)),
        };
        foreach (var (name, query) in queries)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name + ".sql"), query.ToQueryString() + ";\n");
        }

        Console.WriteLine($"SQL of each query written to {directory}");
    }

    private static void Describe(AnalyticsOverview o)
    {
        var f = o.Funnel;
        Console.WriteLine(Format.Invariant(
            $"figures: asks {f.AsksScheduled}/{f.AsksSent}/{f.AsksAnswered}/{f.Promoters}, referrals {f.Referrals}, visits {f.Visits}, conversions {f.Conversions}; NPS {o.Nps?.Score}; K {o.Viral.KFactor:0.000}; goal {o.Goal.Converted}/{o.Goal.Goal}"));
        foreach (var r in o.Revenue)
        {
            Console.WriteLine(Format.Invariant($"  revenue {r.Currency}: {r.Orders} orders, net {r.Net:0.00}, referral net {r.ReferralNet:0.00} ({r.ReferralShare:P1})"));
        }

        Console.WriteLine(Format.Invariant($"  reward cost EUR {o.RewardCost.NetCost("EUR"):0.00}; top advocate {o.TopAdvocatesByConversions.FirstOrDefault()?.ConvertedReferrals} conversions; max depth {o.MaxChainDepth}; {o.Weeks.Count} weeks"));
    }
}
