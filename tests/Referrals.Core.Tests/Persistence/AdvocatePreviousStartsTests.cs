using Microsoft.EntityFrameworkCore;
using Referrals.Core.Analytics;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// Every saved referral carries its advocate's previous start, which lets analytics count a period's advocates without
/// DISTINCT. Saved one by one, several in one save, out of order (two instances' clocks apart) and concurrently.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class AdvocatePreviousStartsTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Guid _anna;
    private Guid _bo;

    public AdvocatePreviousStartsTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync();
        _anna = (await _engine.CreateAdvocateAsync(_tenant, "anna@example.com")).Advocate.Id;
        _bo = (await _engine.CreateAdvocateAsync(_tenant, "bo@example.com", "Bo")).Advocate.Id;
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    [Test]
    public async Task Save_PointsEachNewReferralAtItsAdvocatesLatestStart_AcrossSavesAndWithinOne()
    {
        var first = await SaveAsync(Start(_anna, T));
        var (second, third, other) = (Start(_anna, T.AddHours(1)), Start(_anna, T.AddHours(2)), Start(_bo, T.AddMinutes(90)));
        // Added out of order: the chain follows the start times, not the order of Add.
        await SaveAsync(third, other, second);

        var stored = await PreviousStartsAsync();
        Assert.That(stored[first.Id], Is.Null);
        Assert.That(stored[second.Id], Is.EqualTo(T));
        Assert.That(stored[third.Id], Is.EqualTo(T.AddHours(1)));
        Assert.That(stored[other.Id], Is.Null, "another advocate's referrals are a chain of their own");
    }

    [Test]
    public async Task Save_OfAnEarlierStart_AlsoRepointsTheStoredReferralThatStartedAfterIt()
    {
        var first = await SaveAsync(Start(_anna, T));
        var third = await SaveAsync(Start(_anna, T.AddHours(2)));

        // Another instance whose clock is behind saves a referral that started between the two.
        var second = await SaveAsync(Start(_anna, T.AddHours(1)));

        var stored = await PreviousStartsAsync();
        Assert.That(stored[first.Id], Is.Null);
        Assert.That(stored[second.Id], Is.EqualTo(T));
        Assert.That(stored[third.Id], Is.EqualTo(T.AddHours(1)));
    }

    [Test]
    public async Task ConcurrentSaves_ForOneAdvocate_ChainOneAfterTheOther()
    {
        await SaveAsync(Start(_anna, T));
        var early = Start(_anna, T.AddHours(1));
        var late = Start(_anna, T.AddHours(2));

        await using (var holding = _engine.Database.CreateDbContext())
        {
            await using var transaction = await holding.Database.BeginTransactionAsync();
            holding.Referrals.Add(early);
            await holding.SaveChangesAsync();

            // The other save starts while the first is uncommitted. Without the advocate lock it would read the
            // committed latest start (T) and point at it too; with it, it waits for the commit and then reads T+1h.
            var other = Task.Run(async () =>
            {
                await using var db = _engine.Database.CreateDbContext();
                db.Referrals.Add(late);
                await db.SaveChangesAsync();
            });
            await Task.WhenAny(other, Task.Delay(TimeSpan.FromMilliseconds(300)));
            await transaction.CommitAsync();
            await other;
        }

        var stored = await PreviousStartsAsync();
        Assert.That(stored[early.Id], Is.EqualTo(T));
        Assert.That(stored[late.Id], Is.EqualTo(T.AddHours(1)));
    }

    [Test]
    public async Task AdvocatesOfAPeriod_CountedFromPreviousStarts_EqualTheDistinctCount()
    {
        var carl = (await _engine.CreateAdvocateAsync(_tenant, "carl@example.com", "Carl")).Advocate.Id;
        var starts = new (Guid Advocate, int Hours)[]
        {
            (_anna, 0), (_anna, 5), (_anna, 30), (_anna, 31), (_bo, 4), (_bo, 50), (carl, 29), (carl, 29), (carl, 70),
        };
        // Saved in several saves, one of them holding two referrals of one advocate with the same start.
        await SaveAsync(starts.Take(3).Select(s => Start(s.Advocate, T.AddHours(s.Hours))).ToArray());
        await SaveAsync(starts.Skip(3).Take(4).Select(s => Start(s.Advocate, T.AddHours(s.Hours))).ToArray());
        await SaveAsync(starts.Skip(7).Select(s => Start(s.Advocate, T.AddHours(s.Hours))).ToArray());

        foreach (var (from, to) in new[] { (0, 1), (1, 6), (5, 30), (6, 30), (29, 30), (30, 51), (0, 100), (51, 70), (60, 71) })
        {
            var period = new AnalyticsPeriod(T.AddHours(from), T.AddHours(to));
            var (fast, distinct) = await _engine.RunAsync(async (db, _) => (
                await AnalyticsQueries.CohortAdvocateFirsts(db, _tenant.Id, period).CountAsync(),
                await AnalyticsQueries.CohortAdvocates(db, _tenant.Id, period).CountAsync()));
            var expected = starts.Where(s => s.Hours >= from && s.Hours < to).Select(s => s.Advocate).Distinct().Count();
            Assert.That((fast, distinct), Is.EqualTo((expected, expected)), $"hours {from} to {to}");
        }
    }

    private Referral Start(Guid advocate, DateTimeOffset at) =>
        new(_tenant.Id, advocate, ReferralSource.Link, new ChainPosition(null, advocate, 1), "EUR", at);

    private async Task<Referral> SaveAsync(params Referral[] referrals)
    {
        await _engine.RunAsync(async (db, _) =>
        {
            db.Referrals.AddRange(referrals);
            await db.SaveChangesAsync();
        });
        return referrals[0];
    }

    private Task<Dictionary<Guid, DateTimeOffset?>> PreviousStartsAsync() =>
        _engine.RunAsync((db, _) => db.Referrals.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.AdvocatePreviousStartedAt));
}
