using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referrals.Core;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Review;
using Referrals.Core.Rewards;
using Referrals.ShopifyBridge.Merchants;
using Referrals.ShopifyBridge.Tests.Connections;
using Referrals.Testing.Databases;

namespace Referrals.ShopifyBridge.Tests.Pages;

/// <summary>
/// The merchant pages over the real bridge: who may open them, a merchant confined to their own shop, the settings
/// form's validation, review decisions, dead-letter retry and antiforgery on every POST; on SQLite and PostgreSQL.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class MerchantPagesTests
{
    private const string OtherShop = "globex.myshopify.com";

    private static readonly string[] ShopPagePaths = ["status", "settings", "review", "rewards", "introductions", "insights"];

    private readonly StorageProvider _provider;
    private ConnectBridge _bridge = null!;

    public MerchantPagesTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp() => _bridge = await ConnectBridge.StartAsync(_provider);

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    private static Uri Page(string shop, string page) => new($"/shops/{shop}/{page}", UriKind.Relative);

    [TestCase("/shops/acme.myshopify.com/status")]
    [TestCase("/shops/acme.myshopify.com/settings")]
    [TestCase("/shops/acme.myshopify.com/review")]
    [TestCase("/shops/acme.myshopify.com/rewards")]
    [TestCase("/shops/acme.myshopify.com/introductions")]
    [TestCase("/shops/acme.myshopify.com/insights")]
    [TestCase("/hangfire")]
    public async Task APage_RedirectsAnonymousVisitorsToTheLogin(string path)
    {
        var response = await _bridge.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo(MerchantAuthorization.LoginPath));
    }

    [TestCase("/shops/acme.myshopify.com/settings")]
    [TestCase("/hangfire")]
    public async Task APage_Answers401_ToAnonymousScriptRequests(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");

        var response = await _bridge.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AnAnonymousPost_ChangesNothing()
    {
        await _bridge.InstallAsync();
        var id = await AddDeadLetterAsync(ConnectBridge.Shop);
        using var anonymous = _bridge.NewClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>());

        var response = await anonymous.PostAsync(new Uri($"/shops/{ConnectBridge.Shop}/dead-letters/inbox/{id}/retry", UriKind.Relative), content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo(MerchantAuthorization.LoginPath));
        Assert.That(await IsDeadAsync(id), Is.True);
    }

    [Test]
    public async Task EveryShopPage_OpensForItsMerchant_AndIsUsableOnAPhone()
    {
        await _bridge.InstallAsync();

        foreach (var page in ShopPagePaths)
        {
            var response = await _bridge.Client.GetAsync(Page(ConnectBridge.Shop, page));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("name=\"viewport\"").And.Contain(ConnectBridge.Shop), page);
        }
    }

    [Test]
    public async Task AMerchant_CannotOpenOrChangeAnotherShop()
    {
        await _bridge.InstallAsync(OtherShop);
        var otherDead = await AddDeadLetterAsync(OtherShop, topic: "orders/secret-topic");
        await _bridge.InstallAsync();
        var form = await _bridge.Client.GetStringAsync(Page(ConnectBridge.Shop, "settings"));

        foreach (var page in ShopPagePaths)
        {
            var response = await _bridge.Client.GetAsync(Page(OtherShop, page));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), page);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("orders/secret-topic"), page);
        }

        // Its own shop's URL with the other shop's message id: the id is not found for this shop.
        var viaOwnShop = await PostAsync($"/shops/{ConnectBridge.Shop}/dead-letters/inbox/{otherDead}/retry", form, []);
        var viaOtherShop = await PostAsync($"/shops/{OtherShop}/dead-letters/inbox/{otherDead}/retry", form, []);

        Assert.That(viaOwnShop.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(viaOtherShop.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await IsDeadAsync(otherDead), Is.True);
        Assert.That(await _bridge.Client.GetStringAsync(Page(ConnectBridge.Shop, "status")), Does.Not.Contain("orders/secret-topic"));
    }

    [Test]
    public async Task TheOperator_SeesEveryShop()
    {
        await _bridge.InstallAsync(OtherShop);
        await AddDeadLetterAsync(OtherShop, topic: "orders/secret-topic");
        using var operatorBrowser = _bridge.NewClient();
        await _bridge.SignInOperatorAsync(operatorBrowser);

        var status = await operatorBrowser.GetAsync(Page(OtherShop, "status"));

        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await status.Content.ReadAsStringAsync(), Does.Contain("orders/secret-topic"));
    }

    [Test]
    public async Task TheStatusPage_CountsPerTopic_AndRetryRequeuesADeadLetter()
    {
        await _bridge.InstallAsync();
        var dead = await AddDeadLetterAsync(ConnectBridge.Shop);
        await AddDeadLetterAsync(ConnectBridge.Shop, processed: true);
        var page = await _bridge.Client.GetStringAsync(Page(ConnectBridge.Shop, "status"));
        Assert.That(page, Does.Contain("orders/paid").And.Contain("boom &lt;script&gt;"), "the error is shown, encoded");

        var retry = await PostAsync($"/shops/{ConnectBridge.Shop}/dead-letters/inbox/{dead}/retry", page, []);
        var again = await PostAsync($"/shops/{ConnectBridge.Shop}/dead-letters/inbox/{dead}/retry", page, []);

        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a requeued message is no longer a dead letter");
        Assert.That(await IsDeadAsync(dead), Is.False);
        await using var db = _bridge.Database.CreateDbContext();
        var row = await db.Inbox.SingleAsync(m => m.Id == dead);
        Assert.That((row.Attempts, row.ProcessedAt), Is.EqualTo((0, (DateTimeOffset?)null)));
    }

    [Test]
    public async Task EveryPost_IsRefused_WithoutTheAntiforgeryToken()
    {
        await _bridge.InstallAsync();
        var dead = await AddDeadLetterAsync(ConnectBridge.Shop);
        var item = await AddReviewItemAsync();
        var before = (await _bridge.TenantAsync())!.Settings.HoldDays;

        var retry = await PostAsync($"/shops/{ConnectBridge.Shop}/dead-letters/inbox/{dead}/retry", html: null, []);
        var review = await PostAsync($"/shops/{ConnectBridge.Shop}/review/{item}", html: null, new() { ["decision"] = "approve" });
        var settings = await PostAsync($"/shops/{ConnectBridge.Shop}/settings", html: null, new() { ["HoldDays"] = "45" });

        Assert.That(new[] { retry.StatusCode, review.StatusCode, settings.StatusCode }, Is.All.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await IsDeadAsync(dead), Is.True);
        await using var db = _bridge.Database.CreateDbContext();
        Assert.That((await db.ReviewItems.SingleAsync()).Status, Is.EqualTo(ReviewStatus.Open));
        Assert.That((await _bridge.TenantAsync())!.Settings.HoldDays, Is.EqualTo(before));
    }

    [Test]
    public async Task Settings_SaveEveryField_WhenValid()
    {
        await _bridge.InstallAsync();
        var page = await _bridge.Client.GetStringAsync(Page(ConnectBridge.Shop, "settings"));
        var fields = FormFields(page);
        fields["HoldDays"] = "45";
        fields["AdvocateReward:FixedAmount"] = "12.50";
        fields["FriendReward:Enabled"] = "true";
        fields["FriendReward:FixedAmount"] = "5";
        fields["CharitySharePercent"] = "10";
        fields["Causes"] = "red-cross | Red Cross";
        fields["Timeline:FrequencyCapDays"] = "60";
        fields.Remove("FirstOrderOnly");

        var response = await PostAsync($"/shops/{ConnectBridge.Shop}/settings", page, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var settings = (await _bridge.TenantAsync())!.Settings;
        Assert.That(settings.HoldDays, Is.EqualTo(45));
        Assert.That(settings.AdvocateReward.FixedAmount, Is.EqualTo(12.50m));
        Assert.That(settings.FriendReward?.FixedAmount, Is.EqualTo(5m));
        Assert.That(settings.FirstOrderOnly, Is.False);
        Assert.That(settings.Causes.Select(c => (c.Id, c.Name)), Is.EqualTo(new[] { ("red-cross", "Red Cross") }));
        Assert.That(settings.Timeline.FrequencyCapDays, Is.EqualTo(60));
        Assert.That(settings.Templates.ReferralAskHtml, Is.EqualTo(new Core.Asks.AskTemplateSet().ReferralAskHtml), "untouched templates round-trip");
    }

    [Test]
    public async Task Settings_ShowEachProblemNextToItsField_AndSaveNothing_WhenInvalid()
    {
        await _bridge.InstallAsync();
        var before = (await _bridge.TenantAsync())!.Settings;
        var page = await _bridge.Client.GetStringAsync(Page(ConnectBridge.Shop, "settings"));
        var fields = FormFields(page);
        fields["HoldDays"] = "400";
        fields["MonthlyGoal"] = "lots";
        fields["CharitySharePercent"] = "10";
        fields["Causes"] = "";
        fields["Templates:ReferralAskText"] = "Hi {{ first_name }}, no link here <script>";

        var response = await PostAsync($"/shops/{ConnectBridge.Shop}/settings", page, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(html, Does.Contain("Nothing was saved"));
        Assert.That(ProblemAfter(html, "HoldDays"), Does.Contain("outside 0-365"));
        Assert.That(ProblemAfter(html, "MonthlyGoal"), Does.Contain("not a whole number"));
        Assert.That(ProblemAfter(html, "Templates-ReferralAskText"), Does.Contain("referral_link"));
        Assert.That(html, Does.Contain("no link here &lt;script&gt;").And.Not.Contain("<script>"), "what was typed is kept, encoded");
        var after = (await _bridge.TenantAsync())!.Settings;
        Assert.That((after.HoldDays, after.CharitySharePercent, after.Templates.ReferralAskText), Is.EqualTo((before.HoldDays, before.CharitySharePercent, before.Templates.ReferralAskText)));
    }

    [Test]
    public async Task Settings_ShowCrossFieldProblems_WhenOnlyTheValidatorCatchesThem()
    {
        await _bridge.InstallAsync();
        var page = await _bridge.Client.GetStringAsync(Page(ConnectBridge.Shop, "settings"));
        var fields = FormFields(page);
        fields["CharitySharePercent"] = "10";
        fields["Causes"] = "";

        var response = await PostAsync($"/shops/{ConnectBridge.Shop}/settings", page, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(ProblemAfter(await response.Content.ReadAsStringAsync(), "Causes"), Does.Contain("no causes"));
        Assert.That((await _bridge.TenantAsync())!.Settings.CharitySharePercent, Is.Zero);
    }

    [Test]
    public async Task Settings_ShowWordingFindingsNextToTheTemplate_AndStillSave()
    {
        await _bridge.InstallAsync();
        var page = await _bridge.Client.GetStringAsync(Page(ConnectBridge.Shop, "settings"));
        var fields = FormFields(page);
        fields["Templates:ReferralAskText"] = "Refer a friend now: {{ referral_link }} {{ unsubscribe_link }}";

        var saved = await PostAsync($"/shops/{ConnectBridge.Shop}/settings", page, fields);
        var after = await _bridge.Client.GetStringAsync(Page(ConnectBridge.Shop, "settings"));

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "wording findings are advice");
        Assert.That((await _bridge.TenantAsync())!.Settings.Templates.ReferralAskText, Does.StartWith("Refer a friend now"));
        Assert.That(FindingAfter(after, "Templates-ReferralAskText"), Is.Not.Empty);
    }

    [Test]
    public async Task Review_ApprovesAndRejects_ThroughTheReviewQueue()
    {
        await _bridge.InstallAsync();
        var approveId = await AddReviewItemAsync();
        var rejectId = await AddReviewItemAsync();
        var page = await _bridge.Client.GetStringAsync(Page(ConnectBridge.Shop, "review"));
        Assert.That(page, Does.Contain("Velocity &amp; shared address"));

        var approve = await PostAsync($"/shops/{ConnectBridge.Shop}/review/{approveId}", page, new() { ["decision"] = "approve" });
        var rejectWithoutReason = await PostAsync($"/shops/{ConnectBridge.Shop}/review/{rejectId}", page, new() { ["decision"] = "reject", ["note"] = " " });
        var reject = await PostAsync($"/shops/{ConnectBridge.Shop}/review/{rejectId}", page, new() { ["decision"] = "reject", ["note"] = "Same person" });
        var twice = await PostAsync($"/shops/{ConnectBridge.Shop}/review/{rejectId}", page, new() { ["decision"] = "approve" });

        Assert.That(approve.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(rejectWithoutReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await rejectWithoutReason.Content.ReadAsStringAsync(), Does.Contain("Say why"));
        Assert.That(reject.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        await using var db = _bridge.Database.CreateDbContext();
        var items = await db.ReviewItems.AsNoTracking().ToDictionaryAsync(i => i.Id);
        Assert.That(items[approveId].Status, Is.EqualTo(ReviewStatus.Approved));
        Assert.That((items[rejectId].Status, items[rejectId].Note, items[rejectId].DecidedBy), Is.EqualTo((ReviewStatus.Rejected, "Same person", ConnectBridge.Shop)));
        Assert.That(await db.AuditLog.CountAsync(a => a.Action.StartsWith("review.")), Is.EqualTo(2));
    }

    [Test]
    public async Task Rewards_FilterByState_AndPage()
    {
        await _bridge.InstallAsync();
        var tenant = (await _bridge.TenantAsync())!;
        await using (var db = _bridge.Database.CreateDbContext())
        {
            var now = _bridge.Clock.GetUtcNow();
            for (var i = 0; i < 30; i++)
            {
                var entry = LedgerEntry.PendingReward(tenant.Id, $"order-{i:00}", Beneficiary.Advocate, Guid.NewGuid(), null, null, RewardKind.StoreCredit,
                    new Money(10m + i, "EUR"), now.AddDays(30), now.AddMinutes(i));
                if (i % 3 == 0)
                {
                    entry.Approve(now.AddMinutes(i));
                }

                db.Ledger.Add(entry);
            }

            await db.SaveChangesAsync();
        }

        var first = await _bridge.Client.GetStringAsync(new Uri($"/shops/{ConnectBridge.Shop}/rewards", UriKind.Relative));
        var second = await _bridge.Client.GetStringAsync(new Uri($"/shops/{ConnectBridge.Shop}/rewards?page=2", UriKind.Relative));
        var approved = await _bridge.Client.GetStringAsync(new Uri($"/shops/{ConnectBridge.Shop}/rewards?state=Approved", UriKind.Relative));

        Assert.That(first, Does.Contain("30 entries").And.Contain("order-29").And.Not.Contain("order-04").And.Contain("Page 1 of 2"));
        Assert.That(second, Does.Contain("order-04").And.Not.Contain("order-29"));
        Assert.That(approved, Does.Contain("10 entries").And.Contain("order-27").And.Not.Contain("order-28"));
        Assert.That(first, Does.Contain("39.00 EUR"));
    }

    [Test]
    public async Task TheHangfireDashboard_IsForTheOperatorOnly()
    {
        await _bridge.InstallAsync();
        var merchant = await _bridge.Client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        using var operatorBrowser = _bridge.NewClient();
        await _bridge.SignInOperatorAsync(operatorBrowser);

        var dashboard = await operatorBrowser.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.That(merchant.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await dashboard.Content.ReadAsStringAsync(), Does.Contain("Hangfire"));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string? html, Dictionary<string, string> fields)
    {
        var body = new Dictionary<string, string>(fields);
        if (html is not null)
        {
            body["__RequestVerificationToken"] = ConnectBridge.AntiforgeryToken(html);
        }

        using var content = new FormUrlEncodedContent(body);
        return await _bridge.Client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private async Task<long> AddDeadLetterAsync(string shop, string topic = "orders/paid", bool processed = false)
    {
        await using var db = _bridge.Database.CreateDbContext();
        var message = new InboxMessage("shopify", Guid.NewGuid().ToString("N"), null, topic, shop, Encoding.UTF8.GetBytes("{}"), _bridge.Clock.GetUtcNow())
        {
            Attempts = 8,
            LastError = "boom <script>",
        };
        if (processed)
        {
            message.ProcessedAt = _bridge.Clock.GetUtcNow();
        }
        else
        {
            message.DeadLetteredAt = _bridge.Clock.GetUtcNow();
        }

        db.Inbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<bool> IsDeadAsync(long id)
    {
        await using var db = _bridge.Database.CreateDbContext();
        return await db.Inbox.AnyAsync(m => m.Id == id && m.DeadLetteredAt != null);
    }

    private async Task<Guid> AddReviewItemAsync()
    {
        var tenant = (await _bridge.TenantAsync())!;
        await using var db = _bridge.Database.CreateDbContext();
        var now = _bridge.Clock.GetUtcNow();
        var item = new ReviewItem(tenant.Id, Guid.NewGuid(), "Velocity & shared address", now, now.AddHours(72));
        db.ReviewItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private static Dictionary<string, string> FormFields(string html) => MerchantForms.Fields(html);

    private static string ProblemAfter(string html, string id) => MerchantForms.ProblemAfter(html, id);

    private static string FindingAfter(string html, string id) => MerchantForms.FindingAfter(html, id);
}
