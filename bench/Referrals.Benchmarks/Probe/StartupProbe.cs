using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;
using Referrals.Benchmarks.Throughput;

namespace Referrals.Benchmarks.Probe;

/// <summary>
/// <c>startup-probe</c>: where a cold process spends the database part of the bridge's start-up on a fresh SQLite file,
/// through the production factory: the first context, its model, the pending-migrations query, <c>Migrate</c> and a first
/// query, then the same twice more in the same (now warm) process. Prints wall milliseconds per step and this process's
/// CPU time so far, which is the figure to compare on a shared machine.
/// </summary>
internal static class StartupProbe
{
    public const string Name = "startup-probe";

    public static async Task<int> RunAsync()
    {
        for (var round = 0; round < 3; round++)
        {
            var file = Path.Combine(Path.GetTempPath(), "probe-" + Guid.NewGuid().ToString("N") + ".db");
            var watch = Stopwatch.StartNew();
            var factory = new ReferralsDbContextFactory(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={file}" });
            await using (var db = factory.CreateDbContext())
            {
                var created = watch.ElapsedMilliseconds;
                _ = db.Model;
                var model = watch.ElapsedMilliseconds;
                var pending = (await db.Database.GetPendingMigrationsAsync()).Count();
                var asked = watch.ElapsedMilliseconds;
                await db.Database.MigrateAsync();
                var migrated = watch.ElapsedMilliseconds;
                _ = await db.Tenants.CountAsync();
                var queried = watch.ElapsedMilliseconds;
                Console.WriteLine(Format.Invariant(
                    $"round {round}: context {created} ms, model {model - created} ms, pending ({pending}) {asked - model} ms, migrate {migrated - asked} ms, first query {queried - migrated} ms; process CPU so far {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0} ms"));
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }

        return 0;
    }
}
