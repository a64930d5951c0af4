using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Satisfaction;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.AppProxy;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.AppProxy;

/// <summary>The app-proxy pages of the real bridge over SQLite, called as Shopify forwards them (signed query strings).</summary>
public sealed partial class AppProxyEndpointTests
{
    private const string Code = "ALICE-7KQ2M9";
    private const long AliceId = 42;
    private const long FriendId = 77;
    private WebhookBridge _bridge = null!;
    private Tenant _tenant = null!;
    private Contact _alice = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Referrals:Shopify:AppProxy:InvitePermitLimit"] = "3",
            ["Referrals:Links:SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()),
        });
        _client = _bridge.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _tenant = await _bridge.ConnectShopAsync();
        _alice = await _bridge.CreateAdvocateAsync(_tenant, "alice@example.com", Code); // Shopify customer 42
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _bridge.DisposeAsync();
    }

    [Test]
    public async Task ALinkVisitAppliesTheCodeOnTheShopAndMarksTheSignedInFriendsInvitationVisited()
    {
        var referral = await InviteFriendAsync();
        await AddCustomerAsync("bob@example.com", FriendId);

        var response = await GetAsync($"/shopify/proxy/r/{Code.ToLowerInvariant()}", FriendId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"/discount/{Code}?redirect=%2F"));
        await _bridge.Services.GetRequiredService<ReferralVisits>().FlushAsync(CancellationToken.None); // written after the redirect
        var visited = await _bridge.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referral));
        Assert.That(visited.State, Is.EqualTo(ReferralState.Visited));
        Assert.That(visited.VisitedAt, Is.EqualTo(_bridge.Clock.GetUtcNow()));
    }

    [Test]
    public async Task AnAnonymousVisitGetsTheCodeWithoutTouchingReferrals()
    {
        var referral = await InviteFriendAsync();

        var response = await GetAsync($"/shopify/proxy/r/{Code}");

        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"/discount/{Code}?redirect=%2F"));
        await _bridge.Services.GetRequiredService<ReferralVisits>().FlushAsync(CancellationToken.None);
        Assert.That((await _bridge.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referral))).State, Is.EqualTo(ReferralState.Invited));
    }

    [TestCase("NOBODY-123456")]
    [TestCase("%2F%2Fevil.example")]
    [TestCase("https%3A%2F%2Fevil.example")]
    public async Task AnUnknownCodeGoesToTheShopHomeAndNeverElsewhere(string code)
    {
        var response = await GetAsync($"/shopify/proxy/r/{code}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/"));
    }

    [Test]
    public async Task AnUnsignedRequestIsRefused()
    {
        var response = await _client.GetAsync($"/shopify/proxy/r/{Code}?shop={WebhookBridge.Shop}&timestamp=1");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AWronglySignedRequestIsRefused()
    {
        var query = ShopifyAppProxySigner.Query("other-secret", WebhookBridge.Shop, _bridge.Clock.GetUtcNow());
        var response = await _client.GetAsync($"/shopify/proxy/r/{Code}{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AReplayedRequestAfterTheToleranceIsRefused()
    {
        var query = ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, _bridge.Clock.GetUtcNow().AddMinutes(-5));
        var response = await _client.GetAsync($"/shopify/proxy/r/{Code}{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ASignedRequestForAShopThatIsNotConnectedIsNotFound()
    {
        var query = ShopifyAppProxySigner.Query(WebhookBridge.Secret, "stranger.myshopify.com", _bridge.Clock.GetUtcNow());
        var response = await _client.GetAsync($"/shopify/proxy/r/{Code}{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task TheInviteFormAsksAnonymousVisitorsToSignIn()
    {
        var response = await GetAsync("/shopify/proxy/invite");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/liquid"));
        Assert.That(html, Does.Contain("/account/login?return_url=%2Fapps%2Freferrals%2Finvite"));
        Assert.That(html, Does.Not.Contain("form_token"));
    }

    [Test]
    public async Task ASignedInAdvocateNamesAFriendWithPermission()
    {
        var token = await FormTokenAsync(AliceId);

        var response = await PostInviteAsync(AliceId, token, "Bob {{ shop.name }}", "bob@example.com", permission: true);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var referral = await _bridge.QueryAsync(db => db.Referrals.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(referral.AdvocateContactId, Is.EqualTo(_alice.Id));
            Assert.That(referral.FriendEmail, Is.EqualTo("bob@example.com"));
            Assert.That(referral.FriendName, Is.EqualTo("Bob {{ shop.name }}"));
            Assert.That(referral.State, Is.EqualTo(ReferralState.Invited));
            Assert.That(referral.Source, Is.EqualTo(ReferralSource.Named));
        });
    }

    [Test]
    public async Task WithoutThePermissionCheckboxNothingIsStoredAndTheFormEchoesSafely()
    {
        var token = await FormTokenAsync(AliceId);

        var response = await PostInviteAsync(AliceId, token, "Bob {{ shop.name }}", "bob@example.com", permission: false);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("agreed to be introduced"));
        Assert.That(html, Does.Not.Contain("{{"), "visitor text cannot open Liquid output");
        Assert.That(html, Does.Contain("&#123;&#123; shop.name &#125;&#125;"));
        Assert.That(await _bridge.QueryAsync(db => db.Referrals.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AFormTokenOfAnotherCustomerIsRefused()
    {
        await AddCustomerAsync("bob@example.com", FriendId);
        var bobsToken = await FormTokenAsync(FriendId);

        var response = await PostInviteAsync(AliceId, bobsToken, "Carol", "carol@example.com", permission: true);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await _bridge.QueryAsync(db => db.Referrals.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AnExpiredFormTokenIsRefused()
    {
        var token = await FormTokenAsync(AliceId);
        _bridge.Clock.Advance(TimeSpan.FromMinutes(AppProxyOptions.DefaultFormTokenLifetimeMinutes + 1));

        var response = await PostInviteAsync(AliceId, token, "Carol", "carol@example.com", permission: true);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("expired"));
    }

    [Test]
    public async Task InvitingOnesOwnAddressIsRefused()
    {
        var response = await PostInviteAsync(AliceId, await FormTokenAsync(AliceId), "Me", "alice@example.com", permission: true);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await _bridge.QueryAsync(db => db.Referrals.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task PostsArePerShopAndAddressRateLimited()
    {
        var token = await FormTokenAsync(AliceId);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await PostInviteAsync(AliceId, token, "Friend", $"friend{i}@example.com", permission: true)).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(await _bridge.QueryAsync(db => db.Referrals.CountAsync()), Is.EqualTo(3));
        Assert.That((await PostInviteAsync(AliceId, token, "Friend", "other@example.com", permission: true, address: "203.0.113.9")).StatusCode,
            Is.EqualTo(HttpStatusCode.OK), "another address has its own window");
    }

    [Test]
    public async Task AnOversizedFormIsRefused()
    {
        var token = await FormTokenAsync(AliceId);
        var response = await PostInviteAsync(AliceId, token, new string('x', AppProxyOptions.DefaultMaxFormBytes), "bob@example.com", permission: true);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task AnInvitePostThatIsNotAFormIsRefused()
    {
        var token = await FormTokenAsync(AliceId);
        var response = await PostAsync("/shopify/proxy/invite", AliceId, new StringContent($"{{\"form_token\":\"{token}\"}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(await _bridge.QueryAsync(db => db.Referrals.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ARatingLinkShowsAConfirmationAndThePostRecordsThePromotersAnswerOnce()
    {
        var ask = await SentAskAsync();
        var token = RatingToken(ask, 10);

        var confirm = await GetAsync($"/shopify/proxy/rate/{token}", AliceId);
        Assert.That(await confirm.Content.ReadAsStringAsync(), Does.Contain($"action=\"/apps/referrals/rate/{token}\""));
        Assert.That((await _bridge.QueryAsync(db => db.Asks.SingleAsync())).State, Is.EqualTo(AskState.Sent), "a GET (a link scanner) records nothing");

        var first = await PostAsync($"/shopify/proxy/rate/{token}", AliceId, new FormUrlEncodedContent([]));
        var second = await PostAsync($"/shopify/proxy/rate/{token}", AliceId, new FormUrlEncodedContent([]));

        Assert.That(await first.Content.ReadAsStringAsync(), Does.Contain("/apps/referrals/invite"));
        Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("already have your answer"));
        var answered = await _bridge.QueryAsync(db => db.Asks.SingleAsync());
        Assert.That(answered.State, Is.EqualTo(AskState.Answered));
        Assert.That(answered.Score, Is.EqualTo(10));
    }

    [Test]
    public async Task ARatingLinkOfAnotherShopIsNotAnswered()
    {
        var ask = await SentAskAsync();
        var other = await _bridge.ConnectShopAsync("other.myshopify.com");
        var token = new LinkSigningKeyAccess(_bridge).Signer.Sign(new RatingToken(other.Id, ask, _alice.Id, 9, _bridge.Clock.GetUtcNow().AddDays(1)));

        var response = await PostAsync($"/shopify/proxy/rate/{token}", AliceId, new FormUrlEncodedContent([]));

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("no longer works"));
        Assert.That((await _bridge.QueryAsync(db => db.Asks.SingleAsync())).State, Is.EqualTo(AskState.Sent));
    }

    private string RatingToken(Guid ask, int score) =>
        new LinkSigningKeyAccess(_bridge).Signer.Sign(new RatingToken(_tenant.Id, ask, _alice.Id, score, _bridge.Clock.GetUtcNow().AddDays(14)));

    private async Task<Guid> SentAskAsync()
    {
        await using var db = _bridge.Database.CreateDbContext();
        var now = _bridge.Clock.GetUtcNow();
        var ask = Ask.FromPlan(_tenant.Id, _alice.Id, AskTrigger.Purchase, "1001", AskPlan.Schedule(now, AskChannel.Email), now);
        ask.MarkSent(now);
        db.Asks.Add(ask);
        await db.SaveChangesAsync();
        return ask.Id;
    }

    private async Task<Guid> InviteFriendAsync()
    {
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Id == _tenant.Id);
        var alice = await db.Contacts.SingleAsync(c => c.Id == _alice.Id);
        var referral = await scope.ServiceProvider.GetRequiredService<ReferralInvitations>().InviteAsync(db, tenant, alice, "Bob", "bob@example.com", CancellationToken.None);
        return referral.Id;
    }

    private async Task AddCustomerAsync(string email, long id)
    {
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        await scope.ServiceProvider.GetRequiredService<ContactDirectory>().UpsertAsync(db, _tenant.Id,
            new CustomerInfo { Email = email, FirstName = "Bob", ExternalId = $"gid://shopify/Customer/{id}" }, ContactKind.Client, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private async Task<string> FormTokenAsync(long customer)
    {
        var html = await (await GetAsync("/shopify/proxy/invite", customer)).Content.ReadAsStringAsync();
        return FormToken().Match(html).Groups["token"].Value;
    }

    private Task<HttpResponseMessage> PostInviteAsync(long customer, string token, string name, string email, bool permission, string address = "198.51.100.7")
    {
        var fields = new List<KeyValuePair<string, string>> { new("form_token", token), new("friend_name", name), new("friend_email", email) };
        if (permission)
        {
            fields.Add(new("permission", "yes"));
        }

        return PostAsync("/shopify/proxy/invite", customer, new FormUrlEncodedContent(fields), address);
    }

    private Task<HttpResponseMessage> GetAsync(string path, long? customer = null) =>
        _client.GetAsync(path + ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, _bridge.Clock.GetUtcNow(), customer));

    private async Task<HttpResponseMessage> PostAsync(string path, long? customer, HttpContent content, string address = "198.51.100.7")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path + ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, _bridge.Clock.GetUtcNow(), customer))
        {
            Content = content,
        };
        request.Headers.Add("X-Forwarded-For", address);
        return await _client.SendAsync(request);
    }

    [GeneratedRegex("name=\"form_token\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex FormToken();

    private sealed class LinkSigningKeyAccess(WebhookBridge bridge)
    {
        public RatingLinkSigner Signer => bridge.Services.GetRequiredService<LinkSigningKey>().CreateRatingSigner();
    }
}
