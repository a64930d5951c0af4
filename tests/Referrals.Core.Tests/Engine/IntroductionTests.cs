using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Core.Thanks;
using Referrals.Testing.Databases;
using Referrals.Testing.Email;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>Introductions on an advocate's behalf: one e-mail, opt-out and cool-down, recorded introductions, redaction.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed partial class IntroductionTests
{
    private const string BaseUrl = "https://shop.example";

    private readonly StorageProvider _provider;
    private PickupMailbox _mailbox = null!;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Contact _anna = null!;

    public IntroductionTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _mailbox = new PickupMailbox();
        _engine = await EngineHarness.CreateAsync(_provider, options =>
        {
            options.Email.PickupDirectory = _mailbox.Directory;
            options.Links.PublicBaseUrl = BaseUrl;
            options.Links.KeyFile = _mailbox.KeyFile;
        });
        _tenant = await _engine.CreateTenantAsync(configure: s => s.AdvocateReward.FixedAmount = 10m);
        (_anna, _) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", "Anna", new CustomerInfo { LastName = "Holm" });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _engine.DisposeAsync();
        _mailbox.Dispose();
    }

    private Introductions Service => _engine.Services.GetRequiredService<Introductions>();

    private Task<IntroductionResult> IntroduceAsync(string friendEmail, string? note = "Carl, you will love their garden work!", bool attested = true,
        IntroductionChannel channel = IntroductionChannel.Email, Guid? advocateId = null) =>
        _engine.RunAsync(async (db, _) => await Service.IntroduceAsync(
            db, (await db.Tenants.FindAsync(_tenant.Id))!, (await db.Contacts.FindAsync(advocateId ?? _anna.Id))!, "Carl", friendEmail, note, attested, channel, CancellationToken.None));

    private Task<DrainResult> ProcessOutboxAsync() =>
        _engine.RunAsync((_, sp) => sp.GetRequiredService<ProcessOutboxJob>().RunAsync(CancellationToken.None));

    private Task<int> OutboxCountAsync() =>
        _engine.RunAsync((db, _) => db.Outbox.CountAsync(m => m.Kind == Introductions.EmailKind));

    [Test]
    public async Task Introduce_SendsExactlyOneEmailInTheAdvocatesName_WithTheNoteEscapedAndTheOffer()
    {
        var result = await IntroduceAsync("Carl@Example.com", "Carl <b>you</b> will love them");
        await ProcessOutboxAsync();
        await ProcessOutboxAsync();

        var mail = _mailbox.Messages().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(IntroductionStatus.Queued));
            Assert.That(mail.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { "Carl@Example.com" }));
            Assert.That(mail.Subject, Is.EqualTo("Anna Holm thought you would want to meet us"));
            Assert.That(mail.HtmlBody, Does.Contain("Carl &lt;b&gt;you&lt;/b&gt; will love them"));
            Assert.That(mail.HtmlBody, Does.Not.Contain("<b>you</b>"));
            Assert.That(mail.TextBody, Does.Contain($"{BaseUrl}/r/"));
            Assert.That(mail.TextBody, Does.Contain($"{BaseUrl}/{Introductions.OptOutPath}/"));
            Assert.That(mail.Headers[HeaderId.ListUnsubscribe], Does.Contain(Introductions.OptOutPath));
        }
    }

    [Test]
    public async Task Introduce_CreatesANamedReferralAndThankYouTask_AndForgetsTheAddressAfterSending()
    {
        var result = await IntroduceAsync("carl@example.com");
        await ProcessOutboxAsync();

        var (referral, tasks) = await _engine.RunAsync(async (db, _) =>
            (await db.Referrals.SingleAsync(), await db.StaffTasks.ToListAsync()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(referral.Id, Is.EqualTo(result.Referral!.Id));
            Assert.That(referral.Source, Is.EqualTo(ReferralSource.Named));
            Assert.That(referral.FriendEmail, Is.Null, "the address is for the one message only");
            Assert.That(referral.FriendNormalizedEmail, Is.EqualTo("carl@example.com"), "kept for attribution");
            Assert.That(tasks.Single().Kind, Is.EqualTo(StaffTaskKind.ThankYouCard));
            Assert.That(tasks.Single().ReferralId, Is.EqualTo(referral.Id));
        }
    }

    [Test]
    public async Task Introduce_RefusesASecondIntroduction_WithinTheCooldown_EvenByAnotherAdvocate()
    {
        var (bo, _) = await _engine.CreateAdvocateAsync(_tenant, "bo@example.com", "Bo");
        await IntroduceAsync("carl@example.com");
        await ProcessOutboxAsync();
        _engine.Clock.Advance(TimeSpan.FromDays(ProgramSettings.DefaultIntroductionCooldownDays - 1));

        var again = await IntroduceAsync("carl@example.com");
        var byBo = await IntroduceAsync("CARL@example.com", advocateId: bo.Id);
        await ProcessOutboxAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Status, Is.EqualTo(IntroductionStatus.RecentlyIntroduced));
            Assert.That(byBo.Status, Is.EqualTo(IntroductionStatus.RecentlyIntroduced));
            Assert.That(_mailbox.Messages(), Has.Count.EqualTo(1));
            Assert.That(await OutboxCountAsync(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Introduce_SendsAgain_AfterTheCooldown()
    {
        await IntroduceAsync("carl@example.com");
        await ProcessOutboxAsync();
        _engine.Clock.Advance(TimeSpan.FromDays(ProgramSettings.DefaultIntroductionCooldownDays + 1));

        var again = await IntroduceAsync("carl@example.com");
        await ProcessOutboxAsync();

        Assert.That(again.Status, Is.EqualTo(IntroductionStatus.Queued));
        Assert.That(_mailbox.Messages(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Introduce_RefusesAFriendWhoOptedOut_ThroughTheLinkInTheEmail()
    {
        await IntroduceAsync("carl@example.com");
        await ProcessOutboxAsync();
        var token = OptOutToken().Match(_mailbox.Messages().Single().TextBody!).Groups["token"].Value;

        var optedOut = await _engine.RunAsync((db, _) => Service.OptOutAsync(db, token, CancellationToken.None));
        _engine.Clock.Advance(TimeSpan.FromDays(ProgramSettings.DefaultIntroductionCooldownDays * 10));
        var again = await IntroduceAsync("carl@example.com");
        await ProcessOutboxAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(optedOut, Is.True);
            Assert.That(again.Status, Is.EqualTo(IntroductionStatus.FriendOptedOut));
            Assert.That(_mailbox.Messages(), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task OptOut_RefusesATamperedToken_AndAContactUnsubscribeToken()
    {
        await IntroduceAsync("carl@example.com");
        var contactToken = _engine.Services.GetRequiredService<LinkSigningKey>().CreateUnsubscribeLinks().CreateToken(_tenant.Id, _anna.Id);

        var results = await _engine.RunAsync(async (db, _) => new[]
        {
            await Service.OptOutAsync(db, contactToken, CancellationToken.None),
            await Service.OptOutAsync(db, "not-a-token", CancellationToken.None),
        });

        Assert.That(results, Is.EqualTo(new[] { false, false }));
    }

    [Test]
    public async Task OptingOutBeforeTheEmailIsSent_StopsTheEmail()
    {
        await IntroduceAsync("carl@example.com");
        var suppression = await _engine.RunAsync((db, _) => db.FriendSuppressions.SingleAsync());
        var token = OptOutToken().Match(Service.OptOutLink(new Uri(BaseUrl), _tenant.Id, suppression.Id).AbsoluteUri + "\n").Groups["token"].Value;

        await _engine.RunAsync((db, _) => Service.OptOutAsync(db, token, CancellationToken.None));
        await ProcessOutboxAsync();

        Assert.That(_mailbox.Messages(), Is.Empty);
    }

    [Test]
    public async Task Introduce_RefusesAnEmailIntroduction_WithoutAttestedPermission()
    {
        var result = await IntroduceAsync("carl@example.com", attested: false);

        Assert.That(result.Status, Is.EqualTo(IntroductionStatus.PermissionMissing));
        Assert.That(await _engine.RunAsync((db, _) => db.Referrals.CountAsync()), Is.Zero);
        Assert.That(await OutboxCountAsync(), Is.Zero);
    }

    [TestCase("not an address", IntroductionStatus.InvalidEmail)]
    [TestCase("anna@example.com", IntroductionStatus.InvalidEmail)]
    public async Task Introduce_RefusesABadFriendAddress(string email, IntroductionStatus expected) =>
        Assert.That((await IntroduceAsync(email)).Status, Is.EqualTo(expected));

    [Test]
    public async Task Introduce_RefusesANoteLongerThanTheLimit()
    {
        var result = await IntroduceAsync("carl@example.com", new string('x', Introductions.MaxNoteLength + 1));

        Assert.That(result.Status, Is.EqualTo(IntroductionStatus.NoteTooLong));
    }

    [TestCase(IntroductionChannel.Phone)]
    [TestCase(IntroductionChannel.InPerson)]
    public async Task RecordedIntroduction_CreatesReferralAndTask_AndNoEmail(IntroductionChannel channel)
    {
        var result = await IntroduceAsync("carl@example.com", attested: false, channel: channel);
        await ProcessOutboxAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(IntroductionStatus.Recorded));
            Assert.That(await _engine.RunAsync((db, _) => db.Referrals.CountAsync(r => r.Source == ReferralSource.Named)), Is.EqualTo(1));
            Assert.That(await _engine.RunAsync((db, _) => db.StaffTasks.CountAsync(t => t.ReferralId == result.Referral!.Id)), Is.EqualTo(1));
            Assert.That(await OutboxCountAsync(), Is.Zero);
            Assert.That(_mailbox.Messages(), Is.Empty);
            var stored = await _engine.RunAsync((db, _) => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == result.Referral!.Id));
            Assert.That(stored.IntroductionChannel, Is.EqualTo(channel));
            Assert.That(stored.IntroductionNote, Is.EqualTo("Carl, you will love their garden work!"));
        }
    }

    [Test]
    public async Task RecordedIntroduction_WithoutAnAddress_CreatesReferralAndTask_AndTheEmailIntroductionKeepsNoNote()
    {
        var recorded = await IntroduceAsync("", note: "Met at the school gate", attested: false, channel: IntroductionChannel.InPerson);
        var emailed = await IntroduceAsync("dora@example.com");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded.Status, Is.EqualTo(IntroductionStatus.Recorded));
            var stored = await _engine.RunAsync((db, _) => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == recorded.Referral!.Id));
            Assert.That(stored.FriendNormalizedEmail, Is.Null);
            Assert.That(stored.IntroductionNote, Is.EqualTo("Met at the school gate"));
            Assert.That(await _engine.RunAsync((db, _) => db.StaffTasks.CountAsync(t => t.ReferralId == recorded.Referral!.Id)), Is.EqualTo(1));
            var email = await _engine.RunAsync((db, _) => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == emailed.Referral!.Id));
            Assert.That(email.IntroductionChannel, Is.EqualTo(IntroductionChannel.Email));
            Assert.That(email.IntroductionNote, Is.Null);
        }
    }

    [Test]
    public async Task RedactingTheAdvocate_KeepsTheHashedSuppression_SoTheFriendIsNotIntroducedAgain()
    {
        await IntroduceAsync("carl@example.com");
        await ProcessOutboxAsync();

        await _engine.RunAsync((db, sp) => sp.GetRequiredService<ContactPrivacy>().RedactAsync(
            db, _tenant.Id, [_anna.Id], new RedactionRequest("editor@acme.test", "privacy.redact", "request-1"), CancellationToken.None));
        var (referral, suppression) = await _engine.RunAsync(async (db, _) => (await db.Referrals.SingleAsync(), await db.FriendSuppressions.SingleAsync()));
        var (bo, _) = await _engine.CreateAdvocateAsync(_tenant, "bo@example.com", "Bo");
        var byBo = await IntroduceAsync("carl@example.com", advocateId: bo.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(referral.FriendEmail, Is.Null);
            Assert.That(suppression.EmailHash, Does.Not.Contain("carl"));
            Assert.That(suppression.EmailHash, Is.EqualTo(FriendEmailHash.Compute(_tenant.Id, "carl@example.com")));
            Assert.That(PersonalDataInventory.FreeOfPersonalData.ContainsKey(typeof(FriendSuppression)), Is.True);
            Assert.That(byBo.Status, Is.EqualTo(IntroductionStatus.RecentlyIntroduced));
        }
    }

    [GeneratedRegex(@"/introductions/opt-out/(?<token>[A-Za-z0-9_\-\.]+)")]
    private static partial Regex OptOutToken();
}
