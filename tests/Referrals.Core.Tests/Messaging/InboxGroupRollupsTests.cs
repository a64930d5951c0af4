using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Core.Tests.Engine;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Messaging;

/// <summary>
/// The inbox drain writes a group's analytics rollups once, at the group's end: the rollups must still say exactly what
/// the committed rows say, also when a message of the group saved its order and then failed (rolled back).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class InboxGroupRollupsTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public InboxGroupRollupsTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider, o =>
        {
            o.Jobs.BatchSize = 50;
            o.Jobs.MaxAttempts = 3;
        }, services: s => s.AddSingleton<IInboxHandler, FailingAfterSaveHandler>().AddSingleton<JsonOrderInboxHandler>());
        _tenant = await _engine.CreateTenantAsync();
        await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    [Test]
    public async Task Drain_LeavesTheRollupsAsARebuildWouldMakeThem_WhenAMessageOfTheGroupFailsAfterSaving()
    {
        var code = await _engine.RunAsync((db, _) => db.ReferralCodes.Select(c => c.Display).SingleAsync());
        for (var i = 0; i < 12; i++)
        {
            // Every third order brings a friend with Anna's code (a referral and two rewards); order 5 fails once after saving.
            var id = i == 5 ? FailingAfterSaveHandler.FailOnce + i : "o-" + i;
            await DeliverAsync(id, i % 3 == 0 ? [code] : []);
        }

        var first = await DrainAsync();

        Assert.That(first, Is.EqualTo(new DrainResult(12, 11, 1, 0)));
        await AssertRollupsMatchRebuildAsync("after the failure");
        await _engine.RunAsync(async (db, _) =>
        {
            Assert.That(await db.Orders.CountAsync(), Is.EqualTo(11), "the failed message's order rolled back");
            Assert.That(await db.Ledger.CountAsync(), Is.GreaterThan(0), "the referred orders earned rewards, so the ledger rollups are checked too");
        });

        _engine.Clock.Advance(TimeSpan.FromHours(1));
        var retry = await DrainAsync();

        Assert.That(retry.Succeeded, Is.EqualTo(1));
        await AssertRollupsMatchRebuildAsync("after the retry");
        await _engine.RunAsync(async (db, _) => Assert.That(await db.AnalyticsRevenueHours.SumAsync(h => h.Orders), Is.EqualTo(12)));
    }

    private async Task AssertRollupsMatchRebuildAsync(string when)
    {
        var maintained = await RowsAsync();
        await _engine.RunAsync((db, sp) => sp.GetRequiredService<AnalyticsRollups>().RebuildAsync(db, _tenant.Id, CancellationToken.None));
        Assert.That(maintained, Is.Not.Empty);
        Assert.That(maintained, Is.EqualTo(await RowsAsync()), $"{when}: the drained rollups differ from a rebuild");
    }

    // Every rollup row of the tenant as text, zero rows left out (a rebuild does not write them), money normalised.
    private Task<List<string>> RowsAsync() => _engine.RunAsync(async (db, _) =>
    {
        var hours = (await db.AnalyticsHours.Where(h => h.TenantId == _tenant.Id).ToListAsync())
            .Where(h => h.AsksScheduled + h.AsksSent + h.AsksAnswered + h.Promoters + h.Detractors + h.ReferralsStarted + h.StartedConverted + h.Visits + h.Conversions != 0)
            .Select(h => $"hour {h.Hour}: {h.AsksScheduled} {h.AsksSent} {h.AsksAnswered} {h.Promoters} {h.Detractors} {h.ReferralsStarted} {h.StartedConverted} {h.Visits} {h.Conversions}");
        var revenue = (await db.AnalyticsRevenueHours.Where(h => h.TenantId == _tenant.Id).ToListAsync())
            .Where(h => h.Orders != 0 || h.Gross != 0 || h.ReferralOrders != 0)
            .Select(h => $"revenue {h.Hour} {h.Currency}: {h.Orders} {h.Gross:0.####} {h.Refunded:0.####} {h.ReferralOrders} {h.ReferralGross:0.####} {h.ReferralRefunded:0.####}");
        var ledger = (await db.AnalyticsLedgerHours.Where(h => h.TenantId == _tenant.Id).ToListAsync())
            .Where(h => h.Entries != 0 || h.Amount != 0)
            .Select(h => $"ledger {h.Hour} {h.Currency} {h.Type} {h.State}: {h.Entries} {h.Amount:0.####}");
        return hours.Concat(revenue).Concat(ledger).Order(StringComparer.Ordinal).ToList();
    });

    private async Task DeliverAsync(string orderId, IReadOnlyList<string> codes)
    {
        var body = new JsonOrderInboxHandler.Body
        {
            Id = orderId, Email = $"buyer-{orderId}@example.com", CustomerId = "gid://shopify/Customer/" + orderId,
            Total = 40m, At = _engine.Clock.GetUtcNow(), Codes = codes,
        };
        var added = await _engine.Services.GetRequiredService<InboxStore>().TryAddAsync(new InboxMessage(JsonOrderInboxHandler.TestSource, "d-" + orderId, null,
            JsonOrderInboxHandler.OrdersPaid, _tenant.Key, JsonOrderInboxHandler.Serialize(body), _engine.Clock.GetUtcNow()));
        Assert.That(added, Is.True);
    }

    private Task<DrainResult> DrainAsync() => _engine.Services.GetRequiredService<InboxProcessor>().RunAsync();

    // The real order handling, then a failure the first time for orders whose id says so: the order, its referral and
    // its rewards were saved (and their rollups collected) inside the message's savepoint before it failed.
    private sealed class FailingAfterSaveHandler : IInboxHandler
    {
        public const string FailOnce = "fail-once-";

        private readonly JsonOrderInboxHandler _orders;
        private readonly HashSet<string> _failed = [];

        public FailingAfterSaveHandler(JsonOrderInboxHandler orders)
        {
            _orders = orders;
        }

        public string Source => JsonOrderInboxHandler.TestSource;

        public bool Handles(string topic) => topic == JsonOrderInboxHandler.OrdersPaid;

        public async Task HandleAsync(InboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
        {
            await _orders.HandleAsync(message, db, cancellationToken);
            if (message.DeliveryId.Contains(FailOnce, StringComparison.Ordinal) && _failed.Add(message.DeliveryId))
            {
                throw new InvalidOperationException("fails after its order was saved");
            }
        }
    }
}
