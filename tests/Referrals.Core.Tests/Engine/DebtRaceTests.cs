using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// Two maturation passes (two instances) approving rewards of different orders of one advocate who owes a claw-back
/// that could not be collected. The orders' locks do not meet, so only a lock on the advocate's debt keeps both from
/// paying off the same debt. The interleaving is forced: the first pass is held right after it read the debt and
/// decided its offset (inside its transaction, nothing saved yet) while the second pass runs until it finishes or
/// waits for a lock.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class DebtRaceTests
{
    private const decimal Reward = 10m;

    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public DebtRaceTests(StorageProvider provider)
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

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    [Test]
    public async Task Mature_PaysTheDebtOffOnce_WhenTwoPassesApproveRewardsOfTwoOrdersOfTheSameAdvocateAtOnce()
    {
        // Anna was paid 10 for order 1001, which was then refunded in full; the credit was spent, so she owes 10.
        var address = new PostalAddress("Main Street 1", null, "Springfield", "12345", "US");
        var (advocate, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", extra: new CustomerInfo { Address = address });
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 100m, Now, code.Display));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        await ProcessOutboxAsync();
        _engine.Issuer.RefuseReversals = true;
        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(100m, "EUR"), Now));
        await ProcessOutboxAsync();

        // Two more referrals: 1002 is flagged for review (the friend shares Anna's address), 1003 is not.
        var flagged = PaidOrders.Paid("1002", "cy@example.com", 100m, Now, code.Display);
        Assert.That((await _engine.PayAsync(_tenant, flagged with { Customer = flagged.Customer with { Address = address } })).Status,
            Is.EqualTo(OrderStatus.UnderReview), "arranged: 1002 flagged");
        _engine.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await _engine.PayAsync(_tenant, PaidOrders.Paid("1003", "di@example.com", 100m, Now, code.Display))).Status,
            Is.EqualTo(OrderStatus.Converted), "arranged: 1003 converted");
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        var itemId = await _engine.RunAsync((db, _) => db.ReviewItems.Select(i => i.Id).SingleAsync());

        // The first pass skips 1002 (under review), reads Anna's debt for 1003 and decides its offset. Held there, before
        // it saves, an editor approves 1002 and a second instance's pass matures it: a different order, so its order
        // lock does not wait for the first pass.
        var other = Task.CompletedTask;
        await _engine.RunAsync(async (db, sp) =>
        {
            var held = false;
            db.ChangeTracker.Tracked += (_, e) =>
            {
                if (e.Entry.Entity is LedgerEntry { Type: LedgerEntryType.DebtOffset } && !held)
                {
                    held = true;
                    other = Task.Run(async () =>
                    {
                        await _engine.RunAsync((db2, sp2) => sp2.GetRequiredService<ReviewQueue>().DecideAsync(db2, _tenant.Id, itemId, true, "editor@acme", null, CancellationToken.None));
                        await _engine.RunAsync((db2, sp2) => sp2.GetRequiredService<RewardLedger>().MatureAsync(db2, 50, CancellationToken.None));
                    });
                    LockWaits.FinishedOrWaitingAsync(_engine, other).GetAwaiter().GetResult();
                }
            };
            await sp.GetRequiredService<RewardLedger>().MatureAsync(db, 50, CancellationToken.None);
            Assert.That(held, Is.True, "arranged: the first pass paid off the debt with 1003");
        });
        await other;
        await ProcessOutboxAsync();

        await _engine.RunAsync(async (db, _) =>
        {
            var rewards = await db.Ledger.Where(e => e.Type == LedgerEntryType.Reward && e.OrderId != "1001").ToListAsync();
            Assert.That(rewards.Select(r => r.State), Is.All.EqualTo(LedgerEntryState.Issued), "both approved and issued");
            var offsets = await db.Ledger.Where(e => e.Type == LedgerEntryType.DebtOffset).ToListAsync();
            Assert.That(offsets.Sum(o => o.Amount), Is.EqualTo(-Reward), "the debt of 10 is paid off once, not twice");
            Assert.That(_engine.Issuer.Issued.Select(i => i.Amount.Amount), Is.EquivalentTo(new[] { Reward, Reward }),
                "the first payout, and one of the two new rewards in full: the other one paid the debt");
            var balance = LedgerBalance.Of(await db.Ledger.Where(e => e.ContactId == advocate.Id).ToListAsync(), _engine.Issuer.Issued);
            Assert.That(balance.Debt, Is.Zero);
            Assert.That(balance.Balances, Is.True, balance.ToString());
        });
    }

    private Task<int> MatureAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<MatureRewardsJob>().RunAsync(CancellationToken.None));

    private Task<DrainResult> ProcessOutboxAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<OutboxProcessor>().RunAsync(cancellationToken: CancellationToken.None));
}
