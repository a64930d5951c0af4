using System.Net;
using System.Text;
using Referrals.Core;
using Referrals.Core.Messaging;
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
            Assert.That(await File.ReadAllTextAsync(Path.Combine(directory, "bridge-settings-invalid.html")), Does.Contain("Nothing was saved"));
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
        })
        {
            var response = await bridge.Client.GetAsync(new Uri($"/shops/{ConnectBridge.Shop}/{path}", UriKind.Relative));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), name);
            await File.WriteAllTextAsync(Path.Combine(directory, $"bridge-{name}.html"), await response.Content.ReadAsStringAsync());
        }

        // The settings page after an invalid save: problems next to their fields.
        var form = await bridge.Client.GetStringAsync(new Uri($"/shops/{ConnectBridge.Shop}/settings", UriKind.Relative));
        var templates = new Core.Asks.AskTemplateSet();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Templates:SatisfactionSubject"] = templates.SatisfactionSubject, ["Templates:SatisfactionHtml"] = templates.SatisfactionHtml,
            ["Templates:SatisfactionText"] = templates.SatisfactionText, ["Templates:ReferralAskSubject"] = templates.ReferralAskSubject,
            ["Templates:ReferralAskHtml"] = templates.ReferralAskHtml, ["Templates:ReferralAskText"] = "Hi {{ first_name }}, tell your friends about us!",
            ["Templates:ThankYouSubject"] = templates.ThankYouSubject, ["Templates:ThankYouHtml"] = templates.ThankYouHtml,
            ["Templates:ThankYouText"] = templates.ThankYouText, ["Templates:ServiceRecoveryTask"] = templates.ServiceRecoveryTask,
            ["__RequestVerificationToken"] = ConnectBridge.AntiforgeryToken(form),
            ["Currency"] = "EUR", ["Locale"] = "en", ["MonthlyGoal"] = "20",
            ["AdvocateReward:Kind"] = "StoreCredit", ["AdvocateReward:FixedAmount"] = "-5", ["AdvocateReward:PercentOfOrder"] = "0",
            ["FriendOffer:Type"] = "Percentage", ["FriendOffer:Value"] = "150",
            ["HoldDays"] = "30", ["AttributionWindowDays"] = "30", ["MinimumOrderAmount"] = "0", ["FirstOrderOnly"] = "true",
            ["Gate:PromoterMinimum"] = "9", ["Gate:DetractorMaximum"] = "6", ["Timeline:FrequencyCapDays"] = "30",
            ["ReviewWindowHours"] = "72", ["ReviewLapsePolicy"] = "ApproveOnLapse", ["CharitySharePercent"] = "10", ["Causes"] = "",
        });
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
    }
}
