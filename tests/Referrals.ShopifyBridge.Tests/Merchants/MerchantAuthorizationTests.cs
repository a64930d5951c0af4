using System.Net;
using Referrals.ShopifyBridge.Merchants;
using Referrals.ShopifyBridge.Tests.Connections;

namespace Referrals.ShopifyBridge.Tests.Merchants;

/// <summary>Who may open which page: anonymous visitors, a merchant signed in by an install, and the operator.</summary>
public sealed class MerchantAuthorizationTests
{
    private ConnectBridge _bridge = null!;

    [SetUp]
    public async Task SetUp() => _bridge = await ConnectBridge.StartAsync();

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [TestCase("/")]
    [TestCase("/shopify/connect")]
    public async Task AProtectedPage_RedirectsAnonymousVisitorsToTheLogin(string path)
    {
        var response = await _bridge.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo(MerchantAuthorization.LoginPath));
    }

    [Test]
    public async Task AProtectedPage_Answers401_ToAnonymousScriptRequests()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");

        var response = await _bridge.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TheCustomAppForm_RefusesAnonymousPosts()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["shop"] = "x.myshopify.com", ["accessToken"] = "t", ["apiSecret"] = "s" });

        var response = await _bridge.Client.PostAsync(new Uri("/shopify/connect", UriKind.Relative), content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo(MerchantAuthorization.LoginPath));
        Assert.That(_bridge.Fake.Requests, Is.Empty);
    }

    [Test]
    public async Task HealthAndTheLoginPage_StayPublic()
    {
        Assert.That((await _bridge.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var login = await _bridge.Client.GetAsync(new Uri("/login", UriKind.Relative));
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await login.Content.ReadAsStringAsync(), Does.Contain("name=\"viewport\""), "usable on a phone");
    }

    [Test]
    public async Task TheOperator_SeesEveryShopAndTheCustomAppForm_AfterSigningIn()
    {
        await _bridge.InstallAsync();
        using var operatorBrowser = _bridge.NewClient();

        var signIn = await _bridge.SignInOperatorAsync(operatorBrowser);
        var status = await operatorBrowser.GetAsync(new Uri("/", UriKind.Relative));
        var form = await operatorBrowser.GetAsync(new Uri("/shopify/connect", UriKind.Relative));

        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await status.Content.ReadAsStringAsync(), Does.Contain(ConnectBridge.Shop).And.Contain("Connect a shop with a custom app").And.Contain("Inbox waiting"));
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task TheOperatorLogin_Refuses_AWrongPassword()
    {
        var response = await _bridge.SignInOperatorAsync(password: "guess");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await _bridge.Client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task TheOperatorLogin_RefusesEvenTheRightPassword_AfterTooManyFailures_UntilTheWindowPasses()
    {
        for (var i = 0; i < OperatorLoginThrottle.MaxFailures; i++)
        {
            Assert.That((await _bridge.SignInOperatorAsync(password: "guess" + i)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var blocked = await _bridge.SignInOperatorAsync();
        _bridge.Clock.Advance(OperatorLoginThrottle.Window);
        var later = await _bridge.SignInOperatorAsync();

        Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task AMerchant_SeesOnlyTheirShop_AndMayNotUseTheOperatorsForm()
    {
        await _bridge.InstallAsync("other.myshopify.com");
        await _bridge.InstallAsync();

        var status = await (await _bridge.Client.GetAsync(new Uri("/", UriKind.Relative))).Content.ReadAsStringAsync();
        var form = await _bridge.Client.GetAsync(new Uri("/shopify/connect", UriKind.Relative));

        Assert.That(status, Does.Contain(ConnectBridge.Shop).And.Not.Contain("other.myshopify.com"));
        Assert.That(status, Does.Not.Contain("Inbox waiting"), "figures across every shop are the operator's");
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task SigningOut_EndsTheSession()
    {
        await _bridge.InstallAsync();
        var page = await _bridge.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = ConnectBridge.AntiforgeryToken(page) });

        var response = await _bridge.Client.PostAsync(new Uri(MerchantAuthorization.LogoutPath, UriKind.Relative), content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await _bridge.Client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }
}
