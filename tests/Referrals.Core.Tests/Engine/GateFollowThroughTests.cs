using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Referrals.Core.Asks;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Satisfaction;
using Referrals.Core.Tenants;
using Referrals.Core.Thanks;
using Referrals.Testing.Databases;
using Referrals.Testing.Email;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>What happens after a rating: the promoter's referral ask, the passive's thank-you, the detractor's recovery task.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class GateFollowThroughTests
{
    private const string BaseUrl = "https://shop.example/en";

    private readonly StorageProvider _provider;
    private PickupMailbox _mailbox = null!;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public GateFollowThroughTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

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
        _tenant = await _engine.CreateTenantAsync(configure: s =>
        {
            s.AdvocateReward.FixedAmount = 10m;
            s.FriendOffer = new FriendOffer { Type = FriendOfferType.FixedAmount, Value = 15m };
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _engine.DisposeAsync();
        _mailbox.Dispose();
    }

    private async Task<Ask> SentAskAsync(bool consent = true)
    {
        var order = PaidOrders.Paid("1001", "bo@example.com", 50m, Now);
        await _engine.PayAsync(_tenant, order with { Customer = order.Customer with { AcceptsMarketing = consent, FirstName = "Bo" } });
        _engine.Clock.Advance(TimeSpan.FromDays(7));
        if (!consent)
        {
            // No consent: the e-mail ask is skipped, so the answer comes through another channel (an ask sent by hand here).
            return await _engine.RunAsync(async (db, _) =>
            {
                var contact = await db.Contacts.SingleAsync();
                var ask = Ask.FromPlan(_tenant.Id, contact.Id, AskTrigger.Manual, "by-hand", AskPlan.Schedule(Now, AskChannel.OnSite), Now);
                ask.MarkSent(Now);
                db.Asks.Add(ask);
                await db.SaveChangesAsync();
                return ask;
            });
        }

        await _engine.RunAsync((_, sp) => sp.GetRequiredService<DispatchDueAsksJob>().RunAsync(CancellationToken.None));
        await ProcessOutboxAsync();
        return await _engine.RunAsync((db, _) => db.Asks.SingleAsync());
    }

    private Task<AskAnswerResult> AnswerAsync(Ask ask, int score) => _engine.RunAsync((db, sp) =>
        sp.GetRequiredService<AskAnswers>().RecordAsync(db, new RatingToken(ask.TenantId, ask.Id, ask.ContactId, score, Now.AddDays(14)), Now, CancellationToken.None));

    private Task<DrainResult> ProcessOutboxAsync() =>
        _engine.RunAsync((_, sp) => sp.GetRequiredService<ProcessOutboxJob>().RunAsync(CancellationToken.None));

    private Task<List<OutboxMessage>> OutboxAsync(string kind) =>
        _engine.RunAsync((db, _) => db.Outbox.Where(m => m.Kind == kind).ToListAsync());

    private Task<List<StaffTask>> TasksAsync() => _engine.RunAsync((db, _) => db.StaffTasks.ToListAsync());

    private Task<int> CodeCountAsync() => _engine.RunAsync((db, _) => db.ReferralCodes.CountAsync());

    [Test]
    public async Task PromoterAnswer_SendsOneReferralAsk_WithTheirLinkQrCodeAndTheFriendsOffer()
    {
        var ask = await SentAskAsync();

        var result = await AnswerAsync(ask, 10);
        var queued = await OutboxAsync(FollowUpEmails.ReferralAskKind);
        var processed = await ProcessOutboxAsync();

        var code = await _engine.RunAsync((db, _) => db.ReferralCodes.SingleAsync());
        var mail = _mailbox.WithSubject("Thank you for the kind words").Single();
        var link = $"{BaseUrl}/r/{code.Display}";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Decision!.NextStep, Is.EqualTo(GateNextStep.ReferralAsk));
            Assert.That(queued.Select(m => m.IdempotencyKey), Is.EqualTo(new[] { FollowUpEmails.IdempotencyKey(FollowUpEmails.ReferralAskKind, ask.Id) }));
            Assert.That(processed.Succeeded, Is.EqualTo(1));
            Assert.That(code.AdvocateContactId, Is.EqualTo(ask.ContactId));
            Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo("bo@example.com"));
            Assert.That(mail.Subject, Is.EqualTo("Thank you for the kind words, Bo"));
            Assert.That(mail.TextBody, Does.Contain(link));
            Assert.That(mail.TextBody, Does.Contain("15 EUR off their first order"));
            Assert.That(mail.TextBody, Does.Contain(AskEmailHandler.DefaultIdealReferral));
            Assert.That(mail.TextBody, Does.Contain("who do you know who could use what we do?"));
            Assert.That(mail.HtmlBody, Does.Contain($"href=\"{link}\""));
            Assert.That(mail.HtmlBody, Does.Contain("src=\"data:image/png;base64,"));
            Assert.That(mail.Headers[HeaderId.ListUnsubscribe], Does.StartWith("<" + BaseUrl + "/unsubscribe/"));
            Assert.That(await TasksAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task PromoterAnswer_EmbedsTheQrCodeOfExactlyTheirLink()
    {
        var ask = await SentAskAsync();
        await AnswerAsync(ask, 9);
        await ProcessOutboxAsync();

        var code = await _engine.RunAsync((db, _) => db.ReferralCodes.SingleAsync());
        // The renderer HTML-escapes values (a '+' becomes &#x2B;); a browser reads the attribute decoded.
        var html = WebUtility.HtmlDecode(_mailbox.WithSubject("Thank you for the kind words").Single().HtmlBody);
        var expected = QrCodes.PngDataUri(new Uri($"{BaseUrl}/r/{code.Display}")).AbsoluteUri;

        Assert.That(html, Does.Contain($"src=\"{expected}\""));
    }

    [Test]
    public async Task ReplayedPromoterAnswer_ChangesNothing()
    {
        var ask = await SentAskAsync();
        await AnswerAsync(ask, 10);
        await ProcessOutboxAsync();
        var files = _mailbox.Files();

        var again = await AnswerAsync(ask, 10);
        var other = await AnswerAsync(ask, 2);
        await ProcessOutboxAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Status, Is.EqualTo(AskAnswerStatus.AlreadyAnswered));
            Assert.That(other.Status, Is.EqualTo(AskAnswerStatus.AlreadyAnswered));
            Assert.That(await OutboxAsync(FollowUpEmails.ReferralAskKind), Has.Count.EqualTo(1));
            Assert.That(await CodeCountAsync(), Is.EqualTo(1));
            Assert.That(await TasksAsync(), Is.Empty);
            Assert.That(_mailbox.Files(), Is.EquivalentTo(files));
        }
    }

    [Test]
    public async Task PromoterAnswer_WithoutConsent_GivesACode_ButSendsNoEmail()
    {
        var ask = await SentAskAsync(consent: false);

        var result = await AnswerAsync(ask, 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(AskAnswerStatus.Recorded));
            Assert.That(await CodeCountAsync(), Is.EqualTo(1));
            Assert.That(await OutboxAsync(FollowUpEmails.ReferralAskKind), Is.Empty);
        }
    }

    [Test]
    public async Task PassiveAnswer_SendsTheThankYou_AndNoReferralAsk()
    {
        var ask = await SentAskAsync();
        var codesBefore = await CodeCountAsync();

        var result = await AnswerAsync(ask, 7);
        await ProcessOutboxAsync();

        var mail = _mailbox.WithSubject("Thank you for your answer").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Decision!.NextStep, Is.EqualTo(GateNextStep.ThankYouOnly));
            Assert.That(mail.Subject, Is.EqualTo("Thank you for your answer, Bo"));
            Assert.That(mail.TextBody, Does.Contain("Acme").And.Not.Contain("/r/"));
            Assert.That(await OutboxAsync(FollowUpEmails.ThankYouKind), Has.Count.EqualTo(1));
            Assert.That(await OutboxAsync(FollowUpEmails.ReferralAskKind), Is.Empty);
            Assert.That(await CodeCountAsync(), Is.EqualTo(codesBefore), "a passive is not given a code");
            Assert.That(await TasksAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task DetractorAnswer_CreatesOneServiceRecoveryTask_AndNoEmail()
    {
        var ask = await SentAskAsync();
        var filesBefore = _mailbox.Files().Length;

        var result = await AnswerAsync(ask, 3);
        await AnswerAsync(ask, 3);
        await ProcessOutboxAsync();

        var task = (await TasksAsync()).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Decision!.NextStep, Is.EqualTo(GateNextStep.ServiceRecoveryTask));
            Assert.That(task.Kind, Is.EqualTo(StaffTaskKind.ServiceRecovery));
            Assert.That(task.State, Is.EqualTo(StaffTaskState.Open));
            Assert.That(task.AskId, Is.EqualTo(ask.Id));
            Assert.That(task.ContactId, Is.EqualTo(ask.ContactId));
            Assert.That(task.SuggestedMessage, Does.StartWith("Bo gave Acme a low rating."));
            Assert.That(task.DueAt, Is.EqualTo(Now.AddDays(StaffTasks.ServiceRecoveryDueDays)));
            Assert.That(_mailbox.Files(), Has.Length.EqualTo(filesBefore));
            Assert.That(await OutboxAsync(FollowUpEmails.ThankYouKind), Is.Empty);
            Assert.That(await OutboxAsync(FollowUpEmails.ReferralAskKind), Is.Empty);
        }
    }

    [Test]
    public async Task ReferralAsk_IsDeadLettered_WhenTheContactWithdrewConsentBeforeSending()
    {
        var ask = await SentAskAsync();
        await AnswerAsync(ask, 10);
        await _engine.RunAsync(async (db, _) =>
        {
            (await db.Contacts.SingleAsync()).MarketingConsent = false;
            await db.SaveChangesAsync();
        });

        await ProcessOutboxAsync();

        var message = (await OutboxAsync(FollowUpEmails.ReferralAskKind)).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.DeadLetteredAt, Is.Not.Null);
            Assert.That(message.LastError, Does.Contain("withdrew marketing consent"));
            Assert.That(_mailbox.WithSubject("Thank you for the kind words"), Is.Empty);
        }
    }
}
