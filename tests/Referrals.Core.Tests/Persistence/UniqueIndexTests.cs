using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Review;
using Referrals.Core.Rewards;
using Referrals.Core.Thanks;
using Referrals.Testing.Databases;
using static Referrals.Core.Tests.Persistence.StorageSamples;

namespace Referrals.Core.Tests.Persistence;

/// <summary>Every effect is idempotent by a unique key: a second write of the same key must fail as a unique violation.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class UniqueIndexTests(StorageProvider provider) : DatabaseTests(provider)
{
    private static readonly string[] KnownUniqueIndexes =
    [
        "Asks(TenantId, ContactId, Trigger, SourceKey)",
        "ContactExternalIds(TenantId, System, Value)",
        "FriendSuppressions(TenantId, EmailHash)",
        "InboxMessages(Source, DeliveryId)",
        "LedgerEntries(TenantId, OrderId, BeneficiaryKey, Type, SourceEventId)",
        "OrderRefunds(TenantId, OrderExternalId, RefundId)",
        "Orders(TenantId, ExternalId)",
        "OutboxMessages(IdempotencyKey)",
        "ReferralCodes(TenantId, LookupKey)",
        "Referrals(TenantId, ConvertingOrderId)",
        "ReviewItems(ReferralId)",
        "StaffTasks(TenantId, Kind, SourceKey)",
        "TenantConnections(TenantKey)",
        "Tenants(Key)",
    ];

    [Test]
    public async Task Model_HasATestHere_ForEveryUniqueIndex()
    {
        await using var db = Database.CreateDbContext();

        var unique = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().Where(i => i.IsUnique)
                .Select(i => $"{e.GetTableName()}({string.Join(", ", i.Properties.Select(p => p.Name))})"))
            .Order(StringComparer.Ordinal);

        Assert.That(unique, Is.EqualTo(KnownUniqueIndexes), "a new unique index needs a duplicate test in this fixture");
    }

    [Test]
    public async Task Asks_RejectsASecondAsk_ForTheSameContactTriggerAndEvent()
    {
        var tenant = Tenant();
        var contact = Guid.NewGuid();
        Ask Planned(Guid contactId, AskTrigger trigger, string sourceKey) =>
            Ask.FromPlan(tenant.Id, contactId, trigger, sourceKey, AskPlan.Schedule(Now.AddDays(7), AskChannel.Email), Now);
        await SaveAsync(tenant, Planned(contact, AskTrigger.Purchase, "order-1"));

        await AssertRejectedAsync(Planned(contact, AskTrigger.Purchase, "order-1"));
        await SaveAsync(Planned(contact, AskTrigger.Fulfilment, "order-1"), Planned(contact, AskTrigger.Purchase, "order-2"), Planned(Guid.NewGuid(), AskTrigger.Purchase, "order-1"));
        await AssertCountAsync(db => db.Asks, 4);
    }

    [Test]
    public async Task StaffTasks_RejectsASecondTask_OfTheSameKindForTheSameEvent()
    {
        var tenant = Tenant();
        StaffTask Task(StaffTaskKind kind, string sourceKey) => new(tenant.Id, Guid.NewGuid(), kind, sourceKey, "Dear Anna", Now.AddDays(2), Now);
        await SaveAsync(tenant, Task(StaffTaskKind.ThankYouCard, "referral:1"));

        await AssertRejectedAsync(Task(StaffTaskKind.ThankYouCard, "referral:1"));
        await SaveAsync(Task(StaffTaskKind.ThankYouCall, "referral:1"), Task(StaffTaskKind.ThankYouCard, "referral:2"));
        await AssertCountAsync(db => db.StaffTasks, 3);
    }

    [Test]
    public async Task Inbox_RejectsTheSameDelivery_FromTheSameSource()
    {
        await SaveAsync(Inbox("shopify", "delivery-1"));

        await AssertRejectedAsync(Inbox("shopify", "delivery-1"));
        await SaveAsync(Inbox("umbraco", "delivery-1"));
        await AssertCountAsync(db => db.Inbox, 2);
    }

    [Test]
    public async Task Outbox_RejectsASecondMessage_WithTheSameIdempotencyKey()
    {
        var tenant = Tenant();
        await SaveAsync(tenant, new OutboxMessage(tenant.Id, "reward.issue", "reward:1", "{}", Now));

        await AssertRejectedAsync(new OutboxMessage(tenant.Id, "email.send", "reward:1", "{\"other\":true}", Now.AddMinutes(1)));
        await AssertCountAsync(db => db.Outbox, 1);
    }

    [Test]
    public async Task Ledger_RejectsASecondReward_ForTheSameOrderAndBeneficiary()
    {
        var tenant = Tenant();
        var advocate = Guid.NewGuid();
        await SaveAsync(tenant, Reward(tenant, "order-1", advocate));

        await AssertRejectedAsync(Reward(tenant, "order-1", advocate, amount: 7m));
        await SaveAsync(Reward(tenant, "order-2", advocate), Reward(tenant, "order-1", Guid.NewGuid()));
        await AssertCountAsync(db => db.Ledger, 3);
    }

    [Test]
    public async Task Ledger_RejectsASecondClawBack_ForTheSameRefund()
    {
        var tenant = Tenant();
        var reward = Reward(tenant, "order-1", Guid.NewGuid());
        await SaveAsync(tenant, reward, LedgerEntry.ClawBackOf(reward, "refund-1", 2m, Now));

        await AssertRejectedAsync(LedgerEntry.ClawBackOf(reward, "refund-1", 3m, Now));
        await SaveAsync(LedgerEntry.ClawBackOf(reward, "refund-2", 3m, Now));
        await AssertCountAsync(db => db.Ledger, 3);
    }

    [Test]
    public async Task ReferralCodes_RejectTheSameLookupKey_WithinATenant()
    {
        var (tenant, other) = (Tenant(), Tenant("shop-b.myshopify.com"));
        var (anna, bo, carl) = (Contact(tenant), Contact(tenant, "bo@example.com"), Contact(other));
        await SaveAsync(tenant, other, anna, bo, carl, new ReferralCode(tenant.Id, anna.Id, "ANNA-7KQ2", "ANNA7KQ2", Now));

        await AssertRejectedAsync(new ReferralCode(tenant.Id, bo.Id, "anna-7kq2", "ANNA7KQ2", Now));
        await SaveAsync(new ReferralCode(other.Id, carl.Id, "ANNA-7KQ2", "ANNA7KQ2", Now));
        await AssertCountAsync(db => db.ReferralCodes, 2);
    }

    [Test]
    public async Task FriendSuppressions_RejectTheSameHash_WithinATenant()
    {
        var (tenant, other) = (Tenant(), Tenant("shop-b.myshopify.com"));
        var hash = FriendEmailHash.Compute(tenant.Id, "carl@example.com");
        await SaveAsync(tenant, other, new FriendSuppression(tenant.Id, hash, Now));

        await AssertRejectedAsync(new FriendSuppression(tenant.Id, hash, Now));
        await SaveAsync(new FriendSuppression(other.Id, hash, Now));
        await AssertCountAsync(db => db.FriendSuppressions, 2);
    }

    [Test]
    public async Task Orders_RejectTheSameExternalId_WithinATenant()
    {
        var (tenant, other) = (Tenant(), Tenant("shop-b.myshopify.com"));
        await SaveAsync(tenant, other, Order(tenant, "gid://shopify/Order/1"));

        await AssertRejectedAsync(Order(tenant, "gid://shopify/Order/1", total: 5m));
        await SaveAsync(Order(other, "gid://shopify/Order/1"));
        await AssertCountAsync(db => db.Orders, 2);
    }

    [Test]
    public async Task OrderRefunds_RejectTheSameRefund_OfTheSameOrder()
    {
        var tenant = Tenant();
        await SaveAsync(tenant, new OrderRefund(tenant.Id, "order-1", "refund-1", 10m, "EUR", Now));

        await AssertRejectedAsync(new OrderRefund(tenant.Id, "order-1", "refund-1", 10m, "EUR", Now));
        await SaveAsync(new OrderRefund(tenant.Id, "order-1", "refund-2", 10m, "EUR", Now), new OrderRefund(tenant.Id, "order-2", "refund-1", 10m, "EUR", Now));
        await AssertCountAsync(db => db.OrderRefunds, 3);
    }

    [Test]
    public async Task Referrals_RejectASecondReferral_ConvertedByTheSameOrder()
    {
        var tenant = Tenant();
        var (anna, bo) = (Contact(tenant), Contact(tenant, "bo@example.com"));
        await SaveAsync(tenant, anna, bo, ConvertedReferral(tenant, anna, "order-1"));

        await AssertRejectedAsync(ConvertedReferral(tenant, bo, "order-1"));
        await AssertCountAsync(db => db.Referrals, 1);
    }

    [Test]
    public async Task Referrals_AllowManyReferrals_ThatHaveNotConverted()
    {
        var tenant = Tenant();
        var anna = Contact(tenant);

        await SaveAsync(tenant, anna, Referral(tenant, anna), Referral(tenant, anna));
        await SaveAsync(Referral(tenant, anna));

        await using var db = Database.CreateDbContext();
        Assert.That(await db.Referrals.CountAsync(r => r.ConvertingOrderId == null), Is.EqualTo(3));
    }

    [Test]
    public async Task Tenants_RejectASecondTenant_WithTheSameKey()
    {
        await SaveAsync(Tenant("shop-a.myshopify.com"));

        await AssertRejectedAsync(Tenant("SHOP-A.myshopify.com"));
        await AssertCountAsync(db => db.Tenants, 1);
    }

    [Test]
    public async Task TenantConnections_RejectASecondConnection_ForTheSameShop()
    {
        var (first, second) = (Tenant("shop-a.myshopify.com"), Tenant("shop-b.myshopify.com"));
        await SaveAsync(first, second, new Core.Tenants.TenantConnection(first.Id, first.Key, Core.Tenants.ConnectionMode.OAuth, Now));

        await AssertRejectedAsync(new Core.Tenants.TenantConnection(second.Id, first.Key, Core.Tenants.ConnectionMode.CustomApp, Now));
        await AssertCountAsync(db => db.TenantConnections, 1);
    }

    [Test]
    public async Task ContactExternalIds_RejectTheSameExternalId_WithinATenant()
    {
        var tenant = Tenant();
        var (anna, bo) = (Contact(tenant), Contact(tenant, "bo@example.com"));
        await SaveAsync(tenant, anna, bo, new ContactExternalId(tenant.Id, anna.Id, ContactExternalId.Shopify, "gid://shopify/Customer/1"));

        await AssertRejectedAsync(new ContactExternalId(tenant.Id, bo.Id, ContactExternalId.Shopify, "gid://shopify/Customer/1"));
        await SaveAsync(new ContactExternalId(tenant.Id, bo.Id, ContactExternalId.UmbracoMember, "gid://shopify/Customer/1"));
        await AssertCountAsync(db => db.ContactExternalIds, 2);
    }

    [Test]
    public async Task ReviewItems_RejectASecondItem_ForTheSameReferral()
    {
        var tenant = Tenant();
        var referralId = Guid.NewGuid();
        await SaveAsync(tenant, new ReviewItem(tenant.Id, referralId, "Velocity", Now, Now.AddHours(72)));

        await AssertRejectedAsync(new ReviewItem(tenant.Id, referralId, "SharedIdentity", Now, Now.AddHours(72)));
        await AssertCountAsync(db => db.ReviewItems, 1);
    }

    private static LedgerEntry Reward(Core.Tenants.Tenant tenant, string orderId, Guid advocate, decimal amount = 10m) =>
        LedgerEntry.PendingReward(tenant.Id, orderId, Beneficiary.Advocate, advocate, null, null, RewardKind.StoreCredit,
            new Money(amount, "EUR"), Now.AddDays(30), Now);

    private async Task AssertRejectedAsync(object duplicate)
    {
        await using var db = Database.CreateDbContext();
        db.Add(duplicate);

        var ex = Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.That(UniqueViolation.Is(ex), Is.True, $"not recognised as a unique violation: {ex.InnerException?.Message}");
    }

    private async Task AssertCountAsync<T>(Func<ReferralsDbContext, IQueryable<T>> set, int expected)
    {
        await using var db = Database.CreateDbContext();
        Assert.That(await set(db).CountAsync(), Is.EqualTo(expected));
    }
}
