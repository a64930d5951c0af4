using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge;
using Referrals.ShopifyBridge.Hosting;

namespace Referrals.Benchmarks.Load;

/// <summary>
/// The child processes the load command starts: <c>load-serve</c> (the real bridge, <c>AddShopifyBridge</c> and
/// <c>UseShopifyBridge</c>, on Kestrel at a given loopback port over a fresh SQLite file or a throw-away PostgreSQL, with a
/// connected shop and one advocate code) and <c>load-hello</c> (a bare Kestrel endpoint, the baseline).
/// </summary>
internal static class LoadServer
{
    public const string ServeName = "load-serve";
    public const string HelloName = "load-hello";
    public const string Shop = "acme.myshopify.com";
    public const string Secret = "hush";

    /// <summary>The code printed in the synthetic order's discount code, so drained orders are attributed.</summary>
    public const string AdvocateCode = "FRIEND-7KQ2M9";

    /// <summary>Runs the inbox drain job until the inbox is empty or <c>?seconds=</c> have passed; answers "processed seconds".</summary>
    public const string DrainPath = "/_load/drain";

    /// <summary>
    /// Runs the real <see cref="Referrals.Core.Jobs.DrainInboxJob"/> (what Hangfire runs) until the inbox is empty;
    /// answers "processed seconds cpu-seconds" (this process's CPU time over the drain).
    /// </summary>
    public const string DrainAllPath = "/_load/drain-all";

    /// <summary>Dead-letters every inbox message still waiting (what earlier phases left); answers how many.</summary>
    public const string SetAsidePath = "/_load/set-aside";

    /// <summary>Advocates seeded with a code each (<see cref="SustainedCode"/>), for the sustained drain's referred orders.</summary>
    public const int SustainedAdvocates = 200;

    /// <summary>The code of the sustained drain's advocate <paramref name="index"/> (same length as <see cref="AdvocateCode"/>).</summary>
    public static string SustainedCode(int index) => FormattableString.Invariant($"ADVOC-{index:D7}");

    /// <summary>Answers the managed heap after the last GC, the GC's committed memory and SQLite's allocations now and at their peak, in MB: "heap committed sqlite sqlite-peak".</summary>
    public const string MemoryPath = "/_load/memory";

    /// <summary>
    /// Answers "rows batches deliveries insert-μs commit-μs cpu-ms": inbox rows stored, the inbox writer's sums since start
    /// (<see cref="InboxWriterStats"/>) and this process's CPU time.
    /// </summary>
    public const string InboxPath = "/_load/inbox";

    public static async Task<int> HelloAsync(string[] args)
    {
        var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        // Reads the body (like the webhook endpoint must) and answers 200: the floor any endpoint stands on.
        app.Map("/hello", async (HttpContext http) =>
        {
            var buffer = new byte[4096];
            while (await http.Request.Body.ReadAsync(buffer, http.RequestAborted) > 0)
            {
            }

            return Results.Text("Hello");
        });
        app.MapGet("/healthz", () => Results.Ok());
        await app.StartAsync();
        await StopWhenInputEndsAsync(app);
        return 0;
    }

    public static async Task<int> ServeAsync(string[] args)
    {
        var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        var provider = Enum.Parse<StorageProvider>(args[1], ignoreCase: true);
        var directory = Path.Combine(Path.GetTempPath(), "referrals-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Referrals:Storage:Provider"] = "Sqlite",
            ["Referrals:Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "referrals.db")}",
            ["Referrals:Storage:MigrateOnStartup"] = "true",
            ["Referrals:Jobs:RegisterRecurringJobs"] = "false",
            ["Referrals:Email:Mode"] = "Pickup",
            ["Referrals:Email:PickupDirectory"] = Path.Combine(directory, "mail-pickup"),
            ["Referrals:Email:From:Address"] = "referrals@acme.example",
            ["Referrals:Links:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Referrals:Links:KeyFile"] = Path.Combine(directory, "link-signing.key"),
            ["Referrals:Shopify:ClientSecret"] = Secret,
        };
        if (provider == StorageProvider.PostgreSql)
        {
            // The driver made and migrated the database (test helpers, NUnit and all, stay in its process): this process
            // is the bridge alone, as it ships, for its start-up time and its memory.
            settings["Referrals:Storage:Provider"] = "PostgreSql";
            settings["Referrals:Storage:ConnectionString"] = args.Length > 2
                ? args[2]
                : throw new ArgumentException("load-serve on PostgreSQL takes the database's connection string after the provider.", nameof(args));
            settings["Referrals:Storage:MigrateOnStartup"] = "false";
        }

        var started = Stopwatch.StartNew();
        var timings = new StartUpTimings();
        using var inboxStats = new InboxWriterStats();
        // The content root is watched for configuration changes (recursively): kept apart from the database files, so
        // the watcher does not wake on every write to SQLite's WAL.
        var contentRoot = Directory.CreateDirectory(Path.Combine(directory, "content")).FullName;
        var builder = BridgeHostBuilder.Create(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(settings);
        timings.Mark("create builder");
        builder.Services.AddShopifyBridge(builder.Configuration);
        // Ingest is measured alone (verify + durable insert + 200): the drain nudge is dropped, and the drain is run by the
        // driver through DrainPath once ingest is over, so the two phases do not share the two cores.
        builder.Services.AddSingleton<IBackgroundJobClient, DroppingJobClient>();
        timings.WrapHostedServices(builder.Services);
        timings.Mark("add services");
        var app = builder.Build();
        app.UseShopifyBridge();
        app.MapPost(DrainPath, DrainAsync);
        app.MapPost(DrainAllPath, DrainAllAsync);
        app.MapPost(SetAsidePath, SetAsideAsync);
        app.MapGet(MemoryPath, () =>
        {
            // SQLite's own allocations (page caches, schema, statements) are native memory the GC figures do not show; on
            // PostgreSQL the SQLite library is not loaded at all.
            var info = GC.GetGCMemoryInfo();
            var sqlite = provider == StorageProvider.Sqlite
                ? FormattableString.Invariant($"{SQLitePCL.raw.sqlite3_memory_used() / 1048576.0:0.0} {SQLitePCL.raw.sqlite3_memory_highwater(0) / 1048576.0:0.0}")
                : "- -";
            return Results.Text(FormattableString.Invariant($"{info.HeapSizeBytes / 1048576.0:0} {info.TotalCommittedBytes / 1048576.0:0} {sqlite}"));
        });
        app.MapGet(InboxPath, async (ReferralsDbContextFactory factory, CancellationToken cancellationToken) =>
        {
            await using var db = factory.CreateDbContext();
            var rows = await db.Inbox.LongCountAsync(cancellationToken);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
            return Results.Text(FormattableString.Invariant($"{rows} {inboxStats.Snapshot()} {cpu:0}"));
        });
        timings.Mark("build host and pipeline");
        await app.StartAsync();
        timings.Mark("Kestrel listening");
        Console.WriteLine(FormattableString.Invariant($"bridge started in {started.Elapsed.TotalMilliseconds:0} ms (host build + migrate + Kestrel listening): {timings.Summary()}"));
        await SeedAsync(app.Services);
        Console.WriteLine("READY");
        await StopWhenInputEndsAsync(app);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    // The driver closes standard input to stop the child.
    private static async Task StopWhenInputEndsAsync(WebApplication app)
    {
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        await app.StopAsync();
    }

    private static async Task<IResult> DrainAsync(InboxProcessor inbox, double seconds, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var processed = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            var result = await inbox.RunAsync(maxBatches: 1, cancellationToken: cancellationToken);
            if (result.Claimed == 0)
            {
                break;
            }

            processed += result.Succeeded;
        }

        return Results.Text(FormattableString.Invariant($"{processed} {watch.Elapsed.TotalSeconds:0.000}"));
    }

    private static async Task<IResult> DrainAllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var io = IoCalls.Now();
        var watch = Stopwatch.StartNew();
        var processed = 0;
        while (true)
        {
            // Each run is one job as Hangfire would start it (up to 50 batches); the next run picks up what is left.
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<Referrals.Core.Jobs.DrainInboxJob>().RunAsync(cancellationToken);
            processed += result.Succeeded;
            if (result.Claimed == 0)
            {
                break;
            }
        }

        var elapsed = watch.Elapsed.TotalSeconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return Results.Text(FormattableString.Invariant($"{processed} {elapsed:0.000} {used:0.000} {IoCalls.PerItem(io, IoCalls.Now(), processed)}"));
    }

    private static async Task<IResult> SetAsideAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var count = await db.Inbox.Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.DeadLetteredAt, now).SetProperty(m => m.LastError, "Set aside by the load bench."), cancellationToken);
        return Results.Text(FormattableString.Invariant($"{count}"));
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().GetOrCreateAsync(db, Shop, TenantKind.ShopifyShop, "Acme", CancellationToken.None);
        var program = tenant.Settings;
        program.Currency = "EUR";
        program.AdvocateReward.FixedAmount = 10m;
        program.HoldDays = 30;
        await TenantDirectory.UpdateSettingsAsync(db, tenant, program, CancellationToken.None);
        var advocate = await scope.ServiceProvider.GetRequiredService<ContactDirectory>()
            .UpsertAsync(db, tenant.Id, new CustomerInfo { Email = "alice@example.com", FirstName = "Alice", ExternalId = "gid://shopify/Customer/42" }, ContactKind.Client, CancellationToken.None);
        db.ReferralCodes.Add(new ReferralCode(tenant.Id, advocate.Id, AdvocateCode, ReferralCodeKey.Create(AdvocateCode), TimeProvider.System.GetUtcNow()));
        await db.SaveChangesAsync();

        // The sustained drain's advocates: its referred orders go round-robin, so none reaches the velocity limit early.
        var contacts = scope.ServiceProvider.GetRequiredService<ContactDirectory>();
        for (var i = 0; i < SustainedAdvocates; i++)
        {
            var other = await contacts.UpsertAsync(db, tenant.Id, new CustomerInfo
            {
                Email = FormattableString.Invariant($"advocate-{i}@example.com"),
                FirstName = "Advocate",
                ExternalId = FormattableString.Invariant($"gid://shopify/Customer/{7_000_000 + i}"),
            }, ContactKind.Client, CancellationToken.None);
            var code = SustainedCode(i);
            db.ReferralCodes.Add(new ReferralCode(tenant.Id, other.Id, code, ReferralCodeKey.Create(code), TimeProvider.System.GetUtcNow()));
            await db.SaveChangesAsync();
        }
    }

    private sealed class DroppingJobClient : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => Guid.NewGuid().ToString("N");

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
