using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.ShopifyBridge.Pages;
using Referrals.ShopifyBridge.Tests.Connections;
using Referrals.Testing.Databases;

namespace Referrals.ShopifyBridge.Tests.Pages;

/// <summary>The introductions list and the referred-vs-other insights of one shop, never another's; on SQLite and PostgreSQL.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class IntroductionsAndInsightsPageTests
{
    private const string OtherShop = "globex.myshopify.com";

    private readonly StorageProvider _provider;
    private ConnectBridge _bridge = null!;

    public IntroductionsAndInsightsPageTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync(_provider);
        await _bridge.InstallAsync(OtherShop);
        await _bridge.InstallAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public async Task Introductions_ListTheShopsOwn_WithTheFriendMasked_AndTheirStatus()
    {
        await IntroduceAsync(ConnectBridge.Shop, "Anna", "anna@example.com", "Carl", "carl@example.com");
        await IntroduceAsync(ConnectBridge.Shop, "Anna", "anna@example.com", "Dora", "dora@example.org", optOut: true);
        await IntroduceAsync(OtherShop, "Greta", "greta@example.com", "Hidden", "secret-friend@example.com");

        var html = await _bridge.Client.GetStringAsync(new Uri($"/shops/{ConnectBridge.Shop}/introductions", UriKind.Relative));

        Assert.That(html, Does.Contain("2 introductions"));
        Assert.That(html, Does.Contain("Anna Holm").And.Contain("C… (c…@example.com)").And.Contain("D… (d…@example.org)"));
        Assert.That(html, Does.Contain("E-mail queued; friend opted out").And.Contain("Invited"));
        Assert.That(html, Does.Not.Contain("carl@example.com").And.Not.Contain("Carl"), "the friend is masked");
        Assert.That(html, Does.Not.Contain("Greta").And.Not.Contain("secret-friend"), "another shop's introductions stay out");
        Assert.That(html, Does.Contain($"href=\"/shops/{ConnectBridge.Shop}/insights\""), "the navigation links the new pages");
    }

    [TestCase("Carl", "carl@example.com", ExpectedResult = "C… (c…@example.com)")]
    [TestCase(null, "carl@example.com", ExpectedResult = "c…@example.com")]
    [TestCase("carl", null, ExpectedResult = "C…")]
    [TestCase(null, null, ExpectedResult = "(erased)")]
    public string MaskFriend_KeepsOnlyInitialsAndTheDomain(string? name, string? email) => IntroductionsPage.MaskFriend(name, email);

    [Test]
    public async Task Insights_CompareReferredWithOtherCustomersByMonth_WithCountsAndSmallSamplesMarked()
    {
        var november = new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero);
        await using (var db = _bridge.Database.CreateDbContext())
        {
            var shop = await db.Tenants.SingleAsync(t => t.Key == ConnectBridge.Shop);
            var other = await db.Tenants.SingleAsync(t => t.Key == OtherShop);
            Guid friend = Guid.NewGuid(), regular = Guid.NewGuid(), advocate = Guid.NewGuid();
            var referral = new Referral(shop.Id, advocate, ReferralSource.Link, new ChainPosition(null, advocate, 1), "EUR", november.AddDays(-1)) { FriendContactId = friend };
            referral.Convert("F1", new Money(100m, "EUR"), "Code", false, null, november);
            db.Referrals.Add(referral);
            db.Orders.Add(new Order(shop.Id, "F1", "EUR", november) { ContactId = friend, Total = 100m, PaidAt = november });
            db.Orders.Add(new Order(shop.Id, "F2", "EUR", november) { ContactId = friend, Total = 50m, PaidAt = november.AddDays(5), RefundedAmount = 10m });
            db.Orders.Add(new Order(shop.Id, "R1", "EUR", november) { ContactId = regular, Total = 40m, PaidAt = november.AddDays(1) });
            db.Orders.Add(new Order(other.Id, "X1", "EUR", november) { ContactId = Guid.NewGuid(), Total = 12345m, PaidAt = november });
            await db.SaveChangesAsync();
        }

        var html = await _bridge.Client.GetStringAsync(new Uri($"/shops/{ConnectBridge.Shop}/insights?months=3", UriKind.Relative));

        Assert.That(html, Does.Contain("Sep 2026 to Nov 2026"));
        Assert.That(html, Does.Contain("70.00 EUR"), "referred: average order (150 - 10) / 2");
        Assert.That(html, Does.Contain("140.00 EUR"), "referred: revenue per customer");
        Assert.That(html, Does.Contain("100.0 %"), "referred: one customer, two orders in the month");
        Assert.That(html, Does.Contain("6.7 %"), "referred: 10 refunded of 150");
        Assert.That(html, Does.Contain("40.00 EUR"), "other: one order of 40");
        Assert.That(html, Does.Contain("title=\"Small sample\""));
        Assert.That(html, Does.Contain("Oct 2026").And.Contain("Sep 2026"), "empty months are listed too");
        Assert.That(html, Does.Not.Contain("12345").And.Not.Contain("12,345"), "another shop's orders stay out");
    }

    private async Task IntroduceAsync(string shop, string advocateName, string advocateEmail, string friendName, string friendEmail, bool optOut = false)
    {
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Key == shop);
        var advocate = await db.Contacts.FirstOrDefaultAsync(c => c.TenantId == tenant.Id && c.NormalizedEmail == advocateEmail);
        if (advocate is null)
        {
            advocate = new Contact(tenant.Id, ContactKind.Client, advocateEmail, advocateEmail, _bridge.Clock.GetUtcNow()) { FirstName = advocateName, LastName = "Holm" };
            db.Contacts.Add(advocate);
            await db.SaveChangesAsync();
        }

        var result = await scope.ServiceProvider.GetRequiredService<Introductions>()
            .IntroduceAsync(db, tenant, advocate, friendName, friendEmail, "You will like them.", true, IntroductionChannel.Email, CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(IntroductionStatus.Queued));
        if (optOut)
        {
            var suppression = await db.FriendSuppressions.SingleAsync(s => s.EmailHash == FriendEmailHash.Compute(tenant.Id, friendEmail));
            suppression.OptedOutAt = _bridge.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
    }
}
