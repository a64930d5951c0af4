using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
/// A payout and a refund of the same order handled at once by two drainers. The interleavings are forced, not hoped
/// for: the issuer double holds its call on a gate while the refund runs on another context, or the refund is held
/// right after it read the rewards (inside its transaction, holding the order) while the payout runs. The end state is
/// exact: a reward either was never paid (voided, the issuer not called) or was paid and exactly one claw-back takes
/// back the refunded share.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class PayoutRaceTests
{
    private const decimal Reward = 10m;

    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public PayoutRaceTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync(configure: s => s.HoldDays = 30);
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 100m, Now, code.Display));
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    [Test]
    public async Task Issue_ClawsThePayoutBack_WhenAFullRefundVoidedTheRewardWhileTheIssuerWasPaying()
    {
        await ApprovedAsync();
        var gate = HoldIssuer();
        var issue = Task.Run(ProcessOutboxAsync);
        await gate.Entered.Task;

        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(100m, "EUR"), Now));
        gate.Release.SetResult();
        await issue;
        await ProcessOutboxAsync();

        await AssertPaidAndClawedBackAsync(Reward);
    }

    [Test]
    public async Task Issue_ClawsThePayoutBack_WhenACancellationVoidedTheRewardWhileTheIssuerWasPaying()
    {
        await ApprovedAsync();
        var gate = HoldIssuer();
        var issue = Task.Run(ProcessOutboxAsync);
        await gate.Entered.Task;

        await _engine.CancelAsync(_tenant, new OrderCancelled("1001", "EUR", Now));
        gate.Release.SetResult();
        await issue;
        await ProcessOutboxAsync();

        await AssertPaidAndClawedBackAsync(Reward);
    }

    [Test]
    public async Task Issue_ClawsBackBothRefunds_WhenAPartialAndThenAFullRefundCameWhileTheIssuerWasPaying()
    {
        await ApprovedAsync();
        var gate = HoldIssuer();
        var issue = Task.Run(ProcessOutboxAsync);
        await gate.Entered.Task;

        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(25m, "EUR"), Now));
        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r2", new Money(75m, "EUR"), Now));
        gate.Release.SetResult();
        await issue;
        await ProcessOutboxAsync();

        Assert.That(_engine.Issuer.Issued.Single().Amount.Amount, Is.EqualTo(Reward), "paid once, in full");
        Assert.That(_engine.Issuer.Reversed.Select(r => r.Amount.Amount), Is.EquivalentTo(new[] { 2.5m, 7.5m }), "the whole payout taken back, once");
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That((await RewardAsync(db)).State, Is.EqualTo(LedgerEntryState.Issued));
            var clawBacks = await db.Ledger.Where(e => e.Type == LedgerEntryType.ClawBack).ToListAsync();
            Assert.That(clawBacks.Select(c => c.Amount), Is.EquivalentTo(new[] { -2.5m, -7.5m }));
            Assert.That(clawBacks.Select(c => c.State), Is.All.EqualTo(LedgerEntryState.Issued));
            Assert.That(await db.Outbox.CountAsync(m => m.ProcessedAt == null), Is.Zero);
        });
    }

    [Test]
    public async Task Refund_ClawsThePayoutBack_WhenThePayoutFinishedWhileTheRefundHeldTheOrder()
    {
        await ApprovedAsync();

        await RefundHeldAfterReadingTheRewardsAsync(new OrderRefunded("1001", "r1", new Money(100m, "EUR"), Now), ProcessOutboxAsync);
        await ProcessOutboxAsync();

        if (_provider == StorageProvider.PostgreSql)
        {
            // The payout ran while the refund was held: it was paid, and has to come back.
            await AssertPaidAndClawedBackAsync(Reward);
        }
        else
        {
            // SQLite let the payout start only after the refund committed (see LockWaits.FinishedOrWaitingAsync).
            await AssertNeverPaidAsync();
        }
    }

    [Test]
    public async Task Issue_CollectsThePartialClawBack_WhenAPartialRefundWasSettledWhileTheIssuerWasPaying()
    {
        await ApprovedAsync();
        var gate = HoldIssuer();
        var issue = Task.Run(ProcessOutboxAsync);
        await gate.Entered.Task;

        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(25m, "EUR"), Now));
        gate.Release.SetResult();
        await issue;
        await ProcessOutboxAsync();

        await AssertPaidAndClawedBackAsync(2.5m);
    }

    [Test]
    public async Task Issue_PaysTheNetAmount_WhenAPartialRefundCameBeforeThePayoutStarted()
    {
        await ApprovedAsync();
        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(25m, "EUR"), Now));

        await ProcessOutboxAsync();

        Assert.That(_engine.Issuer.Issued.Single().Amount.Amount, Is.EqualTo(7.5m));
        Assert.That(_engine.Issuer.Reversed, Is.Empty, "nothing was paid that must come back");
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That((await RewardAsync(db)).State, Is.EqualTo(LedgerEntryState.Issued));
            Assert.That((await db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.ClawBack)).State, Is.EqualTo(LedgerEntryState.Settled));
        });
    }

    [Test]
    public async Task Mature_LeavesTheRewardVoided_WhenARefundHeldTheOrderWhileItRan()
    {
        _engine.Clock.Advance(TimeSpan.FromDays(31));

        await RefundHeldAfterReadingTheRewardsAsync(new OrderRefunded("1001", "r1", new Money(100m, "EUR"), Now), async () =>
        {
            await MatureAsync();
            await ProcessOutboxAsync();
        });
        await MatureAsync();
        await ProcessOutboxAsync();

        await AssertNeverPaidAsync();
    }

    // The reward was voided and the issuer never asked to pay it.
    private async Task AssertNeverPaidAsync()
    {
        Assert.That(_engine.Issuer.Issued, Is.Empty, "a reward voided by the refund is never paid");
        Assert.That(_engine.Issuer.Reversed, Is.Empty);
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That((await RewardAsync(db)).State, Is.EqualTo(LedgerEntryState.Voided));
            Assert.That(await db.Ledger.CountAsync(e => e.Type != LedgerEntryType.Reward), Is.Zero);
            Assert.That(await db.Outbox.CountAsync(m => m.ProcessedAt == null), Is.Zero, "nothing left to do");
        });
    }

    // The advocate was paid once, and exactly one claw-back, collected through the issuer, took back the refunded share.
    private async Task AssertPaidAndClawedBackAsync(decimal refundedShare)
    {
        Assert.That(_engine.Issuer.Issued.Select(r => r.Amount), Is.EqualTo(new[] { new Money(Reward, "EUR") }), "paid once, in full");
        Assert.That(_engine.Issuer.Reversed.Select(r => r.Amount), Is.EqualTo(new[] { new Money(refundedShare, "EUR") }), "the refunded share taken back once");
        await _engine.RunAsync(async (db, _) =>
        {
            var reward = await RewardAsync(db);
            Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued), "the ledger says what happened: it was paid");
            Assert.That(reward.ExternalRef, Does.StartWith("pay-"));
            var clawBack = await db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.ClawBack);
            Assert.That(clawBack.RelatedEntryId, Is.EqualTo(reward.Id));
            Assert.That(clawBack.Amount, Is.EqualTo(-refundedShare));
            Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Issued), "collected, not settled on paper");
            Assert.That(await db.Ledger.CountAsync(e => e.Type == LedgerEntryType.DebtOffset), Is.Zero);
            Assert.That(await db.Outbox.CountAsync(m => m.ProcessedAt == null), Is.Zero, "nothing left to do");
        });
    }

    /// <summary>
    /// Runs the refund and holds it right after it read the order's rewards (its transaction open, the order held), runs
    /// <paramref name="meanwhile"/> until it finishes or waits behind the refund, then lets the refund finish.
    /// </summary>
    private async Task RefundHeldAfterReadingTheRewardsAsync(OrderRefunded refund, Func<Task> meanwhile)
    {
        var other = Task.CompletedTask;
        await _engine.RunAsync(async (db, sp) =>
        {
            var held = false;
            db.ChangeTracker.Tracked += (_, e) =>
            {
                if (e.Entry.Entity is LedgerEntry && !held)
                {
                    held = true;
                    other = Task.Run(meanwhile);
                    LockWaits.FinishedOrWaitingAsync(_engine, other).GetAwaiter().GetResult();
                }
            };
            await sp.GetRequiredService<OrderEventProcessor>().ProcessRefundAsync(db, db.Tenants.Find(_tenant.Id)!, refund, CancellationToken.None);
            Assert.That(held, Is.True, "arranged: the refund read the rewards");
        });
        await other;
    }

    private async Task ApprovedAsync()
    {
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        Assert.That(await MatureAsync(), Is.EqualTo(1), "arranged: the reward is approved and its payout queued");
    }

    private IssuerGate HoldIssuer() => IssuerGate.Hold(_engine.Issuer);

    private static Task<LedgerEntry> RewardAsync(ReferralsDbContext db) => db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.Reward);

    private Task<int> MatureAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<MatureRewardsJob>().RunAsync(CancellationToken.None));

    private Task<DrainResult> ProcessOutboxAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<OutboxProcessor>().RunAsync(cancellationToken: CancellationToken.None));
}
