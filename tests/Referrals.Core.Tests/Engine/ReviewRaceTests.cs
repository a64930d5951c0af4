using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Review;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// Two deciders on one flagged referral at once: the first has read the review item as open when the second decides
/// it. The second decider's whole decision runs when the first one's context starts tracking the item, so the
/// interleaving is the same on every run.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class ReviewRaceTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Guid _itemId;

    public ReviewRaceTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync(configure: s => s.HoldDays = 30);
        var address = new PostalAddress("Main Street 1", null, "Springfield", "12345", "US");
        var (_, code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", extra: new CustomerInfo { Address = address });
        var order = PaidOrders.Paid("1001", "bo@example.com", 90m, _engine.Clock.GetUtcNow(), code.Display);
        var outcome = await _engine.PayAsync(_tenant, order with { Customer = order.Customer with { Address = address } });
        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.UnderReview), "arranged: flagged");
        _itemId = await _engine.RunAsync((db, _) => db.ReviewItems.Select(i => i.Id).SingleAsync());
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    [Test]
    public async Task Decide_RefusesTheLaterRejection_WhenAnotherReviewerApprovedAfterItWasRead()
    {
        var late = DecideWhileAnotherDecidesAsync(approve: false, "late@acme", "Looks like the same household", otherApproves: true, "first@acme");

        Assert.That(async () => await late, Throws.InvalidOperationException.With.Message.Contains("first@acme"));
        await _engine.RunAsync(async (db, _) =>
        {
            var item = await db.ReviewItems.SingleAsync();
            Assert.That(item.Status, Is.EqualTo(ReviewStatus.Approved));
            Assert.That(item.DecidedBy, Is.EqualTo("first@acme"));
            Assert.That((await db.Referrals.SingleAsync()).State, Is.EqualTo(ReferralState.Converted), "the approval stands");
            Assert.That((await db.Ledger.SingleAsync()).State, Is.EqualTo(LedgerEntryState.Pending), "its reward was not voided by the late rejection");
            Assert.That(await db.AuditLog.CountAsync(a => a.Action.StartsWith("review.")), Is.EqualTo(1), "one decision recorded");
        });
    }

    [Test]
    public async Task Decide_RefusesTheLaterApproval_WhenAnotherReviewerRejectedAfterItWasRead()
    {
        var late = DecideWhileAnotherDecidesAsync(approve: true, "late@acme", null, otherApproves: false, "first@acme");

        Assert.That(async () => await late, Throws.InvalidOperationException.With.Message.Contains("first@acme"));
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That((await db.ReviewItems.SingleAsync()).Status, Is.EqualTo(ReviewStatus.Rejected));
            Assert.That((await db.Referrals.SingleAsync()).State, Is.EqualTo(ReferralState.Rejected), "a late approval must not revive it");
            Assert.That((await db.Ledger.SingleAsync()).State, Is.EqualTo(LedgerEntryState.Voided));
        });
    }

    private Task DecideWhileAnotherDecidesAsync(bool approve, string actor, string? note, bool otherApproves, string otherActor) =>
        _engine.RunAsync(async (db, sp) =>
        {
            var otherDone = false;
            db.ChangeTracker.Tracked += (_, e) =>
            {
                if (e.Entry.Entity is ReviewItem && !otherDone)
                {
                    otherDone = true;
                    _engine.RunAsync((otherDb, otherSp) => otherSp.GetRequiredService<ReviewQueue>()
                        .DecideAsync(otherDb, _tenant.Id, _itemId, otherApproves, otherActor, otherApproves ? null : "Same address", CancellationToken.None))
                        .GetAwaiter().GetResult();
                }
            };
            await sp.GetRequiredService<ReviewQueue>().DecideAsync(db, _tenant.Id, _itemId, approve, actor, note, CancellationToken.None);
        });
}
