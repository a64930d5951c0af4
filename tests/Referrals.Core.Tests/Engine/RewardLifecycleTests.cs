using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Review;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>From pending to issued: hold, review, payout through the issuer, claw-back after payout, debt offset.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class RewardLifecycleTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public RewardLifecycleTests(StorageProvider provider)
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
    public async Task Maturation_WaitsForTheHold_ThenIssuesOnceThroughTheIssuer()
    {
        var (advocate, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display));

        _engine.Clock.Advance(TimeSpan.FromDays(29));
        Assert.That(await MatureAsync(), Is.Zero, "still inside the hold");

        _engine.Clock.Advance(TimeSpan.FromDays(1));
        Assert.That(await MatureAsync(), Is.EqualTo(1));
        Assert.That(await MatureAsync(), Is.Zero, "approving is done once");
        var first = await ProcessOutboxAsync();
        var second = await ProcessOutboxAsync();

        Assert.That(first.Succeeded, Is.EqualTo(1));
        Assert.That(second.Claimed, Is.Zero);
        Assert.That(_engine.Issuer.Issued.Single().Amount, Is.EqualTo(new Money(10m, "EUR")));
        Assert.That(_engine.Issuer.Issued.Single().ContactId, Is.EqualTo(advocate.Id));
        await _engine.RunAsync(async (db, _) =>
        {
            var reward = await db.Ledger.SingleAsync();
            Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued));
            Assert.That(reward.ExternalRef, Does.StartWith("pay-"));
            Assert.That((await db.Referrals.SingleAsync()).State, Is.EqualTo(ReferralState.Rewarded));
        });
    }

    [Test]
    public async Task Maturation_PaysTheNetAmount_WhenPartOfTheOrderWasRefundedDuringTheHold()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 100m, Now, code.Display));
        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(40m, "EUR"), Now));

        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        await ProcessOutboxAsync();

        Assert.That(_engine.Issuer.Issued.Single().Amount.Amount, Is.EqualTo(6m));
    }

    [Test]
    public async Task Outbox_RetriesTheIssuer_AndPaysOnce_WhenItFailsTransiently()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        _engine.Issuer.FailNext(2);

        var firstTry = await ProcessOutboxAsync();
        _engine.Clock.Advance(TimeSpan.FromMinutes(5));
        await ProcessOutboxAsync();
        _engine.Clock.Advance(TimeSpan.FromMinutes(5));
        await ProcessOutboxAsync();

        Assert.That(firstTry.Retrying, Is.EqualTo(1));
        Assert.That(_engine.Issuer.DistinctPayouts, Is.EqualTo(1));
        await _engine.RunAsync(async (db, _) =>
        {
            var message = await db.Outbox.SingleAsync();
            Assert.That(message.ProcessedAt, Is.Not.Null);
            Assert.That(message.Attempts, Is.EqualTo(2));
            Assert.That((await db.Ledger.SingleAsync()).State, Is.EqualTo(LedgerEntryState.Issued));
        });
    }

    [Test]
    public async Task RefundAfterPayout_CollectsTheClawBackThroughTheIssuer()
    {
        var (_, code) = await PaidOutRewardAsync("1001", 80m);

        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(40m, "EUR"), Now));
        await ProcessOutboxAsync();

        Assert.That(_engine.Issuer.Reversed.Single().Amount.Amount, Is.EqualTo(5m));
        await _engine.RunAsync(async (db, _) =>
        {
            var clawBack = await db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.ClawBack);
            Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Issued));
            Assert.That(clawBack.Amount, Is.EqualTo(-5m));
        });
        _ = code;
    }

    [Test]
    public async Task DebtAfterPayout_OffsetsTheNextReward_WhenTheClawBackCannotBeCollected()
    {
        var (_, code) = await PaidOutRewardAsync("1001", 80m);
        _engine.Issuer.RefuseReversals = true;
        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(80m, "EUR"), Now));
        await ProcessOutboxAsync();

        await _engine.PayAsync(_tenant, PaidOrders.Paid("1002", "cy@example.com", 30m, Now, code.Display));
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1003", "di@example.com", 30m, Now, code.Display));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        await ProcessOutboxAsync();

        // 10 was paid, all of it clawed back but not collectable: the next two rewards of 10 pay it off, then nothing more is owed.
        var payouts = _engine.Issuer.Issued.Select(i => i.Amount.Amount).ToArray();
        Assert.That(payouts, Is.EqualTo(new[] { 10m, 10m }), "the first payout, then the third reward; the second paid the debt");
        await _engine.RunAsync(async (db, _) =>
        {
            var clawBack = await db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.ClawBack);
            Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Outstanding));
            var offsets = await db.Ledger.Where(e => e.Type == LedgerEntryType.DebtOffset).ToListAsync();
            Assert.That(offsets.Sum(o => o.Amount), Is.EqualTo(-10m));
            var entries = await db.Ledger.Where(e => e.ContactId == clawBack.ContactId).ToListAsync();
            Assert.That(DebtOffsetCalculator.OutstandingDebt(entries), Is.Zero);
        });
    }

    [Test]
    public async Task Review_Rejection_VoidsTheHeldReward()
    {
        var itemId = await FlaggedReferralAsync();

        await _engine.RunAsync((db, sp) => sp.GetRequiredService<ReviewQueue>().DecideAsync(db, _tenant.Id, itemId, false, "editor@acme", "Same household, two accounts", CancellationToken.None));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();

        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That((await db.Ledger.SingleAsync()).State, Is.EqualTo(LedgerEntryState.Voided));
            Assert.That((await db.Referrals.SingleAsync()).State, Is.EqualTo(ReferralState.Rejected));
            var audit = await db.AuditLog.SingleAsync();
            Assert.That((audit.Actor, audit.Action), Is.EqualTo(("editor@acme", "review.reject")));
        });
    }

    [Test]
    public async Task Review_IsDecidedOnce_WhenTwoReviewersAct()
    {
        var itemId = await FlaggedReferralAsync();
        await _engine.RunAsync((db, sp) => sp.GetRequiredService<ReviewQueue>().DecideAsync(db, _tenant.Id, itemId, true, "first@acme", null, CancellationToken.None));

        var second = _engine.RunAsync((db, sp) => sp.GetRequiredService<ReviewQueue>().DecideAsync(db, _tenant.Id, itemId, false, "second@acme", "No", CancellationToken.None));

        Assert.That(async () => await second, Throws.InvalidOperationException.With.Message.Contains("first@acme"));
    }

    [TestCase(Core.Fraud.ReviewLapsePolicy.ApproveOnLapse, ReviewStatus.Approved, LedgerEntryState.Approved)]
    [TestCase(Core.Fraud.ReviewLapsePolicy.RejectOnLapse, ReviewStatus.Rejected, LedgerEntryState.Voided)]
    [TestCase(Core.Fraud.ReviewLapsePolicy.KeepWaiting, ReviewStatus.Open, LedgerEntryState.Pending)]
    public async Task Review_FollowsTheLapsePolicy_WhenNobodyDecidesByTheDeadline(Core.Fraud.ReviewLapsePolicy policy, ReviewStatus expectedStatus, LedgerEntryState expectedReward)
    {
        await _engine.RunAsync(async (db, _) =>
        {
            var tenant = await db.Tenants.FindAsync(_tenant.Id);
            tenant!.Settings.ReviewLapsePolicy = policy;
            tenant.Settings.ReviewWindowHours = 24;
            tenant.Settings.HoldDays = 1;
            await TenantDirectory.UpdateSettingsAsync(db, tenant, tenant.Settings, CancellationToken.None);
        });
        await FlaggedReferralAsync();

        _engine.Clock.Advance(TimeSpan.FromHours(23));
        await MatureAsync();
        await _engine.RunAsync(async (db, _) => Assert.That((await db.ReviewItems.SingleAsync()).Status, Is.EqualTo(ReviewStatus.Open), "before the deadline"));

        _engine.Clock.Advance(TimeSpan.FromHours(1));
        await MatureAsync();

        await _engine.RunAsync(async (db, _) =>
        {
            var item = await db.ReviewItems.SingleAsync();
            Assert.That(item.Status, Is.EqualTo(expectedStatus));
            Assert.That((await db.Ledger.SingleAsync()).State, Is.EqualTo(expectedReward));
            if (expectedStatus != ReviewStatus.Open)
            {
                Assert.That(item.DecidedBy, Is.EqualTo(ReviewQueue.LapseActor));
            }
        });
    }

    [Test]
    public async Task Uninstall_StopsPayouts_AndRewardsWaitUntilTheShopReturns()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display));
        await SetTenantStateAsync(uninstalled: true);

        _engine.Clock.Advance(TimeSpan.FromDays(31));
        Assert.That(await MatureAsync(), Is.Zero);
        await ProcessOutboxAsync();
        Assert.That(_engine.Issuer.Issued, Is.Empty, "no calls for an uninstalled shop");

        await SetTenantStateAsync(uninstalled: false);
        Assert.That(await MatureAsync(), Is.EqualTo(1));
        await ProcessOutboxAsync();
        Assert.That(_engine.Issuer.Issued, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Uninstall_DeadLettersAnApprovedPayout_InsteadOfCallingTheIssuer()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        await SetTenantStateAsync(uninstalled: true);

        var result = await ProcessOutboxAsync();

        Assert.That(result.DeadLettered, Is.EqualTo(1));
        Assert.That(_engine.Issuer.Issued, Is.Empty);
        await _engine.RunAsync(async (db, _) => Assert.That((await db.Outbox.SingleAsync()).LastError, Does.Contain("uninstalled")));
    }

    private Task SetTenantStateAsync(bool uninstalled) => _engine.RunAsync(async (db, _) =>
    {
        var tenant = await db.Tenants.FindAsync(_tenant.Id);
        if (uninstalled)
        {
            tenant!.MarkUninstalled(Now);
        }
        else
        {
            tenant!.MarkReinstalled();
        }

        await db.SaveChangesAsync();
    });

    private async Task<(Core.Contacts.Contact Advocate, ReferralCode Code)> PaidOutRewardAsync(string orderId, decimal total)
    {
        var advocate = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid(orderId, "bo@example.com", total, Now, advocate.Code.Display));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await MatureAsync();
        await ProcessOutboxAsync();
        Assert.That(_engine.Issuer.Issued, Has.Count.EqualTo(1), "arranged: one reward paid out");
        return advocate;
    }

    private async Task<Guid> FlaggedReferralAsync()
    {
        var address = new Core.Contacts.PostalAddress("Main Street 1", null, "Springfield", "12345", "US");
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", extra: new CustomerInfo { Address = address });
        var order = PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display);
        var outcome = await _engine.PayAsync(_tenant, order with { Customer = order.Customer with { Address = address } });
        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.UnderReview), "arranged: flagged");
        return await _engine.RunAsync((db, _) => db.ReviewItems.Select(i => i.Id).SingleAsync());
    }

    private Task<int> MatureAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<MatureRewardsJob>().RunAsync(CancellationToken.None));

    private Task<DrainResult> ProcessOutboxAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<OutboxProcessor>().RunAsync(cancellationToken: CancellationToken.None));
}
