using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Analytics;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// A seeded random sequence of events, each saved on its own as the engine's write paths do (new rows, then late
/// visits, conversions, approvals, rejections, rewards, payments, refunds, cancellations, ledger moves and answers on
/// rows saved earlier), with the rollup-based overview compared to the raw-query overview along the way, and the
/// maintained rollup rows compared to a rebuild from the raw tables at the end.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class AnalyticsRollupsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 3, 0, 0, 0, TimeSpan.Zero);
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Tenant _twin = null!;

    public AnalyticsRollupsTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync(configure: s => s.MonthlyGoal = 5);
        _twin = await _engine.CreateTenantAsync("twin.myshopify.com");
        _engine.Clock.SetUtcNow(T0.AddDays(12).AddHours(7));
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private static IEnumerable<AnalyticsPeriod> Periods()
    {
        yield return new AnalyticsPeriod(T0, T0.AddDays(30));                                                     // whole hours only
        yield return new AnalyticsPeriod(T0.AddDays(1).AddHours(3).AddMinutes(17).AddTicks(51_234), T0.AddDays(24).AddHours(5).AddMinutes(1)); // cut bounds and weeks
        yield return new AnalyticsPeriod(T0.AddDays(2).AddMinutes(10), T0.AddDays(2).AddMinutes(50));            // inside one hour
        yield return new AnalyticsPeriod(T0.AddDays(5).AddMinutes(30), T0.AddDays(5).AddHours(3));               // two whole hours
        yield return new AnalyticsPeriod(T0.AddDays(-3), T0.AddDays(40));                                         // beyond every event
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task Overview_FromRollups_EqualsRawQueries_ThroughRandomEventsAndLateChanges(int seed)
    {
        var world = new AnalyticsRandomWorld(new Random(seed), _tenant.Id);
        var twin = new AnalyticsRandomWorld(new Random(seed + 100), _twin.Id);
        for (var step = 1; step <= 160; step++)
        {
            await _engine.RunAsync((db, _) => world.StepAsync(db));
            if (step % 4 == 0)
            {
                await _engine.RunAsync((db, _) => twin.StepAsync(db));
            }

            if (step % 40 == 0)
            {
                await AssertOverviewsEqualAsync($"seed {seed}, step {step}");
            }
        }

        Assert.That(world.Changes, Is.GreaterThan(100), "the sequence should change rows, not only skip");
        var maintained = await RowsAsync(_tenant.Id);
        var rebuilt = await _engine.RunAsync((db, sp) => sp.GetRequiredService<AnalyticsRollups>().RebuildAsync(db, _tenant.Id, CancellationToken.None));

        Assert.That(rebuilt, Is.GreaterThan(0));
        Assert.That(await RowsAsync(_tenant.Id), Is.EqualTo(maintained), "maintained rollups differ from a rebuild");
        await AssertOverviewsEqualAsync($"seed {seed}, after rebuild");
    }

    [Test]
    public async Task Rebuild_RestoresTheRollups_AfterRowsWereWrittenBehindTheEnginesBack()
    {
        var world = new AnalyticsRandomWorld(new Random(7), _tenant.Id);
        for (var step = 0; step < 60; step++)
        {
            await _engine.RunAsync((db, _) => world.StepAsync(db));
        }

        var maintained = await RowsAsync(_tenant.Id);
        // A bulk load bypasses SaveChanges: here, the rollups and the advocates' previous starts are simply lost.
        await _engine.RunAsync(async (db, _) =>
        {
            await db.AnalyticsHours.ExecuteDeleteAsync();
            await db.AnalyticsRevenueHours.ExecuteDeleteAsync();
            await db.AnalyticsLedgerHours.ExecuteDeleteAsync();
            await db.Referrals.ExecuteUpdateAsync(s => s.SetProperty(r => r.AdvocatePreviousStartedAt, (DateTimeOffset?)null));
        });
        Assume.That(await RowsAsync(_tenant.Id), Is.Not.EqualTo(maintained));

        await _engine.RunAsync((db, sp) => new RebuildAnalyticsRollupsJob(db, sp.GetRequiredService<AnalyticsRollups>()).RunAsync(null, CancellationToken.None));

        Assert.That(await RowsAsync(_tenant.Id), Is.EqualTo(maintained));
        await AssertOverviewsEqualAsync("after the job");
    }

    private async Task AssertOverviewsEqualAsync(string when)
    {
        foreach (var period in Periods())
        {
            var (fast, raw) = await _engine.RunAsync(async (db, sp) =>
            {
                var analytics = sp.GetRequiredService<ReferralAnalytics>();
                return (await analytics.OverviewAsync(db, _tenant, period, 3, CancellationToken.None),
                    await analytics.RawOverviewAsync(db, _tenant, period, 3, CancellationToken.None));
            });
            Assert.That(Describe(fast), Is.EqualTo(Describe(raw)), $"{when}, period {period.From:O} to {period.To:O}");
        }
    }

    // Every figure as text, money normalised (SQL sums may carry a different scale: 5.0000 and 5 are the same amount).
    private static string Describe(AnalyticsOverview o)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"funnel {o.Funnel}; nps {o.Nps}; viral {o.Viral}; goal {o.Goal}; depth {o.MaxChainDepth}");
        foreach (var week in o.Weeks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"week {week.WeekStart:O} {week.Counts}");
        }

        foreach (var r in o.Revenue)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"revenue {r.Currency} {r.Orders} {M(r.Gross)} {M(r.Refunded)} {r.ReferralOrders} {M(r.ReferralGross)} {M(r.ReferralRefunded)}");
        }

        foreach (var l in o.RewardCost.Lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"ledger {l.Currency} {l.Type} {l.State} {l.Entries} {M(l.Amount)}");
        }

        foreach (var a in o.TopAdvocatesByConversions.Concat(o.TopAdvocatesByRevenue))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"advocate {a.AdvocateContactId} {a.ConvertedReferrals} {M(a.Revenue)}");
        }

        foreach (var c in o.TopChains)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"chain {c.RootAdvocateContactId} {c.ConvertedReferrals} {c.MaxDepth} {M(c.Revenue)}");
        }

        return text.ToString();
    }

    private static string M(decimal amount) => amount.ToString("0.####", CultureInfo.InvariantCulture);

    // The tenant's rollup rows, zero rows left out (a row whose events were all undone stays, with zeros).
    private Task<List<string>> RowsAsync(Guid tenant) => _engine.RunAsync(async (db, _) =>
    {
        var rows = new List<string>();
        rows.AddRange((await db.AnalyticsHours.AsNoTracking().Where(x => x.TenantId == tenant).ToListAsync())
            .Where(x => x.AsksScheduled + x.AsksSent + x.AsksAnswered + x.Promoters + x.Detractors + x.ReferralsStarted + x.StartedConverted + x.Visits + x.Conversions != 0)
            .Select(x => $"h {x.Hour} {x.AsksScheduled} {x.AsksSent} {x.AsksAnswered} {x.Promoters} {x.Detractors} {x.ReferralsStarted} {x.StartedConverted} {x.Visits} {x.Conversions}"));
        rows.AddRange((await db.AnalyticsRevenueHours.AsNoTracking().Where(x => x.TenantId == tenant).ToListAsync())
            .Where(x => x.Orders != 0 || x.Gross != 0 || x.Refunded != 0 || x.ReferralOrders != 0)
            .Select(x => $"r {x.Hour} {x.Currency} {x.Orders} {M(x.Gross)} {M(x.Refunded)} {x.ReferralOrders} {M(x.ReferralGross)} {M(x.ReferralRefunded)}"));
        rows.AddRange((await db.AnalyticsLedgerHours.AsNoTracking().Where(x => x.TenantId == tenant).ToListAsync())
            .Where(x => x.Entries != 0 || x.Amount != 0)
            .Select(x => $"l {x.Hour} {x.Currency} {x.Type} {x.State} {x.Entries} {M(x.Amount)}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    });
}
