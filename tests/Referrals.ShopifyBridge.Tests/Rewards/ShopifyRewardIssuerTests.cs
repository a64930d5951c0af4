using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Core.Audit;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.AdminApi.Operations;
using Referrals.ShopifyBridge.Rewards;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;
using Referrals.Testing.Shopify.FakeAdminApi;

namespace Referrals.ShopifyBridge.Tests.Rewards;

/// <summary>
/// The whole payout path: a signed <c>orders/paid</c> with the advocate's code, the hold passes, the real engine matures
/// the reward and its outbox calls <see cref="ShopifyRewardIssuer"/>, which pays through the real Admin API client into
/// the fake Admin API on loopback (with injected faults). On SQLite and PostgreSQL.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class ShopifyRewardIssuerTests
{
    private const string Code = "FRIEND-7KQ2M9";
    private readonly StorageProvider _provider;
    private FakeShopifyAdminApi _fake = null!;
    private WebhookBridge _bridge = null!;
    private Tenant _tenant = null!;

    public ShopifyRewardIssuerTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private FakeShop Shop => _fake.Shop(WebhookBridge.Shop);

    [SetUp]
    public async Task SetUp()
    {
        _fake = await FakeShopifyAdminApi.StartAsync(new FakeAdminApiOptions { RetryAfter = TimeSpan.FromMilliseconds(50), HangLimit = TimeSpan.FromSeconds(1) });
        _bridge = await WebhookBridge.StartAsync(_provider, new Dictionary<string, string?>
        {
            ["Referrals:Shopify:AdminApi:BaseAddress"] = _fake.BaseAddress.ToString(),
        });
        _bridge.Services.GetRequiredService<InMemoryShopifyAccessTokenSource>().Set(WebhookBridge.Shop, "shpat_test");
        _tenant = await _bridge.ConnectShopAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _bridge.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Test]
    public void TheBridgeRegistersTheShopifyIssuer() =>
        Assert.That(_bridge.Services.GetRequiredService<IRewardIssuer>(), Is.InstanceOf<ShopifyRewardIssuer>());

    [Test]
    public async Task AMaturedRewardIssuesExactlyOneStoreCreditToTheAdvocate()
    {
        var customer = await AdvocateInShopifyAsync();

        var drained = await OrderMaturesAndPaysAsync();

        Assert.That(drained, Is.EqualTo(new DrainResult(1, 1, 0, 0)));
        var credit = Shop.StoreCreditTransactions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(credit.Kind, Is.EqualTo(FakeStoreCreditKind.Credit));
            Assert.That(credit.OwnerId, Is.EqualTo(customer));
            Assert.That(credit.Amount, Is.EqualTo(10m));
            Assert.That(credit.Currency, Is.EqualTo("EUR"));
        });
        var reward = await RewardAsync();
        Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued));
        Assert.That(reward.ExternalRef, Is.EqualTo(credit.Id));
    }

    [Test]
    public async Task ARefundAfterPayoutDebitsTheCreditBack()
    {
        var customer = await AdvocateInShopifyAsync();
        await OrderMaturesAndPaysAsync();

        await DeliverAsync(WebhookBridge.Delivery("refunds/create", ShopifyPayloads.Refund(ShopifyPayloads.SyntheticOrderId, 990001, 45.00m, at: _bridge.Clock.GetUtcNow())));
        await _bridge.DrainAsync();
        var drained = await OutboxAsync();

        Assert.That(drained.Succeeded, Is.EqualTo(1));
        Assert.That(Shop.StoreCreditTransactions.Select(t => (t.Kind, t.Amount)),
            Is.EqualTo(new[] { (FakeStoreCreditKind.Credit, 10m), (FakeStoreCreditKind.Debit, 5m) }));
        Assert.That(Shop.StoreCreditBalance(customer, "EUR"), Is.EqualTo(5m));
        var clawBack = await _bridge.QueryAsync(db => db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.ClawBack));
        Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Issued));
        Assert.That(clawBack.ExternalRef, Is.EqualTo(Shop.StoreCreditTransactions[1].Id));
    }

    [Test]
    public async Task AnInsufficientBalanceOnTheDebitLeavesTheClawBackAsOutstandingDebt()
    {
        var customer = await AdvocateInShopifyAsync();
        await OrderMaturesAndPaysAsync();
        // The advocate spent most of the credit (here: the merchant took 8 EUR).
        await _bridge.Services.GetRequiredService<IShopifyAdminClient>().ExecuteAsync(WebhookBridge.Shop,
            new StoreCreditAccountDebit(customer, new Referrals.Core.Money(8m, "EUR")), CancellationToken.None);

        await DeliverAsync(WebhookBridge.Delivery("refunds/create", ShopifyPayloads.Refund(ShopifyPayloads.SyntheticOrderId, 990001, 45.00m, at: _bridge.Clock.GetUtcNow())));
        await _bridge.DrainAsync();
        await OutboxAsync();

        Assert.That(Shop.StoreCreditTransactions.Count(t => t.Kind == FakeStoreCreditKind.Debit), Is.EqualTo(1), "only the merchant's");
        Assert.That(Shop.StoreCreditBalance(customer, "EUR"), Is.EqualTo(2m));
        var clawBack = await _bridge.QueryAsync(db => db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.ClawBack));
        Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Outstanding));
    }

    [Test]
    public async Task ATransient503ThenSuccessStillPaysOneCredit()
    {
        var customer = await AdvocateInShopifyAsync();
        _fake.FailNext(FakeFault.Http503, operation: "storeCreditAccountCredit");

        var drained = await OrderMaturesAndPaysAsync();

        Assert.That(drained.Succeeded, Is.EqualTo(1));
        Assert.That(_fake.RequestsFor("storeCreditAccountCredit"), Has.Count.EqualTo(2), "the 503 was read back as not applied, then sent again");
        Assert.That(Shop.StoreCreditTransactions.Single().OwnerId, Is.EqualTo(customer));
        Assert.That(Shop.StoreCreditBalance(customer, "EUR"), Is.EqualTo(10m));
        Assert.That((await RewardAsync()).State, Is.EqualTo(LedgerEntryState.Issued));
    }

    [TestCase(FakeFault.Http502AfterApplying)]
    [TestCase(FakeFault.HangAfterApplying)]
    public async Task AnAppliedThenLostAnswerNeverPaysTwice(FakeFault fault)
    {
        var customer = await AdvocateInShopifyAsync();
        _fake.FailNext(fault, operation: "storeCreditAccountCredit");

        var drained = await OrderMaturesAndPaysAsync();
        // Further deliveries of the same message change nothing.
        await OutboxAsync();

        Assert.That(drained.Succeeded, Is.EqualTo(1));
        var credit = Shop.StoreCreditTransactions.Single();
        Assert.That(Shop.StoreCreditBalance(customer, "EUR"), Is.EqualTo(10m));
        Assert.That((await RewardAsync()).ExternalRef, Is.EqualTo(credit.Id), "the lost answer's transaction was found by reading back");
    }

    [Test]
    public async Task AnUnreadableOutcomeIsReadBackByALaterDelivery_AndNeverPaysTwice()
    {
        var (request, _) = await StoreCreditRequestAsync();
        var client = new ReadBackFailsClient(_bridge.Services.GetRequiredService<IShopifyAdminClient>());
        _fake.FailNext(FakeFault.Http502AfterApplying, operation: "storeCreditAccountCredit");

        var first = Assert.ThrowsAsync<InvalidOperationException>(() => Issuer(client).IssueAsync(request, CancellationToken.None));
        var tooSoon = Assert.ThrowsAsync<InvalidOperationException>(() => Issuer().IssueAsync(request, CancellationToken.None));
        _bridge.Clock.Advance(AttemptTimeout + TimeSpan.FromSeconds(1));
        var later = await Issuer().IssueAsync(request, CancellationToken.None);

        Assert.That(first!.Message, Does.Contain("reading the account back failed"), "not dead-lettered: a later delivery settles it");
        Assert.That(tooSoon!.Message, Does.Contain("may still be in flight"));
        var credit = Shop.StoreCreditTransactions.Single();
        Assert.That(later.ExternalRef, Is.EqualTo(credit.Id), "the applied credit is found by reading back, not sent again");
        Assert.That(_fake.RequestsFor("storeCreditAccountCredit"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ARepeatOfAPaidKeyAskingForLess_ReturnsTheFirstCreditWithTheAmountItPaid_AndSendsNothing()
    {
        // The payout's record never committed after the store paid 10; a partial refund then reduced the reward, so
        // the retry asks for 7.50. The ledger must learn that 10 was paid, not 7.50.
        var (request, customer) = await StoreCreditRequestAsync();
        var first = await Issuer().IssueAsync(request, CancellationToken.None);

        var repeat = await Issuer().IssueAsync(request with { Amount = new Referrals.Core.Money(7.5m, "EUR") }, CancellationToken.None);

        var credit = Shop.StoreCreditTransactions.Single();
        Assert.That(repeat.ExternalRef, Is.EqualTo(first.ExternalRef).And.EqualTo(credit.Id));
        Assert.That(repeat.Moved, Is.EqualTo(new Referrals.Core.Money(10m, "EUR")), "what the store holds for the key");
        Assert.That(Shop.StoreCreditBalance(customer, "EUR"), Is.EqualTo(10m));
        Assert.That(_fake.RequestsFor("storeCreditAccountCredit"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AnUnresolvedAttemptIsReadBackForTheAmountItSent_WhenTheRepeatOfItsKeyAsksForLess()
    {
        // The credit of 10 landed but its answer was lost and the read-back failed; before the retry, a partial refund
        // reduced the reward, so the retry asks for 7.50. Read back for 7.50 it would find nothing and pay again.
        var (request, customer) = await StoreCreditRequestAsync();
        _fake.FailNext(FakeFault.Http502AfterApplying, operation: "storeCreditAccountCredit");
        Assert.ThrowsAsync<InvalidOperationException>(() => Issuer(new ReadBackFailsClient(_bridge.Services.GetRequiredService<IShopifyAdminClient>()))
            .IssueAsync(request, CancellationToken.None));
        _bridge.Clock.Advance(AttemptTimeout + TimeSpan.FromSeconds(1));

        var retry = await Issuer().IssueAsync(request with { Amount = new Referrals.Core.Money(7.5m, "EUR") }, CancellationToken.None);
        var repeat = await Issuer().IssueAsync(request with { Amount = new Referrals.Core.Money(7.5m, "EUR") }, CancellationToken.None);

        var credit = Shop.StoreCreditTransactions.Single();
        Assert.That(credit.Amount, Is.EqualTo(10m));
        Assert.That(retry.ExternalRef, Is.EqualTo(credit.Id), "the credit that landed is found, not a second one sent");
        Assert.That(retry.Moved, Is.EqualTo(new Referrals.Core.Money(10m, "EUR")));
        Assert.That(repeat.Moved, Is.EqualTo(new Referrals.Core.Money(10m, "EUR")), "and a later repeat says the same");
        Assert.That(Shop.StoreCreditBalance(customer, "EUR"), Is.EqualTo(10m));
    }

    [Test]
    public async Task FindPayment_ReturnsTheCreditAKeyPaid_WithItsAmount_AndNothingForAKeyThatPaidNothing()
    {
        var (request, _) = await StoreCreditRequestAsync();
        var paid = await Issuer().IssueAsync(request, CancellationToken.None);

        var found = await Issuer().FindPaymentAsync(request with { Amount = new Referrals.Core.Money(25m, "EUR") }, CancellationToken.None);
        var none = await Issuer().FindPaymentAsync(request with { IdempotencyKey = "reward.issue:never-paid" }, CancellationToken.None);

        Assert.That(found?.ExternalRef, Is.EqualTo(paid.ExternalRef).And.EqualTo(Shop.StoreCreditTransactions.Single().Id));
        Assert.That(found!.Moved, Is.EqualTo(new Referrals.Core.Money(10m, "EUR")), "what the store holds, not what the question said");
        Assert.That(none, Is.Null);
        Assert.That(_fake.RequestsFor("storeCreditAccountCredit"), Has.Count.EqualTo(1), "asking pays nothing");
    }

    [Test]
    public async Task FindPayment_ReadsAnUnresolvedAttemptBack_AndSendsNothingWhenItWasNotApplied()
    {
        // One key's credit landed with its answer lost and the read-back failed; another key's process was killed before
        // Shopify applied its credit. Asked later, the first is found and the second is not, and nothing is sent.
        var (landed, customer) = await StoreCreditRequestAsync();
        var killed = landed with { EntryId = Guid.NewGuid(), IdempotencyKey = "reward.issue:killed" };
        _fake.FailNext(FakeFault.Http502AfterApplying, operation: "storeCreditAccountCredit");
        Assert.ThrowsAsync<InvalidOperationException>(() => Issuer(new ReadBackFailsClient(_bridge.Services.GetRequiredService<IShopifyAdminClient>()))
            .IssueAsync(landed, CancellationToken.None));
        await RecordAttemptAsync(killed, $"credit 10.00 EUR to {customer} in {WebhookBridge.Shop}, send 1\nknown:{Shop.StoreCreditTransactions.Single().Id}");
        _bridge.Clock.Advance(AttemptTimeout + TimeSpan.FromSeconds(1));

        var found = await Issuer().FindPaymentAsync(landed, CancellationToken.None);
        var notFound = await Issuer().FindPaymentAsync(killed, CancellationToken.None);

        Assert.That(found?.ExternalRef, Is.EqualTo(Shop.StoreCreditTransactions.Single().Id));
        Assert.That(found!.Moved, Is.EqualTo(new Referrals.Core.Money(10m, "EUR")));
        Assert.That(notFound, Is.Null);
        Assert.That(_fake.RequestsFor("storeCreditAccountCredit"), Has.Count.EqualTo(1), "asking pays nothing");
    }

    [Test]
    public async Task AProcessKilledBeforeShopifyAppliedTheCredit_IsReadBackAndPaidOnce()
    {
        var (request, customer) = await StoreCreditRequestAsync();
        // What a process killed between recording the attempt and Shopify applying it leaves: the attempt, nothing in the store.
        await RecordAttemptAsync(request, $"credit 10.00 EUR to {customer} in {WebhookBridge.Shop}, send 1\nknown:");
        _bridge.Clock.Advance(AttemptTimeout + TimeSpan.FromSeconds(1));

        var result = await Issuer().IssueAsync(request, CancellationToken.None);

        var credit = Shop.StoreCreditTransactions.Single();
        Assert.That(result.ExternalRef, Is.EqualTo(credit.Id));
        Assert.That(Shop.StoreCreditBalance(customer, "EUR"), Is.EqualTo(10m));
    }

    [Test]
    public async Task AReadBackNeverTakesACreditAnotherLedgerEntryHolds_WhenTheSameCustomerIsPaidTheSameAmountMeanwhile()
    {
        // Another reward of 10 EUR to the same customer is paid while this attempt is unresolved (its process was killed
        // before Shopify applied it); the new credit in the store is that reward's, not this one's.
        var customer = await AdvocateInShopifyAsync();
        var contactId = await _bridge.QueryAsync(db => db.ContactExternalIds.Select(x => x.ContactId).SingleAsync());
        var request = new RewardIssueRequest(Guid.NewGuid(), _tenant.Id, Beneficiary.Advocate, contactId, null, RewardKind.StoreCredit,
            new Referrals.Core.Money(10m, "EUR"), "reward.issue:killed");
        await RecordAttemptAsync(request, $"credit 10.00 EUR to {customer} in {WebhookBridge.Shop}, send 1\nknown:");
        var other = await OrderMaturesAndPaysAsync();
        _bridge.Clock.Advance(AttemptTimeout + TimeSpan.FromSeconds(1));

        var result = await Issuer().IssueAsync(request, CancellationToken.None);

        Assert.That(other.Succeeded, Is.EqualTo(1));
        var otherRef = (await RewardAsync()).ExternalRef;
        Assert.That(Shop.StoreCreditTransactions, Has.Count.EqualTo(2), "this attempt was not applied, so it pays now");
        Assert.That(result.ExternalRef, Is.Not.EqualTo(otherRef).And.AnyOf(Shop.StoreCreditTransactions.Select(t => t.Id).ToArray()));
    }

    [Test]
    public async Task TwoCreditsOfTheSameAmountToOneCustomer_BothAnswersLost_TakeTurnsAndEachFindsItsOwnTransaction()
    {
        // Two rewards of 10 EUR to the same advocate (two friends bought at once), paid by two workers together, and
        // Shopify applies both credits but both answers are lost. Had both snapshots been taken before either credit,
        // each read-back would see both new credits and could take the other's.
        var (first, _) = await StoreCreditRequestAsync();
        var second = first with { EntryId = Guid.NewGuid(), IdempotencyKey = "reward.issue:second" };
        _fake.FailNext(FakeFault.Http502AfterApplying, count: 2, operation: "storeCreditAccountCredit");
        var client = new RendezvousClient(_bridge.Services.GetRequiredService<IShopifyAdminClient>(), TimeSpan.FromSeconds(1));

        var results = await Task.WhenAll(Issuer(client).IssueAsync(first, CancellationToken.None), Issuer(client).IssueAsync(second, CancellationToken.None));

        var credits = Shop.StoreCreditTransactions.Select(t => t.Id).ToArray();
        Assert.That(credits, Has.Length.EqualTo(2), "each reward paid once");
        Assert.That(results.Select(r => r.ExternalRef), Is.EquivalentTo(credits), "each reward holds its own credit, none holds the other's");
        Assert.That(client.MostAtOnce, Is.EqualTo(1), "the two credits to one customer took turns");
    }

    [Test]
    public async Task AReadBackNeverTakesACreditPaidToAnotherKeyMeanwhile_EvenBeforeItsLedgerEntryIsCommitted()
    {
        // This attempt's process was killed after sending, and its credit landed. Then another reward of the same amount
        // was paid to the same customer, and its worker has not committed it to the ledger yet. Reading back, this
        // attempt finds two new credits; the newer one is the other reward's.
        var (request, customer) = await StoreCreditRequestAsync();
        var other = request with { EntryId = Guid.NewGuid(), IdempotencyKey = "reward.issue:other" };
        await RecordAttemptAsync(request, $"credit 10.00 EUR to {customer} in {WebhookBridge.Shop}, send 1\nknown:");
        var landed = await _bridge.Services.GetRequiredService<IShopifyAdminClient>()
            .ExecuteAsync(WebhookBridge.Shop, new StoreCreditAccountCredit(customer, new Referrals.Core.Money(10m, "EUR")), CancellationToken.None);
        var otherResult = await Issuer().IssueAsync(other, CancellationToken.None);
        _bridge.Clock.Advance(AttemptTimeout + TimeSpan.FromSeconds(1));

        var result = await Issuer().IssueAsync(request, CancellationToken.None);
        var repeated = await Issuer().IssueAsync(request, CancellationToken.None);

        Assert.That(Shop.StoreCreditTransactions, Has.Count.EqualTo(2), "nothing sent again");
        Assert.That(otherResult.ExternalRef, Is.Not.EqualTo(landed.TransactionId));
        Assert.That(result.ExternalRef, Is.EqualTo(landed.TransactionId), "the credit that landed is this attempt's");
        Assert.That(repeated.ExternalRef, Is.EqualTo(landed.TransactionId), "a repeat of the key returns the same transaction");
        Assert.That(_fake.RequestsFor("storeCreditAccountCredit"), Has.Count.EqualTo(2), "the repeat did not call Shopify to pay");
    }

    [Test]
    public async Task AnAttemptThatKeptNoIds_DeadLettersForAPersonAndSendsNothing()
    {
        var (request, customer) = await StoreCreditRequestAsync();
        await RecordAttemptAsync(request, $"credit 10.00 EUR to {customer} in {WebhookBridge.Shop}, send 1");
        _bridge.Clock.Advance(TimeSpan.FromDays(1));

        var refused = Assert.ThrowsAsync<PermanentMessageException>(() => Issuer().IssueAsync(request, CancellationToken.None));

        Assert.That(refused!.Message, Does.Contain("is unknown").And.Contain("Check the customer's store credit"));
        Assert.That(_fake.RequestsFor("storeCreditAccountCredit"), Is.Empty);
    }

    [Test]
    public async Task ADiscountCodeRewardCreatesOneSingleUseCodeForTheAdvocate()
    {
        var customer = await AdvocateInShopifyAsync(RewardKind.DiscountCode);

        var drained = await OrderMaturesAndPaysAsync();

        Assert.That(drained.Succeeded, Is.EqualTo(1));
        var code = Shop.DiscountCodes.Single();
        var reward = await RewardAsync();
        Assert.Multiple(() =>
        {
            Assert.That(code.Amount, Is.EqualTo(10m));
            Assert.That(code.UsageLimit, Is.EqualTo(1));
            Assert.That(code.AppliesOncePerCustomer, Is.True);
            Assert.That(code.CustomerIds, Is.EqualTo(new[] { customer }));
            Assert.That(code.Code, Is.EqualTo(ShopifyRewardIssuer.DiscountCodeFor($"{RewardLedger.IssueKind}:{reward.Id:N}")));
            Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Issued));
            Assert.That(reward.ExternalRef, Is.EqualTo(code.Code));
            Assert.That(Shop.StoreCreditTransactions, Is.Empty);
        });
    }

    [Test]
    public async Task ADiscountCodeRetryAfterALostCommitFindsTheCodeInsteadOfCreatingASecond()
    {
        var customer = await AdvocateInShopifyAsync(RewardKind.DiscountCode);
        var contactId = await _bridge.QueryAsync(db => db.ContactExternalIds.Where(x => x.Value == customer).Select(x => x.ContactId).SingleAsync());
        var issuer = _bridge.Services.GetRequiredService<IRewardIssuer>();
        var request = new RewardIssueRequest(Guid.NewGuid(), _tenant.Id, Beneficiary.Advocate, contactId, null, RewardKind.DiscountCode,
            new Referrals.Core.Money(10m, "EUR"), "reward.issue:lost-commit");

        var first = await issuer.IssueAsync(request, CancellationToken.None);
        var again = await issuer.IssueAsync(request, CancellationToken.None);

        Assert.That(again.Succeeded, Is.True);
        Assert.That(again.ExternalRef, Is.EqualTo(first.ExternalRef));
        Assert.That(_fake.RequestsFor("discountCodeBasicCreate"), Has.Count.EqualTo(2), "the second create met TAKEN");
        Assert.That(Shop.DiscountCodes.Single().Code, Is.EqualTo(first.ExternalRef));
    }

    [Test]
    public async Task ADiscountCodeCannotBeTakenBack()
    {
        var result = await _bridge.Services.GetRequiredService<IRewardIssuer>().ReverseAsync(
            new RewardIssueRequest(Guid.NewGuid(), _tenant.Id, Beneficiary.Advocate, Guid.NewGuid(), null, RewardKind.DiscountCode,
                new Referrals.Core.Money(5m, "EUR"), "reward.clawback:x"), CancellationToken.None);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Reason, Does.Contain("cannot be taken back"));
    }

    [TestCase(RewardKind.Donation)]
    [TestCase(RewardKind.Manual)]
    public async Task OtherKindsAreRecordedForTheBusinessToPayByHand(RewardKind kind)
    {
        var result = await _bridge.Services.GetRequiredService<IRewardIssuer>().IssueAsync(
            new RewardIssueRequest(Guid.NewGuid(), _tenant.Id, Beneficiary.Advocate, Guid.NewGuid(), null, kind,
                new Referrals.Core.Money(5m, "EUR"), "reward.issue:y"), CancellationToken.None);

        Assert.That(result.ExternalRef, Is.EqualTo("recorded:reward.issue:y"));
        Assert.That(_fake.Requests, Is.Empty);
    }

    [Test]
    public async Task AContactWithoutAShopifyIdIsNotPossibleAndDeadLettered()
    {
        await CreateAdvocateAsync(null);

        var drained = await OrderMaturesAndPaysAsync();

        Assert.That(drained.DeadLettered, Is.EqualTo(1));
        var message = await _bridge.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.That(message.LastError, Does.Contain("has no Shopify customer id"));
        Assert.That((await RewardAsync()).State, Is.EqualTo(LedgerEntryState.Approved));
        Assert.That(_fake.Requests, Is.Empty, "nothing was sent to Shopify");
    }

    private TimeSpan AttemptTimeout => _bridge.Services.GetRequiredService<IOptions<ShopifyAdminApiOptions>>().Value.AttemptTimeout;

    private ShopifyRewardIssuer Issuer(IShopifyAdminClient? client = null) => new(
        _bridge.Services.GetRequiredService<ReferralsDbContextFactory>(), client ?? _bridge.Services.GetRequiredService<IShopifyAdminClient>(), _bridge.Clock,
        _bridge.Services.GetRequiredService<IOptions<ShopifyAdminApiOptions>>());

    private async Task<(RewardIssueRequest Request, string Customer)> StoreCreditRequestAsync()
    {
        var customer = await AdvocateInShopifyAsync();
        var contactId = await _bridge.QueryAsync(db => db.ContactExternalIds.Where(x => x.Value == customer).Select(x => x.ContactId).SingleAsync());
        return (new RewardIssueRequest(Guid.NewGuid(), _tenant.Id, Beneficiary.Advocate, contactId, null, RewardKind.StoreCredit,
            new Referrals.Core.Money(10m, "EUR"), "reward.issue:test"), customer);
    }

    private async Task RecordAttemptAsync(RewardIssueRequest request, string details)
    {
        await using var db = _bridge.Services.GetRequiredService<ReferralsDbContextFactory>().CreateDbContext();
        db.AuditLog.Add(new AuditEntry(request.TenantId, ShopifyRewardIssuer.Actor, ShopifyRewardIssuer.AttemptAction, request.IdempotencyKey, details, _bridge.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private async Task<string> AdvocateInShopifyAsync(RewardKind kind = RewardKind.StoreCredit)
    {
        var customer = Shop.AddCustomer("alice@example.com");
        if (kind != RewardKind.StoreCredit)
        {
            await using var scope = _bridge.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            var tenant = await db.Tenants.SingleAsync(t => t.Id == _tenant.Id);
            var settings = tenant.Settings;
            settings.AdvocateReward.Kind = kind;
            await TenantDirectory.UpdateSettingsAsync(db, tenant, settings, CancellationToken.None);
        }

        await CreateAdvocateAsync(customer);
        return customer;
    }

    private async Task CreateAdvocateAsync(string? shopifyCustomerId)
    {
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var advocate = await scope.ServiceProvider.GetRequiredService<ContactDirectory>()
            .UpsertAsync(db, _tenant.Id, new CustomerInfo { Email = "alice@example.com", FirstName = "Alice", ExternalId = shopifyCustomerId }, ContactKind.Client, CancellationToken.None);
        db.ReferralCodes.Add(new ReferralCode(_tenant.Id, advocate.Id, Code, ReferralCodeKey.Create(Code), _bridge.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private async Task<DrainResult> OrderMaturesAndPaysAsync()
    {
        await DeliverAsync(WebhookBridge.Delivery("orders/paid", ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder)));
        await _bridge.DrainAsync();
        _bridge.Clock.Advance(TimeSpan.FromDays(31));
        await using (var scope = _bridge.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            Assert.That(await scope.ServiceProvider.GetRequiredService<RewardLedger>().MatureAsync(db, 50, CancellationToken.None), Is.EqualTo(1));
        }

        return await OutboxAsync();
    }

    private Task<DrainResult> OutboxAsync() => _bridge.Services.GetRequiredService<OutboxProcessor>().RunAsync();

    private Task<LedgerEntry> RewardAsync() => _bridge.QueryAsync(db => db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.Reward));

    private async Task DeliverAsync(ShopifyWebhookDelivery delivery)
    {
        var response = await _bridge.SendAsync(delivery);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>
    /// The real client, except that a store-credit credit waits (up to <paramref name="wait"/>) for a second one to
    /// arrive before it is sent, and counts how many were in flight at once.
    /// </summary>
    private sealed class RendezvousClient(IShopifyAdminClient inner, TimeSpan wait) : IShopifyAdminClient
    {
        private readonly TaskCompletionSource _bothArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrivals;
        private int _inFlight;
        private int _mostAtOnce;

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public async Task<TResult> ExecuteAsync<TResult>(string shopDomain, IShopifyOperation<TResult> operation, CancellationToken cancellationToken)
        {
            if (operation is not StoreCreditAccountCredit)
            {
                return await inner.ExecuteAsync(shopDomain, operation, cancellationToken);
            }

            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _mostAtOnce, now);
            try
            {
                if (Interlocked.Increment(ref _arrivals) == 2)
                {
                    _bothArrived.TrySetResult();
                }

                // Without turns both credits are in flight here together; with them the first goes on alone after the wait.
                await Task.WhenAny(_bothArrived.Task, Task.Delay(wait, cancellationToken));
                return await inner.ExecuteAsync(shopDomain, operation, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    /// <summary>The real client, except that every read of store-credit transactions after the first fails.</summary>
    private sealed class ReadBackFailsClient(IShopifyAdminClient inner) : IShopifyAdminClient
    {
        private int _reads;

        public Task<TResult> ExecuteAsync<TResult>(string shopDomain, IShopifyOperation<TResult> operation, CancellationToken cancellationToken) =>
            operation is CustomerStoreCreditTransactions && Interlocked.Increment(ref _reads) > 1
                ? throw new HttpRequestException("Connection refused")
                : inner.ExecuteAsync(shopDomain, operation, cancellationToken);
    }
}
