using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Email;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>The advocate hears when their friend converts and when their reward is issued.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class AdvocateNewsEmailTests
{
    private const string BaseUrl = "https://shop.example";

    private readonly StorageProvider _provider;
    private PickupMailbox _mailbox = null!;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public AdvocateNewsEmailTests(StorageProvider provider)
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
            s.HoldDays = 30;
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _engine.DisposeAsync();
        _mailbox.Dispose();
    }

    private Task<(Contact Advocate, ReferralCode Code)> AnnaAsync(bool consent = true) =>
        _engine.CreateAdvocateAsync(_tenant, "anna@example.com", "Anna", new CustomerInfo { AcceptsMarketing = consent });

    private Task<DrainResult> ProcessOutboxAsync() =>
        _engine.RunAsync((_, sp) => sp.GetRequiredService<ProcessOutboxJob>().RunAsync(CancellationToken.None));

    private Task<List<OutboxMessage>> OutboxAsync(string kind) =>
        _engine.RunAsync((db, _) => db.Outbox.Where(m => m.Kind == kind).ToListAsync());

    private Task<int> MatureAsync() =>
        _engine.RunAsync((_, sp) => sp.GetRequiredService<MatureRewardsJob>().RunAsync(CancellationToken.None));

    [Test]
    public async Task FriendsFirstOrder_EmailsTheAdvocateOnce_WithTheirLink()
    {
        var (anna, code) = await AnnaAsync();
        var order = PaidOrders.Paid("2001", "carl@example.com", 80m, Now, code.Display);

        var outcome = await _engine.PayAsync(_tenant, order);
        await _engine.PayAsync(_tenant, order);
        await ProcessOutboxAsync();
        await ProcessOutboxAsync();

        var mail = _mailbox.WithSubject("your friend just joined").Single();
        var queued = await OutboxAsync(FollowUpEmails.FriendConvertedKind);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Status, Is.EqualTo(OrderStatus.Converted));
            Assert.That(queued.Select(m => m.IdempotencyKey), Is.EqualTo(new[] { FollowUpEmails.IdempotencyKey(FollowUpEmails.FriendConvertedKind, outcome.ReferralId!.Value) }));
            Assert.That(queued.Single().ProcessedAt, Is.Not.Null);
            Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo("anna@example.com"));
            Assert.That(mail.Subject, Is.EqualTo("Anna, your friend just joined Acme"));
            Assert.That(mail.TextBody, Does.Contain($"{BaseUrl}/r/{code.Display}"));
            Assert.That(mail.TextBody, Does.Not.Contain("carl"), "the friend is not named to the advocate");
            Assert.That(mail.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
            Assert.That(_mailbox.Files(), Has.Length.EqualTo(1));
        }
    }

    [Test]
    public async Task FriendsFirstOrder_SendsNothing_WhenTheAdvocateHasNoConsent()
    {
        var (_, code) = await AnnaAsync(consent: false);

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("2001", "carl@example.com", 80m, Now, code.Display));
        await ProcessOutboxAsync();

        Assert.That(outcome.Status, Is.EqualTo(OrderStatus.Converted));
        Assert.That(await OutboxAsync(FollowUpEmails.FriendConvertedKind), Is.Empty);
        Assert.That(_mailbox.Files(), Is.Empty);
    }

    [Test]
    public async Task FriendConvertedEmail_IsDeadLettered_WhenTheAdvocateIsRedactedBeforeSending()
    {
        var (anna, code) = await AnnaAsync();
        await _engine.PayAsync(_tenant, PaidOrders.Paid("2001", "carl@example.com", 80m, Now, code.Display));
        await _engine.RunAsync(async (db, _) =>
        {
            var contact = (await db.Contacts.FindAsync(anna.Id))!;
            contact.RedactedAt = Now;
            await db.SaveChangesAsync();
        });

        await ProcessOutboxAsync();

        var message = (await OutboxAsync(FollowUpEmails.FriendConvertedKind)).Single();
        Assert.That(message.DeadLetteredAt, Is.Not.Null);
        Assert.That(message.LastError, Does.Contain("redacted"));
        Assert.That(_mailbox.Files(), Is.Empty);
    }

    [Test]
    public async Task IssuedReward_EmailsTheAdvocateOnce_NamingTheReward()
    {
        var (anna, code) = await AnnaAsync();
        await _engine.PayAsync(_tenant, PaidOrders.Paid("2001", "carl@example.com", 80m, Now, code.Display));
        await ProcessOutboxAsync();
        Assert.That(_mailbox.WithSubject("reward"), Is.Empty, "nothing about the reward before it is issued");

        _engine.Clock.Advance(TimeSpan.FromDays(30));
        Assert.That(await MatureAsync(), Is.EqualTo(1));
        await ProcessOutboxAsync(); // issues the reward and enqueues the news
        await ProcessOutboxAsync(); // sends the news
        await ProcessOutboxAsync();

        var entry = await _engine.RunAsync((db, _) => db.Ledger.SingleAsync(e => e.ContactId == anna.Id));
        var queued = await OutboxAsync(FollowUpEmails.RewardIssuedKind);
        var mail = _mailbox.WithSubject("reward from Acme is ready").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_engine.Issuer.Issued, Has.Count.EqualTo(1));
            Assert.That(queued.Select(m => m.IdempotencyKey), Is.EqualTo(new[] { FollowUpEmails.IdempotencyKey(FollowUpEmails.RewardIssuedKind, entry.Id) }));
            Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo("anna@example.com"));
            Assert.That(mail.Subject, Is.EqualTo("Anna, your reward from Acme is ready"));
            Assert.That(mail.TextBody, Does.Contain("Your reward, 10 EUR store credit, has been issued"));
            Assert.That(mail.HtmlBody, Does.Contain("10 EUR store credit"));
        }
    }
}
