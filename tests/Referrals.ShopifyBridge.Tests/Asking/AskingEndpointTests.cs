using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Email;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Satisfaction;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Databases;

namespace Referrals.ShopifyBridge.Tests.Asking;

/// <summary>The rating and unsubscribe pages of the real bridge, reached through links the engine itself builds.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class AskingEndpointTests
{
    private const string PublicBaseUrl = "https://shop.example";
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly StorageProvider _provider;
    private WebhookBridge _bridge = null!;
    private Tenant _shop = null!;
    private Ask _ask = null!;

    public AskingEndpointTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private static Dictionary<string, string?> Settings => new()
    {
        ["Referrals:Links:SigningKey"] = Convert.ToBase64String(Key),
        ["Referrals:Links:PublicBaseUrl"] = PublicBaseUrl,
    };

    private DateTimeOffset Now => _bridge.Clock.GetUtcNow();

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync(_provider, Settings);
        _shop = await _bridge.ConnectShopAsync();
        _ask = await SentAskAsync(_bridge, _shop);
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    private static async Task<Ask> SentAskAsync(WebhookBridge bridge, Tenant shop)
    {
        await using var scope = bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var contact = await scope.ServiceProvider.GetRequiredService<ContactDirectory>().UpsertAsync(
            db, shop.Id, new CustomerInfo { Email = "pat@example.com", FirstName = "Pat", AcceptsMarketing = true }, ContactKind.Client, CancellationToken.None);
        await db.SaveChangesAsync();
        var now = bridge.Clock.GetUtcNow();
        var ask = Ask.FromPlan(shop.Id, contact.Id, AskTrigger.Purchase, "1001", AskPlan.Schedule(now, AskChannel.Email), now);
        ask.MarkSent(now);
        db.Asks.Add(ask);
        await db.SaveChangesAsync();
        return ask;
    }

    // The path of the link the e-mail carries for this score, built by the engine.
    private string RatePath(int score, TimeSpan? lifetime = null) =>
        RatingLinks.ForAllScores(new RatingLinkSigner(Key), new Uri(PublicBaseUrl), _ask.TenantId, _ask.Id, _ask.ContactId, Now + (lifetime ?? TimeSpan.FromDays(14)))[score]
            .PathAndQuery;

    private string UnsubscribePath() => new UnsubscribeLinks(Key).CreateLink(new Uri(PublicBaseUrl), _ask.TenantId, _ask.ContactId).PathAndQuery;

    private static string Tampered(string path)
    {
        var last = path[^1];
        return path[..^1] + (last == 'A' ? 'B' : 'A');
    }

    private Task<HttpResponseMessage> PostAsync(string path, HttpClient? client = null) =>
        (client ?? _bridge.Client).PostAsync(path, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));

    private Task<Ask> StoredAskAsync() => _bridge.QueryAsync(db => db.Asks.SingleAsync(a => a.Id == _ask.Id));

    private Task<Contact> ContactAsync() => _bridge.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == _ask.ContactId));

    [Test]
    public async Task GetRate_ShowsTheScoreAndAConfirmButton_ButRecordsNothing()
    {
        var response = await _bridge.Client.GetAsync(RatePath(9));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Send my answer: 9"));
        Assert.That(html, Does.Contain("<form method=\"post\">"));
        Assert.That(html, Does.Contain("name=\"viewport\""));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        Assert.That((await StoredAskAsync()).State, Is.EqualTo(AskState.Sent), "a scanner fetching the link answers nothing");
    }

    [Test]
    public async Task PostRate_RecordsAPromoterAndShowsTheirReferralLinkAndTheFriendOffer()
    {
        var response = await PostAsync(RatePath(9));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        var code = await _bridge.QueryAsync(db => db.ReferralCodes.SingleAsync(c => c.AdvocateContactId == _ask.ContactId));
        Assert.That(html, Does.Contain($"https://{_shop.Key}/apps/referrals/r/{code.Display}"), "a shop's link goes through its storefront");
        Assert.That(html, Does.Contain(FriendOfferPhrase.For(_shop.Settings.FriendOffer, _shop.Settings.Currency)));
        Assert.That(html, Does.Contain("Who do you know"));
        var ask = await StoredAskAsync();
        Assert.That(ask.State, Is.EqualTo(AskState.Answered));
        Assert.That(ask.Score, Is.EqualTo(9));
    }

    [Test]
    public async Task PostRate_ThanksAPassive_WithoutAReferralLink()
    {
        var response = await PostAsync(RatePath(7));

        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("Thank you for telling Acme how we did"));
        Assert.That(html, Does.Not.Contain("/r/"));
        Assert.That((await StoredAskAsync()).Score, Is.EqualTo(7));
        Assert.That(await _bridge.QueryAsync(db => db.ReferralCodes.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task PostRate_ApologisesToADetractor_AndSaysSomeoneWillGetInTouch()
    {
        var response = await PostAsync(RatePath(3));

        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("We&#39;re sorry").Or.Contain("We're sorry"));
        Assert.That(html, Does.Contain("will get in touch"));
        Assert.That(html, Does.Not.Contain("/r/"));
        Assert.That((await ContactAsync()).LastSatisfactionScore, Is.EqualTo(3));
    }

    [Test]
    public async Task PostRate_SaysTheAnswerWasAlreadyRecorded_AndChangesNothing_WhenReplayed()
    {
        await PostAsync(RatePath(9));

        var replay = await PostAsync(RatePath(2));
        var again = await _bridge.Client.GetAsync(RatePath(9));

        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await replay.Content.ReadAsStringAsync(), Does.Contain("already recorded"));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("already recorded"));
        Assert.That((await StoredAskAsync()).Score, Is.EqualTo(9));
        Assert.That((await ContactAsync()).LastSatisfactionScore, Is.EqualTo(9));
    }

    [Test]
    public async Task Rate_Returns400SayingTheLinkExpired_WhenItsLifetimeHasPassed()
    {
        var path = RatePath(9, TimeSpan.FromDays(14));
        _bridge.Clock.Advance(TimeSpan.FromDays(14));

        var get = await _bridge.Client.GetAsync(path);
        var post = await PostAsync(path);

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await post.Content.ReadAsStringAsync(), Does.Contain("expired"));
        Assert.That((await StoredAskAsync()).State, Is.EqualTo(AskState.Sent));
    }

    [Test]
    public async Task Rate_Returns400_WhenTheTokenWasTampered()
    {
        var path = Tampered(RatePath(9));

        var get = await _bridge.Client.GetAsync(path);
        var post = await PostAsync(path);

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await post.Content.ReadAsStringAsync(), Does.Contain("was changed"));
        Assert.That((await StoredAskAsync()).State, Is.EqualTo(AskState.Sent));
    }

    [Test]
    public async Task Rate_Returns404_WhenTheAskNoLongerExists()
    {
        var path = RatePath(9);
        await _bridge.QueryAsync(db => db.Asks.Where(a => a.Id == _ask.Id).ExecuteDeleteAsync());

        Assert.That((await _bridge.Client.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await PostAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task GetUnsubscribe_ShowsAConfirmButton_ButKeepsConsent()
    {
        var response = await _bridge.Client.GetAsync(UnsubscribePath());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("name=\"List-Unsubscribe\" value=\"One-Click\""));
        Assert.That((await ContactAsync()).MarketingConsent, Is.True);
    }

    [Test]
    public async Task PostUnsubscribe_TurnsConsentOff_AsAnRfc8058OneClickRequest_AndAgainHarmlessly()
    {
        var first = await PostAsync(UnsubscribePath());
        var second = await PostAsync(UnsubscribePath());

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("unsubscribed"));
        Assert.That((await ContactAsync()).MarketingConsent, Is.False);
    }

    [Test]
    public async Task Unsubscribe_Returns400AndKeepsConsent_WhenTheTokenWasTampered()
    {
        var path = Tampered(UnsubscribePath());

        Assert.That((await _bridge.Client.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await PostAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ContactAsync()).MarketingConsent, Is.True);
    }

    [Test]
    public async Task RateAndUnsubscribe_WorkOverKestrel()
    {
        await using var live = await WebhookBridge.StartAsync(_provider, Settings, kestrel: true);
        var shop = await live.ConnectShopAsync();
        var ask = await SentAskAsync(live, shop);
        var rate = RatingLinks.ForAllScores(new RatingLinkSigner(Key), new Uri(PublicBaseUrl), ask.TenantId, ask.Id, ask.ContactId, live.Clock.GetUtcNow().AddDays(1))[10].PathAndQuery;
        var unsubscribe = new UnsubscribeLinks(Key).CreateLink(new Uri(PublicBaseUrl), ask.TenantId, ask.ContactId).PathAndQuery;
        Assert.That(live.Client.BaseAddress!.IsLoopback, Is.True);

        Assert.That((await live.Client.GetAsync(rate)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await PostAsync(rate, live.Client)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await PostAsync(unsubscribe, live.Client)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await live.QueryAsync(db => db.Asks.Select(a => a.Score).SingleAsync()), Is.EqualTo(10));
        Assert.That(await live.QueryAsync(db => db.Contacts.Select(c => c.MarketingConsent).SingleAsync()), Is.False);
    }
}
