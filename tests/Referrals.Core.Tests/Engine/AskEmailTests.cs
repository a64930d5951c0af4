using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Referrals.Core.Asks;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Satisfaction;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed partial class AskEmailTests
{
    private const string BaseUrl = "https://shop.example/en";

    private readonly StorageProvider _provider;
    private string _directory = null!;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public AskEmailTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private string PickupDirectory => Path.Combine(_directory, "mail");

    private string KeyFile => Path.Combine(_directory, "keys", "link-signing.key");

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    [SetUp]
    public async Task SetUp()
    {
        _directory = Path.Combine(Path.GetTempPath(), "referrals-askmail-" + Path.GetRandomFileName());
        _engine = await CreateEngineAsync();
        _tenant = await _engine.CreateTenantAsync(configure: s => s.AdvocateReward.FixedAmount = 10m);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _engine.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task<EngineHarness> CreateEngineAsync() => EngineHarness.CreateAsync(_provider, options =>
    {
        options.Email.PickupDirectory = PickupDirectory;
        options.Links.PublicBaseUrl = BaseUrl;
        options.Links.KeyFile = KeyFile;
    });

    private string[] EmlFiles() => Directory.Exists(PickupDirectory) ? Directory.GetFiles(PickupDirectory, "*.eml") : [];

    private async Task SendAskAsync(string email = "bo@example.com")
    {
        var order = PaidOrders.Paid("1001", email, 50m, Now);
        await _engine.PayAsync(_tenant, order with { Customer = order.Customer with { AcceptsMarketing = true, FirstName = "Bo" } });
        _engine.Clock.Advance(TimeSpan.FromDays(7));
        var sent = await _engine.RunAsync((_, sp) => sp.GetRequiredService<DispatchDueAsksJob>().RunAsync(CancellationToken.None));
        Assert.That(sent, Is.EqualTo(1), "one ask e-mail dispatched");
    }

    private Task<DrainResult> ProcessOutboxAsync() =>
        _engine.RunAsync((_, sp) => sp.GetRequiredService<ProcessOutboxJob>().RunAsync(CancellationToken.None));

    private Task<OutboxMessage> AskMessageAsync() =>
        _engine.RunAsync((db, _) => db.Outbox.SingleAsync(m => m.Kind == AskDispatcher.EmailKind));

    [GeneratedRegex(@"/rate/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)")]
    private static partial Regex RatingTokenPattern();

    [Test]
    public async Task DueAsk_SendsOneSatisfactionEmail_WithElevenSignedRatingLinks()
    {
        await SendAskAsync();

        var result = await ProcessOutboxAsync();

        Assert.That(result.Succeeded, Is.EqualTo(1));
        var files = EmlFiles();
        Assert.That(files, Has.Length.EqualTo(1));
        using var mail = MimeMessage.Load(files[0]);
        var ask = await _engine.RunAsync((db, _) => db.Asks.SingleAsync());
        var tokens = RatingTokenPattern().Matches(mail.TextBody ?? "").Select(m => m.Groups[1].Value).ToList();
        var signer = _engine.Services.GetRequiredService<LinkSigningKey>().CreateRatingSigner();
        var verified = tokens.Select(t => signer.Verify(t, Now)).ToList();
        var message = await AskMessageAsync();
        Assert.Multiple(() =>
        {
            Assert.That(mail.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { "bo@example.com" }));
            Assert.That(mail.Subject, Does.Contain("Bo"));
            Assert.That(mail.TextBody, Does.Contain("Acme"));
            Assert.That(mail.HtmlBody, Does.Contain("Acme"));
            Assert.That(mail.TextBody, Does.Contain(BaseUrl + "/rate/"));
            Assert.That(tokens, Has.Count.EqualTo(RatingLinks.Count).And.Unique);
            Assert.That(verified.Select(v => v.Status), Is.All.EqualTo(RatingTokenStatus.Valid));
            Assert.That(verified.Select(v => v.Token!.Score), Is.EqualTo(Enumerable.Range(0, RatingLinks.Count)));
            Assert.That(verified.Select(v => v.Token!.AskId), Is.All.EqualTo(ask.Id));
            Assert.That(verified.Select(v => v.Token!.ExpiresAt), Is.All.EqualTo(Now + AskEmailHandler.RatingLinkLifetime));
            Assert.That(mail.Headers[HeaderId.ListUnsubscribe], Does.StartWith("<" + BaseUrl + "/unsubscribe/"));
            Assert.That(mail.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
            Assert.That(mail.Headers[AskEmailHandler.AskHeader], Is.EqualTo(ask.Id.ToString("N")));
            Assert.That(message.ProcessedAt, Is.Not.Null);
            Assert.That(message.ExternalRef, Is.EqualTo(AskDispatcher.EmailIdempotencyKey(ask.Id)));
        });
    }

    [Test]
    public async Task ProcessingTheOutboxAgain_SendsNothingNew()
    {
        await SendAskAsync();
        await ProcessOutboxAsync();
        var file = EmlFiles().Single();
        var written = File.GetLastWriteTimeUtc(file);

        _engine.Clock.Advance(TimeSpan.FromHours(1));
        var again = await ProcessOutboxAsync();

        Assert.Multiple(() =>
        {
            Assert.That(again.Claimed, Is.Zero);
            Assert.That(EmlFiles(), Is.EqualTo(new[] { file }));
            Assert.That(File.GetLastWriteTimeUtc(file), Is.EqualTo(written));
        });
    }

    [Test]
    public async Task HandlerRunAgainForACompletedMessage_SendsNothing()
    {
        await SendAskAsync();
        await ProcessOutboxAsync();
        File.Delete(EmlFiles().Single());

        var reference = await _engine.RunAsync(async (db, sp) =>
        {
            var handler = sp.GetServices<IOutboxHandler>().Single(h => h.Kind == AskDispatcher.EmailKind);
            var message = await db.Outbox.SingleAsync(m => m.Kind == AskDispatcher.EmailKind);
            return await handler.HandleAsync(message, db, CancellationToken.None);
        });

        Assert.That(EmlFiles(), Is.Empty);
        Assert.That(reference, Is.Not.Null);
    }

    [Test]
    public async Task AskAnsweredBeforeTheEmail_SendsNothing()
    {
        await SendAskAsync();
        await _engine.RunAsync(async (db, _) =>
        {
            // An ask answered through another channel before the e-mail went out.
            var ask = await db.Asks.SingleAsync();
            ask.MarkAnswered(9, Now);
            await db.SaveChangesAsync();
        });

        var result = await ProcessOutboxAsync();

        Assert.That(result.Succeeded, Is.EqualTo(1));
        Assert.That(EmlFiles(), Is.Empty);
    }

    [Test]
    public async Task RedactedContact_IsDeadLettered_WithAClearError()
    {
        await SendAskAsync();
        await _engine.RunAsync(async (db, _) =>
        {
            var contact = await db.Contacts.SingleAsync();
            contact.RedactedAt = Now;
            contact.Email = null;
            contact.FirstName = null;
            await db.SaveChangesAsync();
        });

        var result = await ProcessOutboxAsync();

        var message = await AskMessageAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result.DeadLettered, Is.EqualTo(1));
            Assert.That(message.DeadLetteredAt, Is.Not.Null);
            Assert.That(message.LastError, Does.Contain("redacted"));
            Assert.That(EmlFiles(), Is.Empty);
        });
    }

    [Test]
    public async Task ConsentWithdrawnAfterDispatch_IsDeadLettered_WithAClearError()
    {
        await SendAskAsync();
        await _engine.RunAsync(async (db, _) =>
        {
            (await db.Contacts.SingleAsync()).MarketingConsent = false;
            await db.SaveChangesAsync();
        });

        await ProcessOutboxAsync();

        var message = await AskMessageAsync();
        Assert.That(message.DeadLetteredAt, Is.Not.Null);
        Assert.That(message.LastError, Does.Contain("withdrew marketing consent"));
        Assert.That(EmlFiles(), Is.Empty);
    }

    [Test]
    public async Task UnsubscribeLink_VerifiesForTheContact()
    {
        await SendAskAsync();
        await ProcessOutboxAsync();

        using var mail = MimeMessage.Load(EmlFiles().Single());
        var header = (mail.Headers[HeaderId.ListUnsubscribe] ?? "").Trim('<', '>');
        var token = header[(header.LastIndexOf('/') + 1)..];
        var contact = await _engine.RunAsync((db, _) => db.Contacts.SingleAsync());
        var verified = _engine.Services.GetRequiredService<LinkSigningKey>().CreateUnsubscribeLinks().TryVerify(token, out var result);

        Assert.That(verified, Is.True);
        Assert.That(result!.ContactId, Is.EqualTo(contact.Id));
        Assert.That(result.TenantId, Is.EqualTo(_tenant.Id));
        Assert.That(mail.TextBody, Does.Contain(header));
    }

    [Test]
    public async Task TemplateUsingTheReferralLink_GetsTheAdvocatesCode_OfferAndIdealReferral()
    {
        await SetTemplatesAsync(new AskTemplateSet
        {
            SatisfactionText = EnglishAskTemplates.SatisfactionText + "\nShare {{ referral_link }}: a friend gets {{ friend_offer }}; ideal for {{ ideal_referral }}.",
        });
        await SendAskAsync();

        await ProcessOutboxAsync();

        using var mail = MimeMessage.Load(EmlFiles().Single());
        var code = await _engine.RunAsync((db, _) => db.ReferralCodes.SingleAsync());
        Assert.That(mail.TextBody, Does.Contain($"Share {BaseUrl}/r/{code.Display}: a friend gets 10 EUR off their first order; ideal for {AskEmailHandler.DefaultIdealReferral}."));
    }

    [Test]
    public async Task DefaultTemplates_CreateNoReferralCode()
    {
        await SendAskAsync();

        await ProcessOutboxAsync();

        Assert.That(await _engine.RunAsync((db, _) => db.ReferralCodes.CountAsync()), Is.Zero);
    }

    // Bypasses the settings validator on purpose, as a template stored before a rule existed would.
    private Task SetTemplatesAsync(AskTemplateSet templates) => _engine.RunAsync(async (db, _) =>
    {
        var tenant = await db.Tenants.SingleAsync();
        var settings = tenant.Settings;
        settings.Templates = templates;
        tenant.Settings = settings;
        db.Entry(tenant).Property(t => t.Settings).IsModified = true;
        await db.SaveChangesAsync();
    });

    [Test]
    public async Task BrokenTemplate_IsDeadLettered_NamingTheTemplate()
    {
        await SetTemplatesAsync(new AskTemplateSet { SatisfactionText = "{{ rating_links | no_such_filter }}" });
        await SendAskAsync();

        await ProcessOutboxAsync();

        var message = await AskMessageAsync();
        Assert.That(message.DeadLetteredAt, Is.Not.Null);
        Assert.That(message.LastError, Does.Contain("Referrals:Program:Templates:SatisfactionText"));
    }

    [Test]
    public async Task GeneratedKey_IsWrittenOnce_AndReusedByASecondEngine()
    {
        await SendAskAsync();
        await ProcessOutboxAsync();
        Assert.That(File.Exists(KeyFile), Is.True);
        var stored = await File.ReadAllTextAsync(KeyFile);
        var written = File.GetLastWriteTimeUtc(KeyFile);
        var first = _engine.Services.GetRequiredService<LinkSigningKey>().GetKey();

        await using var second = await CreateEngineAsync();
        var reused = second.Services.GetRequiredService<LinkSigningKey>().GetKey();

        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Length.GreaterThanOrEqualTo(LinkOptions.MinimumKeyBytes));
            Assert.That(Convert.FromBase64String(stored), Is.EqualTo(first));
            Assert.That(reused, Is.EqualTo(first));
            Assert.That(File.GetLastWriteTimeUtc(KeyFile), Is.EqualTo(written));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(KeyFile)!), Has.Length.EqualTo(1), "no temporary files left");
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(KeyFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }
        });
    }

    [Test]
    public async Task ConfiguredKey_IsUsed_AndNoFileIsWritten()
    {
        var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        await using var engine = await EngineHarness.CreateAsync(_provider, options =>
        {
            options.Links.SigningKey = key;
            options.Links.KeyFile = KeyFile;
        });

        var used = engine.Services.GetRequiredService<LinkSigningKey>().GetKey();

        Assert.That(used, Is.EqualTo(Convert.FromBase64String(key)));
        Assert.That(File.Exists(KeyFile), Is.False);
    }
}

public sealed class LinkOptionsValidationTests
{
    private static IEnumerable<string> Failures(Action<LinkOptions> change)
    {
        var options = new ReferralsOptions();
        change(options.Links);
        var result = new ReferralsOptionsValidator().Validate(null, options);
        return result.Failures ?? [];
    }

    [Test]
    public void Defaults_AreValid()
    {
        Assert.That(Failures(_ => { }), Is.Empty);
        Assert.That(new LinkOptions().PublicBaseUrl, Is.EqualTo(LinkOptions.DefaultPublicBaseUrl));
    }

    [TestCase("shop.example")]
    [TestCase("ftp://shop.example")]
    [TestCase("https://shop.example/?a=1")]
    [TestCase("")]
    public void BadPublicBaseUrl_NamesTheKey(string url) =>
        Assert.That(Failures(o => o.PublicBaseUrl = url), Has.One.StartsWith("Referrals:Links:PublicBaseUrl"));

    [TestCase("not base64!")]
    [TestCase("c2hvcnQ=")]
    public void BadSigningKey_NamesTheKey(string key) =>
        Assert.That(Failures(o => o.SigningKey = key), Has.One.StartsWith("Referrals:Links:SigningKey"));

    [Test]
    public void NoKeyAndNoKeyFile_NamesTheKey() =>
        Assert.That(Failures(o => o.KeyFile = " "), Has.One.StartsWith("Referrals:Links:KeyFile"));

    [Test]
    public void FriendOffer_IsWordedAsAPhrase()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FriendOfferPhrase.For(new FriendOffer(), "EUR"), Is.EqualTo("10 EUR off their first order"));
            Assert.That(FriendOfferPhrase.For(new FriendOffer { Type = FriendOfferType.Percentage, Value = 15m }, "EUR"), Is.EqualTo("15 % off their first order"));
            Assert.That(FriendOfferPhrase.For(new FriendOffer { Type = FriendOfferType.FreeShipping }, "EUR"), Is.EqualTo("free shipping on their first order"));
            Assert.That(FriendOfferPhrase.For(new FriendOffer { Type = FriendOfferType.NonMonetary, Description = " a free tasting " }, "EUR"), Is.EqualTo("a free tasting"));
        });
    }
}
