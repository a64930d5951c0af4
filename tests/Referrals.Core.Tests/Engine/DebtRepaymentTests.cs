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
/// A reward that paid off debt is then refunded or cancelled. Anna owes 4 (a claw-back of her first payout that could
/// not be collected); her next reward of 10 (order 1002) pays that off when it is approved. Whatever then happens to
/// 1002 (refunds in full or in part, twice, out of order, before or after the approval, a cancellation, or while
/// its payout is on its way), the repayment goes back to the debt exactly as far as the reward no longer covers it,
/// and the ledger balances: paid out less collected equals what the rewards are still worth plus the debt.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class DebtRepaymentTests
{
    private const decimal FirstPayout = 10m;
    private const decimal Debt = 4m;

    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Contact _advocate = null!;
    private string _code = null!;

    public DebtRepaymentTests(StorageProvider provider)
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
        _code = code.Display;
        Assert.That((await BalanceAsync()).Debt, Is.EqualTo(Debt), "arranged: Anna owes 4");
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    // Events on order 1002 before and after its reward is approved (paying off the debt), then the payout is handled.
    // "r1:25" is refund r1 of 25.00 (of 100.00); "cancel" cancels the order. Expected: what the issuer pays for 1002
    // (0: nothing), the debt afterwards, and the state of the reward of 1002.
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("full refund after approval", [], ["r1:100"], 0m, 4m, LedgerEntryState.Voided);
        yield return Case("full refund after approval, delivered twice", [], ["r1:100", "r1:100"], 0m, 4m, LedgerEntryState.Voided);
        yield return Case("cancellation after approval", [], ["cancel"], 0m, 4m, LedgerEntryState.Voided);
        yield return Case("partial refund the rest of the reward still covers", [], ["r1:25"], 3.5m, 0m, LedgerEntryState.Issued);
        yield return Case("partial refund leaving the reward worth a little more than the debt", [], ["r1:50"], 1m, 0m, LedgerEntryState.Issued);
        yield return Case("partial refund leaving less than the repayment", [], ["r1:75"], 0m, 1.5m, LedgerEntryState.Issued);
        yield return Case("partial refund leaving less than the repayment, delivered twice", [], ["r1:75", "r1:75"], 0m, 1.5m, LedgerEntryState.Issued);
        yield return Case("two partial refunds adding up to the whole order", [], ["r1:75", "r2:25"], 0m, 4m, LedgerEntryState.Voided);
        yield return Case("two partial refunds out of order, one delivered twice", [], ["r2:25", "r1:75", "r2:25"], 0m, 4m, LedgerEntryState.Voided);
        yield return Case("partial refund before approval, the rest after", ["r1:25"], ["r2:75"], 0m, 4m, LedgerEntryState.Voided);
        yield return Case("partial refunds before and after approval", ["r1:25"], ["r2:50"], 0m, 1.5m, LedgerEntryState.Issued);
        yield return Case("partial refund before approval", ["r1:75"], [], 0m, 1.5m, LedgerEntryState.Issued);
        yield return Case("full refund before approval", ["r1:100"], [], 0m, 4m, LedgerEntryState.Voided);
    }

    private static TestCaseData Case(string name, string[] beforeApproval, string[] afterApproval, decimal payout, decimal debt, LedgerEntryState state) =>
        new TestCaseData(beforeApproval, afterApproval, payout, debt, state).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Cases))]
    public async Task Repayment_GoesBackToTheDebtAsFarAsTheRewardNoLongerCoversIt_WhenTheOrderIsRefundedOrCancelled(
        string[] beforeApproval, string[] afterApproval, decimal expectedPayout, decimal expectedDebt, LedgerEntryState expectedState)
    {
        await ApplyAsync(beforeApproval);
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        await ApplyAsync(afterApproval);
        await ProcessOutboxAsync();
        await ProcessOutboxAsync();

        var payouts = _engine.Issuer.Issued.Select(i => i.Amount.Amount).ToList();
        Assert.That(payouts, Is.EqualTo(expectedPayout > 0 ? new[] { FirstPayout, expectedPayout } : new[] { FirstPayout }), "what the issuer paid");
        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.EqualTo(expectedDebt), "the debt afterwards");
        Assert.That(balance.Balances, Is.True, balance.ToString());
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That((await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.Reward)).State, Is.EqualTo(expectedState));
            Assert.That(await db.Outbox.CountAsync(m => m.ProcessedAt == null), Is.Zero, "nothing left to do");
        });

        // Everything delivered once more, and the jobs run again, change nothing.
        await ApplyAsync([.. beforeApproval, .. afterApproval]);
        await MatureAsync();
        await ProcessOutboxAsync();
        Assert.That(await BalanceAsync(), Is.EqualTo(balance), "redelivery changes nothing");
    }

    [Test]
    public async Task Issue_KeepsTheRepaymentAndClawsTheRewardBack_WhenAFullRefundVoidedItWhileTheIssuerWasPaying()
    {
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        var gate = HoldIssuer();
        var issue = Task.Run(ProcessOutboxAsync);
        await gate.Entered.Task;

        await _engine.RefundAsync(_tenant, new OrderRefunded("1002", "r1", new Money(100m, "EUR"), Now));
        gate.Release.SetResult();
        await issue;
        await ProcessOutboxAsync();

        // 6 was paid and 4 of debt paid off: as if the refund came after the payout, all 10 is clawed back (here it
        // cannot be collected, so it is debt), and the repayment stands.
        Assert.That(_engine.Issuer.Issued.Select(i => i.Amount.Amount), Is.EqualTo(new[] { FirstPayout, 6m }));
        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.EqualTo(10m));
        Assert.That(balance.Balances, Is.True, balance.ToString());
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That((await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.Reward)).State, Is.EqualTo(LedgerEntryState.Issued));
            Assert.That(await db.Ledger.Where(e => e.Type == LedgerEntryType.DebtOffset).SumAsync(e => e.Amount), Is.EqualTo(-Debt), "the repayment was used by the payout: it stands");
        });
    }

    [Test]
    public async Task Issue_CollectsTheLateClawBack_WhenAPartialRefundCameWhileTheIssuerWasPaying()
    {
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        var gate = HoldIssuer();
        var issue = Task.Run(ProcessOutboxAsync);
        await gate.Entered.Task;

        await _engine.RefundAsync(_tenant, new OrderRefunded("1002", "r1", new Money(75m, "EUR"), Now));
        gate.Release.SetResult();
        await issue;
        await ProcessOutboxAsync();

        Assert.That(_engine.Issuer.Issued.Select(i => i.Amount.Amount), Is.EqualTo(new[] { FirstPayout, 6m }));
        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.EqualTo(7.5m), "the claw-back of 7.50 could not be collected");
        Assert.That(balance.Balances, Is.True, balance.ToString());
    }

    [Test]
    public async Task Mature_LeavesTheDebtForLaterRewards_WhenTheRewardIsInAnotherCurrency()
    {
        await _engine.RefundAsync(_tenant, new OrderRefunded("1002", "r1", new Money(100m, "EUR"), Now));
        var order = PaidOrders.Paid("1003", "di@example.com", 100m, Now, _code);
        await _engine.PayAsync(_tenant, order with { Total = new Money(100m, "USD") });
        _engine.Clock.Advance(TimeSpan.FromDays(31));

        await MatureAsync();
        await ProcessOutboxAsync();

        await _engine.RunAsync(async (db, _) =>
        {
            var reward = await db.Ledger.SingleAsync(e => e.OrderId == "1003" && e.Type == LedgerEntryType.Reward);
            Assert.That(reward.Currency, Is.EqualTo("USD"), "arranged: a reward in dollars");
            Assert.That(_engine.Issuer.Issued.Last().Amount, Is.EqualTo(reward.Money), "paid in full: a debt in euros is not paid off in dollars");
            Assert.That(await db.Ledger.CountAsync(e => e.Type == LedgerEntryType.DebtOffset), Is.Zero);
        });
        Assert.That((await BalanceAsync()).Debt, Is.EqualTo(Debt), "still owed in euros");
    }

    private async Task ApplyAsync(IEnumerable<string> events)
    {
        foreach (var e in events)
        {
            if (e == "cancel")
            {
                await _engine.CancelAsync(_tenant, new OrderCancelled("1002", "EUR", Now));
                continue;
            }

            var parts = e.Split(':');
            await _engine.RefundAsync(_tenant, new OrderRefunded("1002", parts[0], new Money(decimal.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), "EUR"), Now));
        }
    }

    private Task<LedgerBalance> BalanceAsync() => _engine.RunAsync(async (db, _) =>
        LedgerBalance.Of(await db.Ledger.Where(e => e.ContactId == _advocate.Id).ToListAsync(), _engine.Issuer.Issued));

    private IssuerGate HoldIssuer() => IssuerGate.Hold(_engine.Issuer);

    private Task<int> MatureAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<MatureRewardsJob>().RunAsync(CancellationToken.None));

    private Task<DrainResult> ProcessOutboxAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<OutboxProcessor>().RunAsync(cancellationToken: CancellationToken.None));
}
