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
/// A payout's first try pays, but the ledger never records it (the answer is lost after the store paid); a refund then
/// settles a claw-back on the still unpaid-looking reward, or voids it; the retry asks for less, and the issuer,
/// idempotent by key, returns the first try's payment, or it finds nothing left to pay and asks the issuer whether the
/// key was paid. Anna owes 4 (an uncollected claw-back of her first payout); her reward of 10 on
/// order 1002 pays that off, so its payout is 6. The ledger must record the 6 the store holds and take back, once, what
/// of it the refund no longer lets her keep.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class PayoutRepeatTests
{
    private const decimal FirstPayout = 10m;
    private const decimal Debt = 4m;
    private const decimal Reward = 10m;

    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Contact _advocate = null!;

    public PayoutRepeatTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync(configure: s => s.HoldDays = 30);
        (_advocate, var code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 100m, Now, code.Display));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        await ProcessOutboxAsync();
        _engine.Issuer.RefuseReversals = true;
        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(40m, "EUR"), Now));
        await ProcessOutboxAsync();
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1002", "cy@example.com", 100m, Now, code.Display));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        Assert.That(await MatureAsync(), Is.EqualTo(1), "arranged: the reward of 1002 is approved and pays off the debt of 4");
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    [Test]
    public async Task Issue_RecordsWhatTheStorePaidAndCollectsTheClawBackOnce_WhenARepeatOfTheKeyAskedForLess()
    {
        _engine.Issuer.RefuseReversals = false;
        var reversedBefore = _engine.Issuer.Reversed.Count;

        await FirstTryPaysUnrecordedThenRefundThenRetryAsync();

        // The retry asked for 6 - 2.50 = 3.50 and got the first try's 6: the claw-back of 2.50 was not subtracted from
        // what the store paid, so it is collected, once.
        Assert.That(_engine.Issuer.Reversed.Skip(reversedBefore).Select(r => r.Amount), Is.EqualTo(new[] { new Money(2.5m, "EUR") }));
        await AssertPaidRecordedAsync(LedgerEntryState.Issued);
        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.Zero);
        Assert.That(balance.Balances, Is.True, balance.ToString());
        await AssertRedeliveryChangesNothingAsync(balance);
    }

    [Test]
    public async Task Issue_RecordsWhatTheStorePaidAndLeavesTheClawBackAsDebt_WhenARepeatOfTheKeyAskedForLessAndTheClawBackIsRefused()
    {
        await FirstTryPaysUnrecordedThenRefundThenRetryAsync();

        await AssertPaidRecordedAsync(LedgerEntryState.Outstanding);
        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.EqualTo(2.5m), "the claw-back of 2.50 could not be collected");
        Assert.That(balance.Balances, Is.True, balance.ToString());
        await AssertRedeliveryChangesNothingAsync(balance);
    }

    [Test]
    public async Task Issue_RecordsWhatTheStorePaidAndClawsItAllBack_WhenAFullRefundVoidedTheRewardBeforeTheRetry()
    {
        _engine.Issuer.RefuseReversals = false;
        var reversedBefore = _engine.Issuer.Reversed.Count;

        await FirstTryPaysUnrecordedThenRetryAfterAsync(100m);

        // As if the refund came after the payout: the 6 paid is recorded, the repayment stands, all 10 is clawed back.
        Assert.That(_engine.Issuer.Reversed.Skip(reversedBefore).Select(r => r.Amount), Is.EqualTo(new[] { new Money(Reward, "EUR") }));
        await _engine.RunAsync(async (db, _) =>
        {
            var reward = await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.Reward);
            Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued), "the store paid it");
            Assert.That(reward.ExternalRef, Does.StartWith("pay-"));
            Assert.That((await db.Ledger.SingleAsync(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.ClawBack)).Amount, Is.EqualTo(-Reward));
            Assert.That(await db.Ledger.Where(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.DebtOffset).SumAsync(e => e.Amount), Is.EqualTo(-Debt),
                "the payment used the repayment: it stands");
        });
        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.Zero);
        Assert.That(balance.Balances, Is.True, balance.ToString());
        await AssertRedeliveryChangesNothingAsync(balance, "r1", 100m);
    }

    [Test]
    public async Task Issue_RecordsWhatTheStorePaidAndCollectsTheClawBack_WhenAPartialRefundLeftNothingToPayBeforeTheRetry()
    {
        // A refund of 75 settles a claw-back of 7.50: with the repayment of 4 nothing is left to pay, so the retry does
        // not ask the issuer to pay; it asks whether the key was paid.
        await FirstTryPaysUnrecordedThenRetryAfterAsync(75m);

        await _engine.RunAsync(async (db, _) =>
        {
            var reward = await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.Reward);
            Assert.That(reward.ExternalRef, Does.StartWith("pay-"), "the reward points at the payment, not at nothing-to-pay");
            var clawBack = await db.Ledger.SingleAsync(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.ClawBack);
            Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Outstanding), "collected after the payout (refused here), not settled on paper");
        });
        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.EqualTo(7.5m), "the claw-back of 7.50 could not be collected; the repayment stands");
        Assert.That(balance.Balances, Is.True, balance.ToString());
        await AssertRedeliveryChangesNothingAsync(balance, "r1", 75m);
    }

    private async Task FirstTryPaysUnrecordedThenRetryAfterAsync(decimal refunded)
    {
        _engine.Issuer.LoseNextAnswers(1);
        Assert.That(await ProcessOutboxAsync(), Is.EqualTo(new DrainResult(1, 0, 1, 0)), "arranged: the first try paid, but its answer was lost and it is retried");
        await _engine.RefundAsync(_tenant, new OrderRefunded("1002", "r1", new Money(refunded, "EUR"), Now));

        _engine.Clock.Advance(TimeSpan.FromHours(2));
        await ProcessOutboxAsync();
        await ProcessOutboxAsync();

        Assert.That(_engine.Issuer.Issued.Select(i => i.Amount.Amount), Is.EqualTo(new[] { FirstPayout, Reward - Debt }), "arranged: the retry asked nothing to be paid");
        Assert.That(_engine.Issuer.Payments.Select(i => i.Amount.Amount), Is.EqualTo(new[] { FirstPayout, Reward - Debt }));
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Outbox.CountAsync(m => m.ProcessedAt == null), Is.Zero, "nothing left to do"));
    }

    private async Task FirstTryPaysUnrecordedThenRefundThenRetryAsync()
    {
        _engine.Issuer.LoseNextAnswers(1);
        var first = await ProcessOutboxAsync();
        Assert.That(first, Is.EqualTo(new DrainResult(1, 0, 1, 0)), "arranged: the first try paid, but its answer was lost and it is retried");
        await _engine.RefundAsync(_tenant, new OrderRefunded("1002", "r1", new Money(25m, "EUR"), Now));
        await _engine.RunAsync(async (db, _) => Assert.That(
            (await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.ClawBack)).State, Is.EqualTo(LedgerEntryState.Settled),
            "arranged: the refund settled its claw-back of 2.50 on a reward the ledger thinks unpaid"));

        _engine.Clock.Advance(TimeSpan.FromHours(2));
        await ProcessOutboxAsync();
        await ProcessOutboxAsync();

        Assert.That(_engine.Issuer.Issued.Select(i => i.Amount.Amount), Is.EqualTo(new[] { FirstPayout, Reward - Debt, Reward - Debt - 2.5m }),
            "arranged: the retry asked for less");
        Assert.That(_engine.Issuer.Payments.Select(i => i.Amount.Amount), Is.EqualTo(new[] { FirstPayout, Reward - Debt }), "the store holds one payment of 6 for 1002");
    }

    private async Task AssertPaidRecordedAsync(LedgerEntryState clawBackState) => await _engine.RunAsync(async (db, _) =>
    {
        var reward = await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.Reward);
        Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued));
        Assert.That(reward.ExternalRef, Does.StartWith("pay-"));
        var settled = await db.Ledger.Where(e => e.RelatedEntryId == reward.Id && e.State == LedgerEntryState.Settled).Select(e => e.Amount).ToListAsync();
        Assert.That(reward.Amount + settled.Sum(), Is.EqualTo(Reward - Debt), "the ledger's payout is what the store paid: the reward less the repayment only");
        var clawBack = await db.Ledger.SingleAsync(e => e.RelatedEntryId == reward.Id && e.Type == LedgerEntryType.ClawBack);
        Assert.That(clawBack.Amount, Is.EqualTo(-2.5m));
        Assert.That(clawBack.State, Is.EqualTo(clawBackState), "collected after the payout, not settled on paper");
        Assert.That(await db.Outbox.CountAsync(m => m.ProcessedAt == null), Is.Zero, "nothing left to do");
    });

    private async Task AssertRedeliveryChangesNothingAsync(LedgerBalance balance, string refundId = "r1", decimal refunded = 25m)
    {
        await _engine.RefundAsync(_tenant, new OrderRefunded("1002", refundId, new Money(refunded, "EUR"), Now));
        await MatureAsync();
        await ProcessOutboxAsync();
        Assert.That(await BalanceAsync(), Is.EqualTo(balance), "redelivery changes nothing");
        Assert.That(_engine.Issuer.Payments, Has.Count.EqualTo(2));
    }

    private Task<LedgerBalance> BalanceAsync() => _engine.RunAsync(async (db, _) =>
        LedgerBalance.Of(await db.Ledger.Where(e => e.ContactId == _advocate.Id).ToListAsync(), _engine.Issuer.Payments));

    private Task<int> MatureAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<MatureRewardsJob>().RunAsync(CancellationToken.None));

    private Task<DrainResult> ProcessOutboxAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<OutboxProcessor>().RunAsync(cancellationToken: CancellationToken.None));
}
