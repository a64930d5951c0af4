using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Email;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.AppProxy;

/// <summary>
/// The storefront's "Who do you know who…" form end to end: a signed app-proxy POST on Kestrel (loopback) over SQLite,
/// the outbox processed, and the e-mail read back from the pickup directory.
/// </summary>
public sealed partial class AppProxyIntroductionTests
{
    private const long AliceId = 42;
    private PickupMailbox _mailbox = null!;
    private WebhookBridge _bridge = null!;
    private Tenant _tenant = null!;

    [SetUp]
    public async Task SetUp()
    {
        _mailbox = new PickupMailbox();
        _bridge = await WebhookBridge.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Referrals:Links:SigningKey"] = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray()),
            ["Referrals:Links:PublicBaseUrl"] = "https://acme.example",
            ["Referrals:Email:PickupDirectory"] = _mailbox.Directory,
        }, kestrel: true);
        _tenant = await _bridge.ConnectShopAsync();
        await _bridge.CreateAdvocateAsync(_tenant, "alice@example.com", "ALICE-7KQ2M9"); // Shopify customer 42
    }

    [TearDown]
    public async Task TearDown()
    {
        await _bridge.DisposeAsync();
        _mailbox.Dispose();
    }

    [Test]
    public async Task AnIntroduction_SendsExactlyOneEmailInTheAdvocatesName_AndASecondForTheSameFriendSendsNone()
    {
        var first = await IntroduceAsync("Carl", "carl@example.com", "Carl, their garden work is <b>lovely</b>.");
        await ProcessOutboxAsync();
        var second = await IntroduceAsync("Carl", "Carl@Example.com", "Again!");
        await ProcessOutboxAsync();

        var mail = _mailbox.Messages();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await first.Content.ReadAsStringAsync(), Does.Contain("Thank you for the introduction"));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("will not e-mail them again"));
            Assert.That(mail, Has.Count.EqualTo(1));
            Assert.That(mail[0].To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { "carl@example.com" }));
            Assert.That(mail[0].Subject, Does.Contain("Alice"));
            Assert.That(mail[0].HtmlBody, Does.Contain("their garden work is &lt;b&gt;lovely&lt;/b&gt;."));
            Assert.That(mail[0].TextBody, Does.Contain("https://acme.example/" + Introductions.OptOutPath + "/"));
            Assert.That(await _bridge.QueryAsync(db => db.Outbox.CountAsync(m => m.Kind == Introductions.EmailKind)), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task AFriendWhoOptedOut_GetsNoEmail_AndTheAdvocateIsNotToldWhy()
    {
        await IntroduceAsync("Carl", "carl@example.com", null);
        await ProcessOutboxAsync();
        await _bridge.QueryAsync(async db =>
        {
            var suppression = await db.FriendSuppressions.SingleAsync();
            suppression.OptedOutAt = _bridge.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });
        _bridge.Clock.Advance(TimeSpan.FromDays(ProgramSettings.DefaultIntroductionCooldownDays + 1));

        var again = await IntroduceAsync("Carl", "carl@example.com", "Still think you'd like them");
        await ProcessOutboxAsync();

        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("will not e-mail them again").And.Not.Contain("opted"));
        Assert.That(_mailbox.Messages(), Has.Count.EqualTo(1), "only the first introduction");
    }

    [Test]
    public async Task ANoteLongerThanTheLimit_IsRefusedWithTheFormAndWhatWasTyped()
    {
        var response = await IntroduceAsync("Carl", "carl@example.com", new string('n', Introductions.MaxNoteLength + 1));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"{Introductions.MaxNoteLength} characters").And.Contain("carl@example.com"));
        Assert.That(await _bridge.QueryAsync(db => db.Referrals.CountAsync()), Is.Zero);
    }

    private async Task ProcessOutboxAsync()
    {
        await using var scope = _bridge.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProcessOutboxJob>().RunAsync(CancellationToken.None);
    }

    private async Task<HttpResponseMessage> IntroduceAsync(string name, string email, string? note)
    {
        var form = await _bridge.Client.GetStringAsync(new Uri("/shopify/proxy/invite" + Signed(), UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["form_token"] = FormToken().Match(form).Groups["token"].Value,
            ["friend_name"] = name,
            ["friend_email"] = email,
            ["permission"] = "yes",
        };
        if (note is not null)
        {
            fields["note"] = note;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/shopify/proxy/invite" + Signed(), UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        return await _bridge.Client.SendAsync(request);
    }

    private string Signed() => ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, _bridge.Clock.GetUtcNow(), AliceId);

    [GeneratedRegex("name=\"form_token\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex FormToken();
}
