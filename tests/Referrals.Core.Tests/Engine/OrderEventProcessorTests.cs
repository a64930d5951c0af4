using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Attribution;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Fraud;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class OrderEventProcessorTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public OrderEventProcessorTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync(configure: s =>
        {
            s.AdvocateReward.FixedAmount = 10m;
            s.HoldDays = 30;
        });
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    [Test]
    public async Task ProcessPaid_ConvertsReferralAndHoldsReward_WhenFriendUsesAdvocateCode()
    {
        var (advocate, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display.ToLowerInvariant()));

        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.Converted));
        Assert.That(outcome.Rule, Is.EqualTo(AttributionRule.DiscountCode));
        await _engine.RunAsync(async (db, _) =>
        {
            var referral = await db.Referrals.SingleAsync();
            Assert.That(referral.AdvocateContactId, Is.EqualTo(advocate.Id));
            Assert.That(referral.State, Is.EqualTo(ReferralState.Converted));
            Assert.That(referral.ConvertingOrderId, Is.EqualTo("1001"));
            Assert.That(referral.Revenue, Is.EqualTo(90m));
            Assert.That(referral.ReferralCodeId, Is.EqualTo(code.Id));
            var reward = await db.Ledger.SingleAsync();
            Assert.That(reward.Beneficiary, Is.EqualTo(Beneficiary.Advocate));
            Assert.That(reward.ContactId, Is.EqualTo(advocate.Id));
            Assert.That(reward.Amount, Is.EqualTo(10m));
            Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Pending));
            Assert.That(reward.HoldUntil, Is.EqualTo(Now.AddDays(30)));
        });
    }

    [Test]
    public async Task ProcessPaid_ScoresTheAdvocateWithEveryConversion_WhenTheLatestIsSavedWithTheOrder()
    {
        var (advocate, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");

        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display));
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1002", "cy@example.com", 60m, Now, code.Display));

        await _engine.RunAsync(async (db, sp) =>
        {
            var scoring = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BestCustomerScoringOptions>>().Value;
            int ScoreOf(Contact c, int referralsMade) => BestCustomerScorer.Score(
                new OrderStats(c.OrdersCount, c.OrdersCount > 0 ? new Money(c.TotalSpent, _tenant.Settings.Currency) : null, c.FirstOrderAt, c.LastOrderAt),
                c.LastSatisfactionScore, referralsMade, Now, scoring).Total;
            var stored = await db.Contacts.SingleAsync(c => c.Id == advocate.Id);
            Assert.That(stored.BestCustomerScore, Is.EqualTo(ScoreOf(stored, 2)), "both conversions count, the one saved with the second order included");
            var friend = await db.Contacts.SingleAsync(c => c.NormalizedEmail == "cy@example.com");
            Assert.That(friend.BestCustomerScore, Is.EqualTo(ScoreOf(friend, 0)), "a new buyer has made no referrals");
        });
    }

    [Test]
    public async Task ProcessPaid_ChangesNothing_WhenTheSameOrderArrivesTwice()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        var order = PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display);

        await _engine.PayAsync(_tenant, order);
        var second = await _engine.PayAsync(_tenant, order);

        Assert.That(second.Status, Is.EqualTo(OrderStatus.AlreadyProcessed));
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That(await db.Referrals.CountAsync(), Is.EqualTo(1));
            Assert.That(await db.Ledger.CountAsync(), Is.EqualTo(1));
            Assert.That(await db.Orders.CountAsync(), Is.EqualTo(1));
            var buyer = await db.Contacts.SingleAsync(c => c.NormalizedEmail == "bo@example.com");
            Assert.That(buyer.OrdersCount, Is.EqualTo(1));
            Assert.That(buyer.TotalSpent, Is.EqualTo(90m));
        });
    }

    [Test]
    public async Task ProcessPaid_RejectsReferral_WhenAdvocateRefersThemselfThroughGmailDotVariant()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna.berg@gmail.com");

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "A.N.N.A.Berg+deals@GoogleMail.com", 90m, Now, code.Display));

        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.Rejected));
        Assert.That(outcome.FraudReasons, Does.Contain(FraudReason.SelfReferralEmail));
        await _engine.RunAsync(async (db, _) =>
        {
            var referral = await db.Referrals.SingleAsync();
            Assert.That(referral.State, Is.EqualTo(ReferralState.Rejected));
            Assert.That(referral.Reason, Does.Contain(nameof(FraudReason.SelfReferralEmail)));
            Assert.That(await db.Ledger.CountAsync(), Is.Zero, "a self-referral earns nothing");
        });
    }

    [Test]
    public async Task ProcessPaid_DoesNotAttribute_WhenInvitationIsOlderThanTheWindow()
    {
        var (advocate, _) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await InviteAsync(advocate, "bo@example.com");
        _engine.Clock.Advance(TimeSpan.FromDays(31));

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now));

        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.NotReferred));
        Assert.That(outcome.Attribution, Is.EqualTo(AttributionOutcome.WindowExpired));
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Ledger.CountAsync(), Is.Zero));
    }

    [Test]
    public async Task ProcessPaid_ConvertsInvitation_WhenFriendBuysInsideTheWindowWithoutACode()
    {
        var (advocate, _) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        var invitation = await InviteAsync(advocate, "Bo.Friend@example.com");
        _engine.Clock.Advance(TimeSpan.FromDays(29));

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo.friend@EXAMPLE.com", 90m, Now));

        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.Converted));
        Assert.That(outcome.Rule, Is.EqualTo(AttributionRule.InvitedEmail));
        Assert.That(outcome.ReferralId, Is.EqualTo(invitation.Id));
    }

    [Test]
    public async Task ProcessPaid_CreditsTheDiscountCodeOwner_WhenTwoRulesMatchDifferentAdvocates()
    {
        var (anna, annaCode) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", "Anna");
        var (carl, carlCode) = await _engine.CreateAdvocateAsync(_tenant, "carl@example.com", "Carl");
        var order = PaidOrders.Paid("1001", "bo@example.com", 90m, Now, carlCode.Display) with
        {
            LandingSite = "/?ref=" + annaCode.Display,
        };

        var outcome = await _engine.PayAsync(_tenant, order);

        Assert.That(outcome.Rule, Is.EqualTo(AttributionRule.DiscountCode));
        await _engine.RunAsync(async (db, _) =>
        {
            var referral = await db.Referrals.SingleAsync();
            Assert.That(referral.AdvocateContactId, Is.EqualTo(carl.Id));
            Assert.That(referral.AdvocateContactId, Is.Not.EqualTo(anna.Id));
            Assert.That((await db.Ledger.SingleAsync()).ContactId, Is.EqualTo(carl.Id), "one reward, for the winning rule only");
        });
    }

    [Test]
    public async Task ProcessPaid_DoesNotAttribute_WhenBuyerOrderedBefore()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1000", "bo@example.com", 40m, Now));

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now.AddDays(1), code.Display));

        Assert.That(outcome.Attribution, Is.EqualTo(AttributionOutcome.NotFirstOrder));
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Referrals.CountAsync(), Is.Zero));
    }

    [Test]
    public async Task ProcessPaid_LeavesReferralOpen_WhenOrderIsBelowTheMinimum()
    {
        await _engine.RunAsync(async (db, _) =>
        {
            var tenant = await db.Tenants.FindAsync(_tenant.Id);
            tenant!.Settings.MinimumOrderAmount = 50m;
            await db.SaveChangesAsync();
        });
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 49.99m, Now, code.Display));

        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.BelowMinimum));
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Ledger.CountAsync(), Is.Zero));
    }

    [Test]
    public async Task ProcessRefund_ClawsBackProportionally_WhenPartOfThePendingOrderIsRefunded()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 80m, Now, code.Display));

        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(20m, "EUR"), Now));
        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(20m, "EUR"), Now));

        await _engine.RunAsync(async (db, _) =>
        {
            var clawBack = await db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.ClawBack);
            Assert.That(clawBack.Amount, Is.EqualTo(-2.5m), "a quarter of the order refunded takes back a quarter of 10");
            Assert.That(clawBack.State, Is.EqualTo(LedgerEntryState.Settled), "nothing was paid yet, so only the payout shrinks");
            var reward = await db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.Reward);
            Assert.That(await RewardLedger.NetPayoutAsync(db, reward, CancellationToken.None), Is.EqualTo(7.5m));
        });
    }

    [Test]
    public async Task Ledger_EndsTheSame_WhenRefundArrivesBeforePayment()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.RefundAsync(_tenant, new OrderRefunded("2001", "r9", new Money(30m, "EUR"), Now));
        await _engine.PayAsync(_tenant, PaidOrders.Paid("2001", "early@example.com", 60m, Now, code.Display));

        await _engine.PayAsync(_tenant, PaidOrders.Paid("2002", "late@example.com", 60m, Now, code.Display));
        await _engine.RefundAsync(_tenant, new OrderRefunded("2002", "r9", new Money(30m, "EUR"), Now));

        await _engine.RunAsync(async (db, _) =>
        {
            var early = await LedgerShapeAsync(db, "2001");
            var late = await LedgerShapeAsync(db, "2002");
            Assert.That(early, Is.EqualTo(late));
            Assert.That(early, Is.EqualTo(new[] { "ClawBack:-5:Settled", "Reward:10:Pending" }));
            var order = await db.Orders.SingleAsync(o => o.ExternalId == "2001");
            Assert.That(order.RefundedAmount, Is.EqualTo(30m));
            Assert.That(order.Total, Is.EqualTo(60m));
        });
    }

    [Test]
    public async Task ProcessRefund_VoidsPendingReward_WhenWholeOrderIsRefunded()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 80m, Now, code.Display));

        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r1", new Money(50m, "EUR"), Now));
        await _engine.RefundAsync(_tenant, new OrderRefunded("1001", "r2", new Money(30m, "EUR"), Now));

        await _engine.RunAsync(async (db, _) =>
        {
            var reward = await db.Ledger.SingleAsync(e => e.Type == LedgerEntryType.Reward);
            Assert.That(reward.State, Is.EqualTo(LedgerEntryState.Voided));
        });
    }

    [Test]
    public async Task Cancellation_VoidsRewardAndRejectsReferral_InEitherOrder()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("3001", "first@example.com", 50m, Now, code.Display));
        await _engine.CancelAsync(_tenant, new OrderCancelled("3001", "EUR", Now));
        await _engine.CancelAsync(_tenant, new OrderCancelled("3002", "EUR", Now));
        await _engine.PayAsync(_tenant, PaidOrders.Paid("3002", "second@example.com", 50m, Now, code.Display));

        await _engine.RunAsync(async (db, _) =>
        {
            foreach (var orderId in new[] { "3001", "3002" })
            {
                Assert.That(await LedgerShapeAsync(db, orderId), Is.EqualTo(new[] { "Reward:10:Voided" }), orderId);
                var referral = await db.Referrals.SingleAsync(r => r.ConvertingOrderId == orderId);
                Assert.That(referral.State, Is.EqualTo(ReferralState.Rejected), orderId);
            }
        });
    }

    [Test]
    public async Task ProcessPaid_SendsReferralToReview_WhenFriendSharesAdvocatesAddress()
    {
        var address = new Core.Contacts.PostalAddress("Nørregade 12", null, "København", "1165", "DK");
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", extra: new CustomerInfo { Address = address });
        var order = PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display);
        order = order with { Customer = order.Customer with { Address = address with { Line1 = "Norregade 12" } } };

        var outcome = await _engine.PayAsync(_tenant, order);

        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.UnderReview));
        Assert.That(outcome.FraudReasons, Is.EqualTo(new[] { FraudReason.SharedAddress }));
        await _engine.RunAsync(async (db, _) =>
        {
            var item = await db.ReviewItems.SingleAsync();
            Assert.That(item.Deadline, Is.EqualTo(Now.AddHours(ProgramSettings.DefaultReviewWindowHours)));
            Assert.That((await db.Referrals.SingleAsync()).State, Is.EqualTo(ReferralState.UnderReview));
            Assert.That((await db.Ledger.SingleAsync()).State, Is.EqualTo(LedgerEntryState.Pending), "held while under review");
        });
    }

    [Test]
    public async Task ProcessPaid_BuildsAChain_WhenAReferredFriendRefersSomeoneElse()
    {
        var (anna, annaCode) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", "Anna");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1", "bo@example.com", 100m, Now, annaCode.Display));
        var (bo, boCode) = await _engine.CreateAdvocateAsync(_tenant, "bo@example.com", "Bo");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("2", "cy@example.com", 50m, Now, boCode.Display));
        var (_, cyCode) = await _engine.CreateAdvocateAsync(_tenant, "cy@example.com", "Cy");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("3", "di@example.com", 25m, Now, cyCode.Display));

        await _engine.RunAsync(async (db, _) =>
        {
            var first = await db.Referrals.SingleAsync(r => r.ConvertingOrderId == "1");
            var second = await db.Referrals.SingleAsync(r => r.ConvertingOrderId == "2");
            var third = await db.Referrals.SingleAsync(r => r.ConvertingOrderId == "3");
            Assert.That(second.AdvocateContactId, Is.EqualTo(bo.Id));
            Assert.That((second.ParentReferralId, second.RootAdvocateContactId, second.Depth), Is.EqualTo(((Guid?)first.Id, anna.Id, 2)));
            Assert.That((third.ParentReferralId, third.RootAdvocateContactId, third.Depth), Is.EqualTo(((Guid?)second.Id, anna.Id, 3)));
            var trees = await ReferralTrees.TopAsync(db, _tenant.Id, 10, CancellationToken.None);
            Assert.That(trees, Has.Count.EqualTo(1));
            Assert.That(trees[0], Is.EqualTo(new ReferralTrees.TreeSummary(anna.Id, 3, 3, 175m)));
        });
    }

    [Test]
    public async Task ProcessPaid_WritesDoubleSidedRewardsWithCharityShare_WhenProgramHasThem()
    {
        await _engine.RunAsync(async (db, _) =>
        {
            var tenant = await db.Tenants.FindAsync(_tenant.Id);
            var settings = tenant!.Settings;
            settings.FriendReward = new RewardRule { FixedAmount = 5m, Kind = RewardKind.DiscountCode };
            settings.CharitySharePercent = 20m;
            settings.Causes = [new Cause { Id = "red-cross", Name = "Red Cross" }];
            await TenantDirectory.UpdateSettingsAsync(db, tenant, settings, CancellationToken.None);
        });
        var (advocate, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");

        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display));

        await _engine.RunAsync(async (db, _) =>
        {
            var entries = (await db.Ledger.ToListAsync()).OrderBy(e => e.Beneficiary).ToList();
            Assert.That(entries.Select(e => (e.Beneficiary, e.Amount, e.Kind)), Is.EqualTo(new[]
            {
                (Beneficiary.Advocate, 8m, RewardKind.StoreCredit),
                (Beneficiary.Friend, 5m, RewardKind.DiscountCode),
                (Beneficiary.Cause, 2m, RewardKind.Donation),
            }));
            Assert.That(entries[0].ContactId, Is.EqualTo(advocate.Id));
            Assert.That(entries[1].ContactId, Is.EqualTo((await db.Contacts.SingleAsync(c => c.NormalizedEmail == "bo@example.com")).Id));
            Assert.That(entries[2].CauseId, Is.EqualTo("red-cross"));
        });
    }

    [Test]
    public async Task ProcessPaid_DoesNothing_WhenTenantIsUninstalled()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.RunAsync(async (db, _) =>
        {
            (await db.Tenants.FindAsync(_tenant.Id))!.MarkUninstalled(Now);
            await db.SaveChangesAsync();
        });

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display));

        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.TenantInactive));
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Orders.CountAsync(), Is.Zero));
    }

    [Test]
    public async Task ProcessPaid_RaisesTheAdvocatesBestCustomerScore_WhenTheirReferralConverts()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1000", "anna@example.com", 120m, Now));
        var before = await _engine.RunAsync((db, _) => db.Contacts.Where(c => c.NormalizedEmail == "anna@example.com").Select(c => c.BestCustomerScore).SingleAsync());

        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display));

        var after = await _engine.RunAsync((db, _) => db.Contacts.Where(c => c.NormalizedEmail == "anna@example.com").Select(c => c.BestCustomerScore).SingleAsync());
        Assert.That(before, Is.GreaterThan(0), "a paying customer has a score");
        Assert.That(after, Is.GreaterThan(before), "a converted referral adds advocacy points");
    }

    [Test]
    public async Task ProcessPaid_RejectsReferral_WhenTheBuyerHasTheAdvocatesCustomerIdUnderAnotherEmail()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", extra: new CustomerInfo { ExternalId = "gid://shopify/Customer/77" });

        var order = PaidOrders.Paid("1001", "anna.work@example.com", 90m, Now, code.Display);
        var outcome = await _engine.PayAsync(_tenant, order with { Customer = order.Customer with { ExternalId = "gid://shopify/Customer/77" } });

        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.Rejected));
        Assert.That(outcome.FraudReasons, Does.Contain(FraudReason.SelfReferralCustomerId));
    }

    [Test]
    public async Task ProcessPaid_ComparesOnlyTheAdvocatesIdInTheOrdersSystem_WhenTheyHaveAnIdElsewhere()
    {
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", extra: new CustomerInfo { ExternalSystem = "umbraco", ExternalId = "77" });

        var order = PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display);
        var outcome = await _engine.PayAsync(_tenant, order with { Customer = order.Customer with { ExternalId = "77" } });

        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.Converted), "the same value in another system is another customer");
        Assert.That(outcome.FraudReasons, Is.Empty);
    }

    [Test]
    public async Task ProcessPaid_SendsTheReferralOverTheVelocityLimitToReview_AndScoresTheAdvocateWithTheStandingOnesOnly()
    {
        var tenant = await _engine.CreateTenantAsync("velocity.myshopify.com", s => s.VelocityLimit = 2);
        var (advocate, code) = await _engine.CreateAdvocateAsync(tenant, "anna@example.com");

        var outcomes = new List<OrderOutcome>();
        foreach (var friend in new[] { "bo", "cy", "di" })
        {
            outcomes.Add(await _engine.PayAsync(tenant, PaidOrders.Paid("10-" + friend, friend + "@example.com", 90m, Now, code.Display)));
        }

        Assert.That(outcomes.Select(o => o.Status), Is.EqualTo(new[] { OrderStatus.Converted, OrderStatus.Converted, OrderStatus.UnderReview }));
        Assert.That(outcomes[2].FraudReasons, Is.EqualTo(new[] { FraudReason.VelocityExceeded }));
        Assert.That(await StoredScoreAsync(advocate.Id), Is.EqualTo(await ExpectedScoreAsync(advocate.Id, referralsMade: 2)),
            "the two conversions count, the one under review does not");
    }

    [Test]
    public async Task ProcessPaid_ScoresTheAdvocateWithEveryConversion_WhenTheLatestWasAnInvitation()
    {
        var (advocate, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "bo@example.com", 90m, Now, code.Display));
        var invitation = await InviteAsync(advocate, "cy@example.com");

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("1002", "cy@example.com", 60m, Now));

        Assert.That(outcome.ReferralId, Is.EqualTo(invitation.Id));
        Assert.That(await StoredScoreAsync(advocate.Id), Is.EqualTo(await ExpectedScoreAsync(advocate.Id, referralsMade: 2)),
            "the stored conversion and the invitation converted now");
    }

    private Task<int> StoredScoreAsync(Guid contactId) =>
        _engine.RunAsync((db, _) => db.Contacts.Where(c => c.Id == contactId).Select(c => c.BestCustomerScore).SingleAsync());

    // The score the contact's stored facts give with referralsMade, as of now.
    private Task<int> ExpectedScoreAsync(Guid contactId, int referralsMade) =>
        _engine.RunAsync(async (db, sp) =>
        {
            var scoring = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BestCustomerScoringOptions>>().Value;
            var c = await db.Contacts.SingleAsync(x => x.Id == contactId);
            var spent = c.OrdersCount > 0 ? new Money(c.TotalSpent, _tenant.Settings.Currency) : (Money?)null;
            return BestCustomerScorer.Score(new OrderStats(c.OrdersCount, spent, c.FirstOrderAt, c.LastOrderAt), c.LastSatisfactionScore, referralsMade, Now, scoring).Total;
        });

    private Task<Referral> InviteAsync(Core.Contacts.Contact advocate, string friendEmail) =>
        _engine.RunAsync((db, sp) => sp.GetRequiredService<ReferralInvitations>().InviteAsync(db, db.Tenants.Find(_tenant.Id)!, db.Contacts.Find(advocate.Id)!, "Bo", friendEmail, CancellationToken.None));

    private static async Task<string[]> LedgerShapeAsync(ReferralsDbContext db, string orderId) =>
        (await db.Ledger.Where(e => e.OrderId == orderId).ToListAsync())
            .Select(e => $"{e.Type}:{e.Amount:0.##}:{e.State}")
            .Order(StringComparer.Ordinal)
            .ToArray();
}
