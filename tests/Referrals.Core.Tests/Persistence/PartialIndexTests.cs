using Microsoft.EntityFrameworkCore;
using Referrals.Core.Analytics;
using Referrals.Core.Asks;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// A partial index serves a query only when the database can prove from the query that every row it wants is in the
/// index; otherwise it scans the table. Each query a partial index exists for is planned here, and the plan must read
/// that index (PostgreSQL with table scans priced out: can the index serve the query at all).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class PartialIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 22, 0, 0, TimeSpan.Zero);
    private static readonly AnalyticsPeriod Period = AnalyticsPeriod.Last90Days(Now);
    private static readonly Guid Tenant = Guid.CreateVersion7();

    private readonly StorageProvider _provider;
    private TestDatabase _database = null!;

    public PartialIndexTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _database = await TestDatabase.CreateAsync(_provider);
        await SeedAsksAsync();
    }

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    // Both sent asks' indexes can serve it; PostgreSQL, whose test table has no statistics, may take the contact-keyed
    // one. Either way a partial index of sent asks, not a table scan.
    [Test]
    public async Task AsksSentByWeek_ReadTheSentAsksIndex() =>
        Assert.That(await PlanAsync(db => AnalyticsQueries.AsksSent(db, Tenant, Period)),
            _provider == StorageProvider.Sqlite ? Does.Contain("IX_Asks_TenantId_SentAt") : Does.Match("IX_Asks_TenantId_(ContactId_)?SentAt"));

    [Test]
    public async Task AsksAnsweredByWeek_ReadTheAnsweredAsksIndex() =>
        Assert.That(await PlanAsync(db => AnalyticsQueries.AsksAnswered(db, Tenant, Period)), Does.Contain("IX_Asks_TenantId_AnsweredAt_Score"));

    [Test]
    public async Task VisitsByWeek_ReadTheVisitedReferralsIndex() =>
        Assert.That(await PlanAsync(db => AnalyticsQueries.Visits(db, Tenant, Period)), Does.Contain("IX_Referrals_TenantId_VisitedAt"));

    // A contact's asks are read through the contact's own partial indexes: a walk of all of them (a frequent buyer has
    // hundreds) or of the tenant's sent asks (every ask the shop ever sent) would grow with the history.
    [Test]
    public async Task AContactsLastSentAsk_ReadsTheContactsSentAsksIndex() =>
        Assert.That(await PlanAsync(db => AskHistory.SentTimes(AskHistory.ContactAsks(db, Tenant, Guid.CreateVersion7(), Guid.CreateVersion7()))),
            Does.Contain("IX_Asks_TenantId_ContactId_SentAt"));

    [Test]
    public async Task AContactsOpenAsk_ReadsTheContactsScheduledAsksIndex() =>
        Assert.That(await PlanAsync(db => AskHistory.Scheduled(AskHistory.ContactAsks(db, Tenant, Guid.CreateVersion7(), null))),
            Does.Contain("IX_Asks_TenantId_ContactId_Scheduled"));

    [Test]
    public async Task DueAsks_ReadTheScheduledAsksIndex() =>
        Assert.That(await PlanAsync(db => AskDispatcher.Due(db, Now, 50)), Does.Contain("IX_Asks_Scheduled_DueAt"));

    [Test]
    public async Task OrdersOfReferralsThatFlip_ReadTheReferredOrdersIndex() =>
        Assert.That(await PlanAsync(db => AnalyticsRollupTracker.OrdersOf(db, [Tenant], [Guid.CreateVersion7(), Guid.CreateVersion7()])),
            Does.Contain("IX_Orders_TenantId_ReferralId"));

    // A shop's history of asks, 10 sent and 10 scheduled for each of 100 contacts, with PostgreSQL's statistics of it:
    // without them its planner prices a tenant's asks and a contact's alike, and which of two usable indexes it took
    // depended on the order they were created in.
    private async Task SeedAsksAsync()
    {
        await using var db = _database.CreateDbContext();
        for (var c = 0; c < 100; c++)
        {
            var contact = Guid.CreateVersion7();
            for (var i = 0; i < 10; i++)
            {
                var at = Now.AddDays(-c - (i * 100));
                var ask = Ask.FromPlan(Tenant, contact, AskTrigger.Purchase, $"order-{c}-{i}", AskPlan.Schedule(at, AskChannel.Email), at);
                ask.MarkSent(at);
                db.Add(ask);

                var due = Now.AddHours(c + (i * 100) - 500);
                db.Add(Ask.FromPlan(Tenant, contact, AskTrigger.Fulfilment, $"order-{c}-{i}", AskPlan.Schedule(due, AskChannel.Email), Now.AddDays(-30)));
            }
        }

        await db.SaveChangesAsync();
        if (_provider == StorageProvider.PostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }

    private Task<string> PlanAsync<T>(Func<ReferralsDbContext, IQueryable<T>> query) => QueryPlan.OfAsync(_database, query, withoutTableScans: true);
}
