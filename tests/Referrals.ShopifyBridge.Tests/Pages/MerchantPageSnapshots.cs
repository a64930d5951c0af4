using System.Net;
using System.Text;
using Referrals.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Core.Review;
using Referrals.Core.Rewards;
using Referrals.ShopifyBridge.Tests.Connections;

namespace Referrals.ShopifyBridge.Tests.Pages;

/// <summary>
/// Renders each merchant page over a shop with the documentation's sample data and checks that the sample shows, then
/// keeps the pages as standalone HTML files (their styles are inline) when <c>REFERRALS_SNAPSHOT_DIR</c> names a folder:
/// <c>REFERRALS_SNAPSHOT_DIR=/tmp/pages dotnet test --filter MerchantPageSnapshots</c>, then screenshot the files.
/// </summary>
public sealed class MerchantPageSnapshots
{
    [Test]
    public async Task WriteEveryPage_ShowingTheSampleData()
    {
        var keep = Environment.GetEnvironmentVariable("REFERRALS_SNAPSHOT_DIR");
        var directory = keep ?? Path.Combine(Path.GetTempPath(), "referrals-pages-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await WriteEveryPageAsync(directory);
            Assert.That(await File.ReadAllTextAsync(Path.Combine(directory, "bridge-status.html")), Does.Contain("The order has no customer e-mail."));
            Assert.That(await File.ReadAllTextAsync(Path.Combine(directory, "bridge-review.html")), Does.Contain("Velocity: 6 converted referrals in 24 hours"));
            Assert.That(await File.ReadAllTextAsync(Path.Combine(directory, "bridge-settings-invalid.html")), Does.Contain("Nothing was saved").And.Contain("Busy parents (removed)"));
            Assert.That(await File.ReadAllTextAsync(Path.Combine(directory, "bridge-settings.html")), Does.Contain("New home owners"));
            Assert.That(await File.ReadAllTextAsync(Path.Combine(directory, "bridge-introductions.html")), Does.Contain("Anna Holm").And.Contain("E-mail sent"));
            Assert.That(await File.ReadAllTextAsync(Path.Combine(directory, "bridge-insights.html")), Does.Contain("Small sample").And.Contain("Referred"));
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task WriteEveryPageAsync(string directory)
    {
        await using var bridge = await ConnectBridge.StartAsync();
        await bridge.InstallAsync();
        await SeedAsync(bridge);

        foreach (var (name, path) in new[]
        {
            ("status", "status"), ("settings", "settings"), ("review", "review"), ("rewards", "rewards"),
            ("introductions", "introductions"), ("insights", "insights?months=6"),
        })
        {
            var response = await bridge.Client.GetAsync(new Uri($"/shops/{ConnectBridge.Shop}/{path}", UriKind.Relative));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), name);
            await File.WriteAllTextAsync(Path.Combine(directory, $"bridge-{name}.html"), await response.Content.ReadAsStringAsync());
        }

        // The settings page after an invalid save: problems next to their fields.
        var form = await bridge.Client.GetStringAsync(new Uri($"/shops/{ConnectBridge.Shop}/settings", UriKind.Relative));
        var fields = MerchantForms.Fields(form);
        fields["__RequestVerificationToken"] = ConnectBridge.AntiforgeryToken(form);
        fields["Templates:ReferralAskText"] = "Hi {{ first_name }}, tell your friends about us!";
        fields["AdvocateReward:FixedAmount"] = "-5";
        fields["FriendOffer:Type"] = "Percentage";
        fields["FriendOffer:Value"] = "150";
        fields["CharitySharePercent"] = "10";
        fields["Causes"] = "";
        fields["IdealClients:2:Who"] = "people who rent";
        // Clearing a profile a step still names: the problem sits at that step's picker.
        foreach (var part in new[] { "Name", "Who", "Situation", "Benefit" })
        {
            fields[$"IdealClients:1:{part}"] = "";
        }

        using var content = new FormUrlEncodedContent(fields);
        var invalid = await bridge.Client.PostAsync(new Uri($"/shops/{ConnectBridge.Shop}/settings", UriKind.Relative), content);
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        await File.WriteAllTextAsync(Path.Combine(directory, "bridge-settings-invalid.html"), await invalid.Content.ReadAsStringAsync());
    }

    private static async Task SeedAsync(ConnectBridge bridge)
    {
        var tenant = (await bridge.TenantAsync())!;
        var now = bridge.Clock.GetUtcNow();
        await using var db = bridge.Database.CreateDbContext();
        tenant.Settings.Templates.ReferralAskText = "Refer a friend now and earn money! {{ referral_link }}\n{{ unsubscribe_link }}";
        tenant.Settings.IdealClients =
        [
            new IdealClientProfile { Name = "New home owners", Who = "families who have just moved in", Situation = "has just bought a house", Benefit = "We get the garden ready before the first summer." },
            new IdealClientProfile { Name = "Busy parents", Who = "parents short of time", Situation = "has a garden but no free weekends", Benefit = "We keep it tidy without them lifting a finger." },
        ];
        tenant.Settings.Timeline.AdvocateNews.Enabled = true;
        tenant.Settings.Timeline.Purchase.IdealClientName = "New home owners";
        tenant.Settings.Timeline.Cadence.IdealClientName = "Busy parents";
        db.Tenants.Update(tenant);
        for (var i = 0; i < 12; i++)
        {
            var topic = i % 3 == 0 ? "refunds/create" : "orders/paid";
            db.Inbox.Add(new InboxMessage("shopify", $"d-{i}", null, topic, ConnectBridge.Shop, Encoding.UTF8.GetBytes("{}"), now.AddMinutes(-5 * i))
            {
                ProcessedAt = i < 9 ? now.AddMinutes(-5 * i) : null,
                DeadLetteredAt = i is 9 or 10 ? now.AddMinutes(-1) : null,
                Attempts = i is 9 or 10 ? 8 : i == 4 ? 1 : 0,
                LastError = i is 9 or 10 ? "Referrals.Core.Messaging.PermanentMessageException: The order has no customer e-mail." : null,
            });
        }

        db.Outbox.Add(new OutboxMessage(tenant.Id, "reward.issue", "ledger-1", "{}", now) { DeadLetteredAt = now, Attempts = 8, LastError = "Shopify answered 403: the app lacks write_store_credit_account_transactions." });
        db.Outbox.Add(new OutboxMessage(tenant.Id, "reward.issue", "ledger-2", "{}", now));
        db.ReviewItems.Add(new ReviewItem(tenant.Id, Guid.NewGuid(), "Velocity: 6 converted referrals in 24 hours", now.AddHours(-20), now.AddHours(52)));
        db.ReviewItems.Add(new ReviewItem(tenant.Id, Guid.NewGuid(), "SharedAddress: the friend's shipping address matches the advocate's", now.AddHours(-3), now.AddHours(69)));
        for (var i = 0; i < 8; i++)
        {
            var entry = LedgerEntry.PendingReward(tenant.Id, $"#10{i:00}", i % 4 == 3 ? Beneficiary.Friend : Beneficiary.Advocate, Guid.NewGuid(), null, null,
                RewardKind.StoreCredit, new Money(10m + (i * 2.5m), "EUR"), now.AddDays(30 - i), now.AddDays(-i));
            if (i > 4)
            {
                entry.Approve(now);
            }

            db.Ledger.Add(entry);
        }

        await db.SaveChangesAsync();
        await SeedIntroductionsAsync(bridge, now);
        await SeedOrdersAsync(bridge, tenant.Id, now);
    }

    private static async Task SeedIntroductionsAsync(ConnectBridge bridge, DateTimeOffset now)
    {
        await using var scope = bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var introductions = scope.ServiceProvider.GetRequiredService<Introductions>();
        var tenant = await db.Tenants.SingleAsync(t => t.Key == ConnectBridge.Shop);
        var anna = new Contact(tenant.Id, ContactKind.Client, "anna@example.com", "anna@example.com", now) { FirstName = "Anna", LastName = "Holm" };
        var bo = new Contact(tenant.Id, ContactKind.Client, "bo@example.com", "bo@example.com", now) { FirstName = "Bo", LastName = "Berg" };
        db.Contacts.AddRange(anna, bo);
        await db.SaveChangesAsync();
        foreach (var (advocate, name, email) in new[] { (anna, "Carl", "carl@example.com"), (bo, "Dora", "dora@example.org"), (anna, "Eve", "eve@example.net") })
        {
            await introductions.IntroduceAsync(db, tenant, advocate, name, email, "You will love their work.", true, IntroductionChannel.Email, CancellationToken.None);
        }

        // The first introduction's e-mail went out; the others wait in the outbox.
        var first = await db.Outbox.OrderBy(m => m.Id).FirstAsync(m => m.Kind == Introductions.EmailKind);
        first.ProcessedAt = now;
        await db.SaveChangesAsync();
    }

    private static async Task SeedOrdersAsync(ConnectBridge bridge, Guid tenantId, DateTimeOffset now)
    {
        await using var db = bridge.Database.CreateDbContext();
        var advocate = Guid.NewGuid();
        for (var month = 0; month < 4; month++)
        {
            var at = new DateTimeOffset(now.Year, now.Month, 2, 12, 0, 0, TimeSpan.Zero).AddMonths(-month);
            for (var i = 0; i < 6 + (month * 2); i++)
            {
                var friend = Guid.NewGuid();
                var referral = new Referral(tenantId, advocate, ReferralSource.Link, new ChainPosition(null, advocate, 1), "EUR", at.AddDays(-1)) { FriendContactId = friend };
                referral.Convert($"F{month}-{i}", new Money(80m + i, "EUR"), "Code", false, null, at);
                db.Referrals.Add(referral);
                db.Orders.Add(new Order(tenantId, $"F{month}-{i}", "EUR", at) { ContactId = friend, Total = 80m + i, PaidAt = at });
                if (i % 2 == 0)
                {
                    db.Orders.Add(new Order(tenantId, $"F{month}-{i}b", "EUR", at) { ContactId = friend, Total = 45m, PaidAt = at.AddDays(8) });
                }
            }

            for (var i = 0; i < 40; i++)
            {
                var customer = Guid.NewGuid();
                db.Orders.Add(new Order(tenantId, $"O{month}-{i}", "EUR", at) { ContactId = customer, Total = 55m + (i % 7), PaidAt = at.AddDays(i % 10), RefundedAmount = i % 9 == 0 ? 20m : 0m });
                if (i % 5 == 0)
                {
                    db.Orders.Add(new Order(tenantId, $"O{month}-{i}b", "EUR", at) { ContactId = customer, Total = 30m, PaidAt = at.AddDays(12) });
                }
            }
        }

        await db.SaveChangesAsync();
    }
}
