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
/// A payout whose handling outlives its claim lease, while a refund voids the reward. Anna owes 4 (an uncollected
/// claw-back of her first payout); her reward of 10 on order 1002 pays that off and its payout of 6 goes to the issuer,
/// which holds the call on a gate. Meanwhile the injected clock runs the lease out, a full refund voids the reward, and a
/// second worker claims the row, finds the reward voided and completes it without paying. Then the issuer answers
/// "paid". The payment is a fact about the store: the ledger must record it and take it back exactly once.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class PayoutLeaseTests
{
    private const int LeaseSeconds = 10;
    private const decimal FirstPayout = 10m;
    private const decimal Debt = 4m;
    private const decimal Reward = 10m;

    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Contact _advocate = null!;
    private string _code = null!;

    public PayoutLeaseTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider, options => options.Jobs.LeaseSeconds = LeaseSeconds);
        _tenant = await _engine.CreateTenantAsync(configure: s => s.HoldDays = 30);
        (_advocate, var code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        _code = code.Display;
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 100m, Now, code.Display));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        await ProcessOutboxAsync();
        _engine.Issuer.RefuseReversals = true;
        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(40m, "EUR"), Now));
        await ProcessOutboxAsync();
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1002", "cy@example.com", 100m, Now, code.Display));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        Assert.That(await MatureAsync(), Is.EqualTo(1), "arranged: the reward of 1002 is approved, pays off the debt of 4, and its payout is queued");
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    [Test]
    public async Task Issue_RecordsThePaymentAndClawsItBackAsDebt_WhenASecondWorkerCompletedTheVoidedRowWhileTheFirstWasPaying()
    {
        await RaceAsync();

        // As if the refund came after the payout (PayoutRaceTests, DebtRepaymentTests): 6 paid, the repayment of 4
        // stands, and all 10 is clawed back; it cannot be collected, so it is debt: 4 - 4 + 10.
        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.EqualTo(Reward), "the debt afterwards");
        Assert.That(balance.Balances, Is.True, balance.ToString());
        await AssertRecordedAndClawedBackOnceAsync(LedgerEntryState.Outstanding);
    }

    [Test]
    public async Task Issue_RecordsThePaymentAndCollectsItBack_WhenASecondWorkerCompletedTheVoidedRowWhileTheFirstWasPaying()
    {
        _engine.Issuer.RefuseReversals = false;
        var reversedBefore = _engine.Issuer.Reversed.Count;

        await RaceAsync();

        Assert.That(_engine.Issuer.Reversed.Skip(reversedBefore).Select(r => r.Amount), Is.EqualTo(new[] { new Money(Reward, "EUR") }), "the whole reward collected once");
        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.Zero, "the payout paid the debt off and the claw-back took the reward back");
        Assert.That(balance.Balances, Is.True, balance.ToString());
        await AssertRecordedAndClawedBackOnceAsync(LedgerEntryState.Issued);
    }

    [Test]
    public async Task Issue_TakesTheDebtOnce_WhenAnotherRewardPaidOffTheReturnedRepaymentBeforeThePaymentWasRecorded()
    {
        _engine.Issuer.RefuseReversals = false;
        var reversedBefore = _engine.Issuer.Reversed.Count;
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1003", "di@example.com", 100m, Now, _code));

        // Between the second worker's return of the repayment and the first worker's record, Anna's reward of 1003
        // matures and pays off the returned debt of 4 again.
        await RaceAsync(async () =>
        {
            _engine.Clock.Advance(TimeSpan.FromDays(31));
            Assert.That(await MatureAsync(), Is.EqualTo(1), "arranged: the reward of 1003 is approved");
        });

        // Paid: 10 (1001), 6 (1002, voided), 6 (1003, after an offset of 4). Anna is owed the rewards of 1001 less its
        // refund (6) and of 1003 (10), and her debt of 4 was paid off once, by 1003: she must keep 16 and owe nothing,
        // so the 6 paid for 1002 is all that comes back. Clawing back all 10 would take the debt a second time.
        Assert.That(_engine.Issuer.Issued.Select(i => i.Amount.Amount), Is.EqualTo(new[] { FirstPayout, Reward - Debt, Reward - Debt }));
        Assert.That(_engine.Issuer.DistinctPayouts, Is.EqualTo(3));
        Assert.That(_engine.Issuer.Reversed.Skip(reversedBefore).Select(r => r.Amount.Amount), Is.EqualTo(new[] { Reward - Debt }), "what 1002 paid, collected once");
        var balance = await BalanceAsync();
        Assert.That(balance.PaidOut - balance.Collected, Is.EqualTo(16m), "what Anna keeps");
        Assert.That(balance.Debt, Is.Zero, "the debt was paid off once");
        await _engine.RunAsync(async (db, _) =>
        {
            var reward = await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.Reward);
            Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued));
            Assert.That((await db.Ledger.SingleAsync(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.ClawBack)).Amount, Is.EqualTo(-(Reward - Debt)));
            Assert.That(await db.Outbox.CountAsync(m => m.ProcessedAt == null), Is.Zero, "nothing left to do");
        });
    }

    [Test]
    public async Task Issue_RecordsThePaymentAndCollectsTheLateClawBack_WhenASecondWorkerFoundNothingLeftToPayWhileTheFirstWasPaying()
    {
        // A refund of 75 settles a claw-back of 7.50 on the unpaid reward: with the offset of 4, nothing is left to pay
        // for the second worker, which closes the reward and returns the 1.50 of repayment it no longer covers.
        await RaceAsync(refunded: 75m, foundBySecondWorker: LedgerEntryState.Issued);

        // As when the partial refund comes while the payout is on its way (DebtRepaymentTests): 6 paid, the repayment
        // stands, and the claw-back of 7.50 is collected after the payout; refused here, so it is debt.
        Assert.That(_engine.Issuer.Issued.Select(i => i.Amount.Amount), Is.EqualTo(new[] { FirstPayout, Reward - Debt }));
        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.EqualTo(7.5m), "the claw-back of 7.50 could not be collected");
        Assert.That(balance.Balances, Is.True, balance.ToString());
        await _engine.RunAsync(async (db, _) =>
        {
            var reward = await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.Reward);
            Assert.That(reward.ExternalRef, Does.StartWith("pay-"), "the reward points at the payment");
            var clawBack = await db.Ledger.SingleAsync(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.ClawBack);
            Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Outstanding), "collected after the payout, not settled on paper");
            Assert.That(await db.Outbox.CountAsync(m => m.ProcessedAt == null), Is.Zero, "nothing left to do");
        });
    }

    // Worker 1's issuer call is held; the lease runs out; the refund voids the reward; worker 2 handles the row; then
    // (after <paramref name="meanwhile"/>) worker 1's call returns "paid", and the outbox runs once more for what that
    // left to do.
    private async Task RaceAsync(Func<Task>? meanwhile = null, decimal refunded = 100m, LedgerEntryState foundBySecondWorker = LedgerEntryState.Voided)
    {
        var gate = HoldIssuer();
        // One batch: the payout row alone, so its result says whether this worker completed that row.
        var firstWorker = Task.Run(() => ProcessOutboxAsync(maxBatches: 1));
        await gate.Entered.Task;

        _engine.Clock.Advance(TimeSpan.FromSeconds(LeaseSeconds + 1));
        await _engine.RefundAsync(_tenant, new OrderRefunded("1002", "r1", new Money(refunded, "EUR"), Now));
        var secondWorker = await ProcessOutboxAsync();
        Assert.That(secondWorker.Succeeded, Is.EqualTo(1), "arranged: the second worker claimed the payout row and completed it");
        Assert.That(_engine.Issuer.Issued.Select(i => i.Amount.Amount), Is.EqualTo(new[] { FirstPayout }), "arranged: the second worker did not pay");
        await _engine.RunAsync(async (db, _) =>
            Assert.That((await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.Reward)).State, Is.EqualTo(foundBySecondWorker),
                "arranged: the second worker found the reward voided, or closed it with nothing left to pay"));
        if (meanwhile is not null)
        {
            await meanwhile();
        }

        gate.Release.SetResult();
        var first = await firstWorker;
        Assert.That(first, Is.EqualTo(new DrainResult(1, 0, 0, 0)), "the first worker lost its claim: it does not complete the row");
        await ProcessOutboxAsync();
    }

    private async Task AssertRecordedAndClawedBackOnceAsync(LedgerEntryState clawBackState)
    {
        Assert.That(_engine.Issuer.Issued.Select(i => i.Amount.Amount), Is.EqualTo(new[] { FirstPayout, Reward - Debt }), "the issuer was called once for 1002");
        Assert.That(_engine.Issuer.DistinctPayouts, Is.EqualTo(2), "the store holds one payment for 1002");
        await _engine.RunAsync(async (db, _) =>
        {
            var reward = await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.Reward);
            Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued), "the ledger says what happened in the store: it was paid");
            Assert.That(reward.ExternalRef, Does.StartWith("pay-"));
            var clawBack = await db.Ledger.SingleAsync(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.ClawBack);
            Assert.That(clawBack.Amount, Is.EqualTo(-Reward), "one claw-back of the whole reward");
            Assert.That(clawBack.State, Is.EqualTo(clawBackState));
            var offsets = await db.Ledger.Where(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.DebtOffset).Select(e => e.Amount).ToListAsync();
            Assert.That(offsets.Sum(), Is.EqualTo(-Debt), "the payout used the repayment: it stands");
            Assert.That(await db.Outbox.CountAsync(m => m.ProcessedAt == null), Is.Zero, "nothing left to do");
        });

        // Redelivered, and the jobs run again: nothing changes.
        var balance = await BalanceAsync();
        await _engine.RefundAsync(_tenant, new OrderRefunded("1002", "r1", new Money(100m, "EUR"), Now));
        await MatureAsync();
        await ProcessOutboxAsync();
        Assert.That(await BalanceAsync(), Is.EqualTo(balance), "redelivery changes nothing");
    }

    private Task<LedgerBalance> BalanceAsync() => _engine.RunAsync(async (db, _) =>
        LedgerBalance.Of(await db.Ledger.Where(e => e.ContactId == _advocate.Id).ToListAsync(), _engine.Issuer.Issued));

    private IssuerGate HoldIssuer() => IssuerGate.Hold(_engine.Issuer);

    private Task<int> MatureAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<MatureRewardsJob>().RunAsync(CancellationToken.None));

    private Task<DrainResult> ProcessOutboxAsync(int maxBatches = 50) =>
        _engine.RunAsync((_, sp) => sp.GetRequiredService<OutboxProcessor>().RunAsync(maxBatches, CancellationToken.None));
}
