using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// Two instances maturing the same rewards: one pass reads its batch, then another instance approves and pays one of
/// those rewards before the first pass reaches it. The other instance's work runs when the first pass starts looking
/// at its batch (the first tenant it tracks), so the interleaving is the same on every run.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class MaturationRaceTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public MaturationRaceTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync(configure: s => s.HoldDays = 30);
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    [Test]
    public async Task Mature_LeavesARewardAlone_WhenAnotherInstancePaidItAfterThisPassReadIt()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, _engine.Clock.GetUtcNow(), code.Display));
        _engine.Clock.Advance(TimeSpan.FromMinutes(1));
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1002", "cy@example.com", 90m, _engine.Clock.GetUtcNow(), code.Display));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        var second = await _engine.RunAsync((db, _) => db.Ledger.Where(e => e.OrderId == "1002").Select(e => e.Id).SingleAsync());

        var approved = await _engine.RunAsync(async (db, sp) =>
        {
            var otherInstanceDone = false;
            db.ChangeTracker.Tracked += (_, e) =>
            {
                if (e.Entry.Entity is Tenant && !otherInstanceDone)
                {
                    otherInstanceDone = true;
                    PayElsewhereAsync(second).GetAwaiter().GetResult();
                }
            };
            return await sp.GetRequiredService<RewardLedger>().MatureAsync(db, 50, CancellationToken.None);
        });

        Assert.That(approved, Is.EqualTo(1), "only the reward nobody else approved");
        await _engine.RunAsync(async (db, _) =>
        {
            var paidElsewhere = await db.Ledger.SingleAsync(e => e.Id == second);
            Assert.That(paidElsewhere.State, Is.EqualTo(LedgerEntryState.Issued), "a stale copy must not put a paid reward back to Approved");
            Assert.That(paidElsewhere.ExternalRef, Is.EqualTo("pay-elsewhere"));
            Assert.That(await db.Outbox.CountAsync(), Is.EqualTo(1), "one payout queued, for the first order");
        });
    }

    // What another instance does meanwhile: matures the reward and pays it (its payout already carried out).
    private Task PayElsewhereAsync(Guid rewardId) => _engine.RunAsync(async (db, _) =>
    {
        var reward = await db.Ledger.SingleAsync(e => e.Id == rewardId);
        reward.Approve(_engine.Clock.GetUtcNow());
        reward.MarkIssued("pay-elsewhere", _engine.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    });
}
