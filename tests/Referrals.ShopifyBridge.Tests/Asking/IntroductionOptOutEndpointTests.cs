using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Databases;

namespace Referrals.ShopifyBridge.Tests.Asking;

/// <summary>The page behind the opt-out link of an introduction e-mail, reached through a link the engine builds.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class IntroductionOptOutEndpointTests
{
    private const string PublicBaseUrl = "https://shop.example";
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly StorageProvider _provider;
    private WebhookBridge _bridge = null!;
    private Tenant _shop = null!;
    private FriendSuppression _friend = null!;

    public IntroductionOptOutEndpointTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync(_provider, new Dictionary<string, string?>
        {
            ["Referrals:Links:SigningKey"] = Convert.ToBase64String(Key),
            ["Referrals:Links:PublicBaseUrl"] = PublicBaseUrl,
        });
        _shop = await _bridge.ConnectShopAsync();
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        _friend = new FriendSuppression(_shop.Id, FriendEmailHash.Compute(_shop.Id, "ben@example.com"), _bridge.Clock.GetUtcNow());
        db.FriendSuppressions.Add(_friend);
        await db.SaveChangesAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    private string OptOutPath() =>
        _bridge.Services.GetRequiredService<Introductions>().OptOutLink(new Uri(PublicBaseUrl), _shop.Id, _friend.Id).PathAndQuery;

    private Task<HttpResponseMessage> PostAsync(string path) =>
        _bridge.Client.PostAsync(path, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));

    private Task<DateTimeOffset?> OptedOutAtAsync() =>
        _bridge.QueryAsync(db => db.FriendSuppressions.Where(s => s.Id == _friend.Id).Select(s => s.OptedOutAt).SingleAsync());

    [Test]
    public async Task GetOptOut_ShowsAConfirmButton_ButRecordsNothing()
    {
        var response = await _bridge.Client.GetAsync(OptOutPath());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("name=\"List-Unsubscribe\" value=\"One-Click\""));
        Assert.That(await OptedOutAtAsync(), Is.Null, "a scanner fetching the link opts nobody out");
    }

    [Test]
    public async Task PostOptOut_RecordsTheOptOut_AndAgainHarmlessly()
    {
        var first = await PostAsync(OptOutPath());
        var at = await OptedOutAtAsync();
        var second = await PostAsync(OptOutPath());

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(at, Is.Not.Null);
        Assert.That(await OptedOutAtAsync(), Is.EqualTo(at), "the first opt-out time is kept");
    }

    [Test]
    public async Task OptOut_Returns400AndRecordsNothing_WhenTheTokenWasTampered()
    {
        var path = OptOutPath();
        var tampered = path[..^1] + (path[^1] == 'A' ? 'B' : 'A');

        var get = await _bridge.Client.GetAsync(tampered);
        var post = await PostAsync(tampered);

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await OptedOutAtAsync(), Is.Null);
    }
}
