using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Core.Tests.Engine;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Messaging;

/// <summary>
/// Orders of one drain group share a context and a transaction: what an earlier message of the group added (a new
/// buyer, their id, their first order, a referral) must be found by the next one as if they had been drained apart.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class InboxGroupOrdersTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private string _code = null!;

    public InboxGroupOrdersTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider, o => o.Jobs.BatchSize = 50, services: s => s.AddSingleton<IInboxHandler, JsonOrderInboxHandler>());
        _tenant = await _engine.CreateTenantAsync(configure: s => s.AdvocateReward.FixedAmount = 10m);
        _code = (await _engine.CreateAdvocateAsync(_tenant, "anna@example.com")).Code.Display;
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    [Test]
    public async Task Drain_RecordsBothOrdersOnOneContact_WhenANewBuyerPaysTwiceInOneGroup()
    {
        await DeliverAsync("o-1", "bo@example.com", 40m, [_code]);
        await DeliverAsync("o-2", "bo@example.com", 25m, []);

        var drained = await DrainAsync();

        Assert.That(drained, Is.EqualTo(new DrainResult(2, 2, 0, 0)), "both in one group, both handled");
        await _engine.RunAsync(async (db, _) =>
        {
            var buyer = await db.Contacts.SingleAsync(c => c.NormalizedEmail == "bo@example.com");
            Assert.That(buyer.OrdersCount, Is.EqualTo(2));
            Assert.That(buyer.TotalSpent, Is.EqualTo(65m));
            Assert.That(await db.ContactExternalIds.CountAsync(x => x.ContactId == buyer.Id), Is.EqualTo(1));
            Assert.That(await db.Orders.Where(o => o.ContactId == buyer.Id).Select(o => o.ExternalId).OrderBy(x => x).ToListAsync(), Is.EqualTo(new[] { "o-1", "o-2" }));
            var referral = await db.Referrals.SingleAsync();
            Assert.That(referral.State, Is.EqualTo(ReferralState.Converted));
            Assert.That(referral.FriendContactId, Is.EqualTo(buyer.Id));
            Assert.That(await db.Ledger.CountAsync(e => e.Type == LedgerEntryType.Reward), Is.EqualTo(1), "one reward, for the first order only");
        });
    }

    [Test]
    public async Task Drain_DoesNotAttributeTheSecondOrder_WhenTheBuyersFirstOrderCameEarlierInTheSameGroup()
    {
        await DeliverAsync("o-1", "bo@example.com", 40m, []);
        await DeliverAsync("o-2", "bo@example.com", 25m, [_code]);

        await DrainAsync();

        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That(await db.Referrals.CountAsync(), Is.Zero, "the program rewards first orders only, and the group's first order was the buyer's first");
            Assert.That(await db.Ledger.CountAsync(), Is.Zero);
            Assert.That(await db.Contacts.CountAsync(c => c.NormalizedEmail == "bo@example.com"), Is.EqualTo(1));
        });
    }

    private async Task DeliverAsync(string orderId, string email, decimal total, IReadOnlyList<string> codes)
    {
        var body = new JsonOrderInboxHandler.Body
        {
            Id = orderId, Email = email, CustomerId = PaidOrders.CustomerGid(email), Total = total, At = _engine.Clock.GetUtcNow(), Codes = codes,
        };
        var added = await _engine.Services.GetRequiredService<InboxStore>().TryAddAsync(new InboxMessage(JsonOrderInboxHandler.TestSource, "d-" + orderId, null,
            JsonOrderInboxHandler.OrdersPaid, _tenant.Key, JsonOrderInboxHandler.Serialize(body), _engine.Clock.GetUtcNow()));
        Assert.That(added, Is.True);
    }

    private Task<DrainResult> DrainAsync() => _engine.Services.GetRequiredService<InboxProcessor>().RunAsync();
}
