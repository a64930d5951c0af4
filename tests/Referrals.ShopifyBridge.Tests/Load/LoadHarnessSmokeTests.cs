using Referrals.Benchmarks.Load;
using Referrals.Core.Persistence;

namespace Referrals.ShopifyBridge.Tests.Load;

/// <summary>
/// The load harness (<c>bench/Referrals.Benchmarks/Load</c>, the figures of docs/performance.md) still runs end to end:
/// a short run of every phase on each provider, with few connections and one-second phases. Only its own end-state checks and
/// that rows arrived are asserted; its timings are not (this is not a benchmark).
/// </summary>
[Category("Load")]
public sealed class LoadHarnessSmokeTests
{
    // PostgreSQL: the harness makes the database in its own process and hands the bridge child its connection string.
    [TestCase(StorageProvider.Sqlite)]
    [TestCase(StorageProvider.PostgreSql)]
    public async Task Load_StoresEveryDeliveryAnswered200_AndRunsEveryPhaseWithoutErrors(StorageProvider provider)
    {
        var options = new LoadOptions([provider], Connections: 4, Duration: TimeSpan.FromSeconds(1), Rates: [50],
            WarmUp: TimeSpan.FromSeconds(0.5), Phases: new HashSet<string>(["ingest", "drain", "redirect"]));
        using var output = new StringWriter();

        var report = await LoadCommand.MeasureAsync(options, output);

        var log = output.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(report.Failures, Is.Empty, log);
            Assert.That(report.InboxRows[provider], Is.GreaterThan(0), "deliveries arrived in the inbox");
            Assert.That(report.InboxBatches[provider], Is.GreaterThan(0), "the inbox writer's instruments reached the harness");
            Assert.That(report.Drained[provider], Is.GreaterThan(0), "the drain phase processed orders");
            Assert.That(report.Results.Select(r => r.Name), Has.Some.Contains("webhook ingest").And.Some.Contains("app proxy"));
            Assert.That(report.Results, Has.All.Matches<LoadResult>(r => r.Count > 0 && r.Errors == 0), log);
        });
    }
}
