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
/// A payout that stopped for a person (the issuer refused it, or the shop was uninstalled, so its message is
/// dead-lettered) leaves its reward approved with its debt repayment counted. Anna owes 4; her reward of 10 on order 1002
/// pays that off, and its payout of 6 stops. When 1002 is then refunded or cancelled, the repayment the reward no longer
/// covers goes back to the debt at once, and exactly once: requeuing the payout later returns nothing more.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class StoppedPayoutRepaymentTests
{
    private const decimal Debt = 4m;
    private const string Refused = "The customer has no store-credit account.";

    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Contact _advocate = null!;

    public StoppedPayoutRepaymentTests(StorageProvider provider)
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
        Assert.That((await BalanceAsync()).Debt, Is.Zero, "arranged: the debt is paid off");
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    // What happens to 1002 after its payout stopped ("r1:75" is refund r1 of 75.00 of 100.00), the debt right after,
    // and the state of its reward once the payout is requeued and handled (the issuer accepting it then).
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("full refund", ["r1:100"], 4m, LedgerEntryState.Voided);
        yield return Case("full refund, delivered twice", ["r1:100", "r1:100"], 4m, LedgerEntryState.Voided);
        yield return Case("cancellation", ["cancel"], 4m, LedgerEntryState.Voided);
        yield return Case("partial refund leaving less than the repayment", ["r1:75"], 1.5m, LedgerEntryState.Issued);
        yield return Case("two partial refunds adding up to the whole order", ["r1:75", "r2:25"], 4m, LedgerEntryState.Voided);
        yield return Case("two partial refunds, each leaving less than the repayment", ["r1:70", "r2:10"], 2m, LedgerEntryState.Issued);
    }

    private static TestCaseData Case(string name, string[] events, decimal debt, LedgerEntryState state) =>
        new TestCaseData(events, debt, state).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Cases))]
    public async Task Refund_ReturnsTheRepaymentAtOnceAndOnce_WhenTheIssuerRefusedThePayout(string[] events, decimal expectedDebt, LedgerEntryState stateAfterRequeue)
    {
        _engine.Issuer.RefusePayouts = Refused;
        Assert.That((await ProcessOutboxAsync()).DeadLettered, Is.EqualTo(1), "arranged: the payout is refused and dead-lettered");

        await ApplyAsync(events);

        Assert.That((await BalanceAsync()).Debt, Is.EqualTo(expectedDebt), "the debt right after, before anyone requeues the payout");
        await RequeueAndAssertNothingMoreReturnedAsync(expectedDebt, stateAfterRequeue);
    }

    [Test]
    public async Task Refund_ReturnsTheRepaymentAtOnce_WhenThePayoutWasDeadLetteredBecauseTheShopWasUninstalled()
    {
        await SetTenantAsync(t => t.MarkUninstalled(Now));
        Assert.That((await ProcessOutboxAsync()).DeadLettered, Is.EqualTo(1), "arranged: an uninstalled shop's payout is dead-lettered");
        await SetTenantAsync(t => t.MarkReinstalled());

        await ApplyAsync(["r1:100"]);

        Assert.That((await BalanceAsync()).Debt, Is.EqualTo(Debt));
        await RequeueAndAssertNothingMoreReturnedAsync(Debt, LedgerEntryState.Voided);
    }

    [Test]
    public async Task Issue_ReturnsTheRepaymentWhenTheIssuerRefuses_WhenAFullRefundVoidedTheRewardWhileItsPayoutWasOnItsWay()
    {
        _engine.Issuer.RefusePayouts = Refused;
        var gate = IssuerGate.Hold(_engine.Issuer);
        var issue = Task.Run(ProcessOutboxAsync);
        await gate.Entered.Task;

        await ApplyAsync(["r1:100"]);
        gate.Release.SetResult();
        Assert.That((await issue).DeadLettered, Is.EqualTo(1), "arranged: the payout is refused and dead-lettered");

        Assert.That((await BalanceAsync()).Debt, Is.EqualTo(Debt), "returned when the refusal was recorded, not when someone requeues");
        _engine.Issuer.OnIssue = null;
        await RequeueAndAssertNothingMoreReturnedAsync(Debt, LedgerEntryState.Voided);
    }

    [Test]
    public async Task Refund_LeavesTheRepayment_WhenThePayoutIsOnlyRetrying()
    {
        // A transient failure is not a stop: the payout runs again and returns what the reward no longer covers itself.
        _engine.Issuer.FailNext(1);
        Assert.That((await ProcessOutboxAsync()).Retrying, Is.EqualTo(1), "arranged: the payout is to be retried");

        await ApplyAsync(["r1:100"]);
        Assert.That((await BalanceAsync()).Debt, Is.Zero, "not returned at the refund: the payout still runs");
        _engine.Clock.Advance(TimeSpan.FromHours(2));
        await ProcessOutboxAsync();

        var balance = await BalanceAsync();
        Assert.That(balance.Debt, Is.EqualTo(Debt), "returned by the payout, which found the reward voided");
        Assert.That(balance.Balances, Is.True, balance.ToString());
        Assert.That(await ReturnsAsync(), Has.Count.EqualTo(1));
    }

    private async Task RequeueAndAssertNothingMoreReturnedAsync(decimal expectedDebt, LedgerEntryState expectedState)
    {
        var balance = await BalanceAsync();
        Assert.That(balance.Balances, Is.True, balance.ToString());
        var returns = await ReturnsAsync();
        Assert.That(returns.Sum(), Is.EqualTo(expectedDebt), "what went back to the debt, which was paid off before");

        _engine.Issuer.RefusePayouts = null;
        var id = await _engine.RunAsync((db, _) => db.Outbox.Where(m => m.Kind == RewardLedger.IssueKind && m.DeadLetteredAt != null).Select(m => m.Id).SingleAsync());
        Assert.That(await _engine.Services.GetRequiredService<MessageQueue<OutboxMessage>>().RequeueDeadLetterAsync(id), Is.True);
        await ProcessOutboxAsync();

        Assert.That(_engine.Issuer.Payments.Select(p => p.Amount.Amount), Is.EqualTo(new[] { 10m }), "nothing was left to pay for 1002");
        var after = await BalanceAsync();
        Assert.That(after.Debt, Is.EqualTo(expectedDebt), "the requeued payout returned nothing more");
        Assert.That(after.Balances, Is.True, after.ToString());
        Assert.That(await ReturnsAsync(), Is.EqualTo(returns), "no second return");
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That((await db.Ledger.SingleAsync(e => e.OrderId == "1002" && e.Type == LedgerEntryType.Reward)).State, Is.EqualTo(expectedState));
            Assert.That(await db.Outbox.CountAsync(m => m.ProcessedAt == null), Is.Zero, "nothing left to do");
        });
    }

    private Task<List<decimal>> ReturnsAsync() => _engine.RunAsync((db, _) =>
        db.Ledger.Where(e => e.OrderId == "1002" && e.Type == LedgerEntryType.DebtOffset && e.Amount > 0).OrderBy(e => e.CreatedAt).Select(e => e.Amount).ToListAsync());

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

    private Task SetTenantAsync(Action<Tenant> change) => _engine.RunAsync(async (db, _) =>
    {
        change(await db.Tenants.SingleAsync(t => t.Id == _tenant.Id));
        await db.SaveChangesAsync();
    });

    private Task<LedgerBalance> BalanceAsync() => _engine.RunAsync(async (db, _) =>
        LedgerBalance.Of(await db.Ledger.Where(e => e.ContactId == _advocate.Id).ToListAsync(), _engine.Issuer.Payments));

    private Task<int> MatureAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<MatureRewardsJob>().RunAsync(CancellationToken.None));

    private Task<DrainResult> ProcessOutboxAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<OutboxProcessor>().RunAsync(cancellationToken: CancellationToken.None));
}
