using Referrals.Core.Analytics;
using Referrals.Core.Engine;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// Referred against other customers on a small data set worked out by hand (arithmetic in the comments). October and
/// November 2026, tenant currency EUR:
/// <code>
/// F1 referred (R1 converted)  O1 100 on 5 Oct; O2 50 on 20 Oct, 10 refunded; O9 70 on 2 Nov
/// F2 referred (R2 rewarded)   O3 80 on 10 Oct; O14 1000 on 1 Dec (outside)
/// F3 other (R3 rejected)      O6 60 on 12 Oct
/// C1 other                    O4 200 on 3 Oct, all refunded; O5 40 on 4 Oct, cancelled; O13 90 never paid; O15 50 USD on 5 Nov
/// C2 other                    O8 30 on 30 Sep 23:00 (outside); O10 20 on 1 Nov 00:00; O11 25 on 15 Nov; O12 35 on 30 Nov
/// no buyer                    O7 500 on 8 Oct (left out)
/// twin tenant                 C1 referred there, T1 999 on 9 Oct (must not count here)
/// </code>
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class ReferredCustomerValueTests
{
    private static readonly DateTimeOffset October = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset November = October.AddMonths(1);
    private static readonly DateTimeOffset December = October.AddMonths(2);

    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public ReferredCustomerValueTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync();
        var twin = await _engine.CreateTenantAsync("twin.myshopify.com");
        Guid f1 = Guid.NewGuid(), f2 = Guid.NewGuid(), f3 = Guid.NewGuid(), c1 = Guid.NewGuid(), c2 = Guid.NewGuid(), x = Guid.NewGuid();
        await _engine.RunAsync(async (db, _) =>
        {
            var t = _tenant.Id;
            Referral Friend(Guid tenant, Guid friend, string order, DateTimeOffset at)
            {
                var referral = new Referral(tenant, x, ReferralSource.Link, new ChainPosition(null, x, 1), "EUR", at.AddDays(-1)) { FriendContactId = friend };
                referral.Convert(order, new Money(1m, "EUR"), "Code", false, null, at);
                db.Referrals.Add(referral);
                return referral;
            }

            Order Paid(Guid tenant, Guid? buyer, string id, decimal total, DateTimeOffset paid, string currency = "EUR")
            {
                var order = new Order(tenant, id, currency, paid) { ContactId = buyer, Total = total, PaidAt = paid };
                db.Orders.Add(order);
                return order;
            }

            Friend(t, f1, "O1", Day(10, 5));
            Friend(t, f2, "O3", Day(10, 10)).MarkRewarded(Day(10, 11));
            var rejected = new Referral(t, x, ReferralSource.Link, new ChainPosition(null, x, 1), "EUR", Day(10, 11)) { FriendContactId = f3 };
            rejected.RejectConversion("O6", new Money(60m, "EUR"), "Code", "Self-referral", Day(10, 12));
            db.Referrals.Add(rejected);

            Paid(t, f1, "O1", 100m, Day(10, 5));
            Paid(t, f1, "O2", 50m, Day(10, 20)).RefundedAmount = 10m;
            Paid(t, f1, "O9", 70m, Day(11, 2));
            Paid(t, f2, "O3", 80m, Day(10, 10));
            Paid(t, f2, "O14", 1000m, December);
            Paid(t, f3, "O6", 60m, Day(10, 12));
            Paid(t, c1, "O4", 200m, Day(10, 3)).RefundedAmount = 200m;
            Paid(t, c1, "O5", 40m, Day(10, 4)).CancelledAt = Day(10, 6);
            db.Orders.Add(new Order(t, "O13", "EUR", Day(11, 3)) { ContactId = c1, Total = 90m });
            Paid(t, c1, "O15", 50m, Day(11, 5), "USD");
            Paid(t, c2, "O8", 30m, November.AddHours(-1 - (24 * 31)));
            Paid(t, c2, "O10", 20m, November);
            Paid(t, c2, "O11", 25m, Day(11, 15));
            Paid(t, c2, "O12", 35m, Day(11, 30));
            Paid(t, null, "O7", 500m, Day(10, 8));

            Friend(twin.Id, c1, "T1", Day(10, 9));
            Paid(twin.Id, c1, "T1", 999m, Day(10, 9));
            await db.SaveChangesAsync();
        });
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private static DateTimeOffset Day(int month, int day) => new(2026, month, day, 0, 0, 0, TimeSpan.Zero);

    private Task<IReadOnlyList<CustomerValueComparison>> ByMonthAsync() => _engine.RunAsync((db, _) =>
        ReferredCustomerValue.ByMonthAsync(db, _tenant.Id, "EUR", new AnalyticsMonths(October, December), CancellationToken.None));

    [Test]
    public async Task ByMonth_ListsEachMonthOfTheTenantCurrency_AndOtherCurrenciesWhereTheyHaveOrders()
    {
        var months = await ByMonthAsync();

        // EUR in October and November; USD only in November (O15); nothing from December or September.
        Assert.That(months.Select(m => (m.Start, m.End, m.Currency)), Is.EqualTo(new[]
        {
            (October, November, "EUR"), (November, December, "EUR"), (November, December, "USD"),
        }));
    }

    [Test]
    public async Task ByMonth_October_SplitsReferredFromOtherCustomers()
    {
        var october = (await ByMonthAsync())[0];

        // Referred: F1 (O1 100, O2 50 with 10 refunded) and F2 (O3 80): 2 customers, F1 repeats, 3 orders,
        // gross 230, refunded 10 on 1 order. Net 220; AOV 220/3; orders per customer 3/2; revenue per customer 110;
        // repeat 1/2; refund rate 10/230; refunded orders 1/3.
        Assert.That(october.Referred, Is.EqualTo(new CustomerValueFigures(2, 1, 3, 230m, 10m, 1)));
        Assert.That(october.Referred.Net, Is.EqualTo(220m));
        Assert.That(october.Referred.AverageOrderValue, Is.EqualTo(220m / 3));
        Assert.That(october.Referred.OrdersPerCustomer, Is.EqualTo(3m / 2));
        Assert.That(october.Referred.RevenuePerCustomer, Is.EqualTo(110m));
        Assert.That(october.Referred.RepeatRate, Is.EqualTo(1m / 2));
        Assert.That(october.Referred.RefundRate, Is.EqualTo(10m / 230));
        Assert.That(october.Referred.RefundedOrderRate, Is.EqualTo(1m / 3));
        // Other: C1 (O4 200, all refunded; O5 cancelled) and F3 (O6 60, referral rejected); O7 has no buyer, T1 is
        // the twin's. 2 customers, no repeat, 2 orders, gross 260, refunded 200 on 1 order: net 60, AOV 30,
        // revenue per customer 30, refund rate 200/260.
        Assert.That(october.Other, Is.EqualTo(new CustomerValueFigures(2, 0, 2, 260m, 200m, 1)));
        Assert.That(october.Other.AverageOrderValue, Is.EqualTo(30m));
        Assert.That(october.Other.RevenuePerCustomer, Is.EqualTo(30m));
        Assert.That(october.Other.RepeatRate, Is.EqualTo(0m));
        Assert.That(october.Other.RefundRate, Is.EqualTo(200m / 260));
    }

    [Test]
    public async Task ByMonth_November_CountsTheFirstInstantAndLeavesOutTheEndAndUnpaidOrders()
    {
        var months = await ByMonthAsync();

        // Referred: F1's O9 70 (F2's O14 is paid at the period's end). Other: C2's O10 at 1 Nov 00:00, O11, O12 =
        // 20 + 25 + 35 = 80, a repeat customer (O8 on 30 Sep is outside); C1's O13 was never paid. AOV 80/3.
        Assert.That(months[1].Referred, Is.EqualTo(new CustomerValueFigures(1, 0, 1, 70m, 0m, 0)));
        Assert.That(months[1].Other, Is.EqualTo(new CustomerValueFigures(1, 1, 3, 80m, 0m, 0)));
        Assert.That(months[1].Other.AverageOrderValue, Is.EqualTo(80m / 3));
        Assert.That(months[1].Other.RepeatRate, Is.EqualTo(1m));
        // USD: C1's O15 50; nobody referred, so the referred ratios have nothing to divide by.
        Assert.That(months[2].Referred, Is.EqualTo(CustomerValueFigures.Empty));
        Assert.That(months[2].Referred.AverageOrderValue, Is.Null);
        Assert.That(months[2].Other, Is.EqualTo(new CustomerValueFigures(1, 0, 1, 50m, 0m, 0)));
    }

    [Test]
    public async Task OverPeriod_CountsEachCustomerOnce_AndRepeatsAcrossMonths()
    {
        var period = await _engine.RunAsync((db, _) =>
            ReferredCustomerValue.OverPeriodAsync(db, _tenant.Id, "EUR", new AnalyticsMonths(October, December), CancellationToken.None));

        // EUR referred: F1 (100, 50, 70; 10 refunded) and F2 (80): 2 customers, 1 repeat, 4 orders, gross 300.
        // EUR other: C1 (200, refunded), F3 (60), C2 (20, 25, 35): 3 customers, C2 repeats, 5 orders, gross 340.
        // USD other: C1 (50).
        Assert.That(period.Select(p => (p.Start, p.End, p.Currency)), Is.EqualTo(new[] { (October, December, "EUR"), (October, December, "USD") }));
        Assert.That(period[0].Referred, Is.EqualTo(new CustomerValueFigures(2, 1, 4, 300m, 10m, 1)));
        Assert.That(period[0].Other, Is.EqualTo(new CustomerValueFigures(3, 1, 5, 340m, 200m, 1)));
        Assert.That(period[0].Referred.RevenuePerCustomer, Is.EqualTo(290m / 2));
        Assert.That(period[0].Other.RevenuePerCustomer, Is.EqualTo(140m / 3));
        Assert.That(period[1].Other, Is.EqualTo(new CustomerValueFigures(1, 0, 1, 50m, 0m, 0)));
    }

    [Test]
    public async Task ByMonth_MovesAFriendBackToTheOthers_WhenTheConversionIsRejectedLater()
    {
        await _engine.RunAsync(async (db, _) =>
        {
            var referral = db.Referrals.Single(r => r.TenantId == _tenant.Id && r.State == ReferralState.Rewarded);
            referral.Reject("Refunded in full", Day(11, 20));
            await db.SaveChangesAsync();
        });

        var october = (await ByMonthAsync())[0];

        // F2 (O3 80) now counts with the others: referred F1 only, others C1, F3, F2.
        Assert.That(october.Referred, Is.EqualTo(new CustomerValueFigures(1, 1, 2, 150m, 10m, 1)));
        Assert.That(october.Other, Is.EqualTo(new CustomerValueFigures(3, 0, 3, 340m, 200m, 1)));
    }
}
