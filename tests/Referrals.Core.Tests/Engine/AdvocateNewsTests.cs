using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class AdvocateNewsTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public AdvocateNewsTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        // Batches of two, so the tests with three or more candidates cross a batch boundary.
        _engine = await EngineHarness.CreateAsync(_provider, o => o.Jobs.BatchSize = 2);
        _tenant = await _engine.CreateTenantAsync(configure: s => s.Timeline.AdvocateNews.Enabled = true);
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    private string CurrentKey => AdvocateNews.SourceKeyFor(new AskTimeline(), Now);

    private async Task<Contact> AdvocateAsync(string email, bool consent = true) =>
        (await _engine.CreateAdvocateAsync(_tenant, email, extra: new CustomerInfo { AcceptsMarketing = consent })).Advocate;

    private Task<Contact> ContactAsync(string email, ContactKind kind) => _engine.RunAsync(async (db, sp) =>
    {
        var contact = await sp.GetRequiredService<ContactDirectory>().UpsertAsync(db, _tenant.Id,
            new CustomerInfo { Email = email, FirstName = "Bo", AcceptsMarketing = true }, kind, CancellationToken.None);
        await db.SaveChangesAsync();
        return contact;
    });

    private Task<int> RunJobAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<PlanAdvocateNewsJob>().RunAsync(CancellationToken.None));

    private Task<List<Ask>> NewsAsync() => _engine.RunAsync((db, _) => db.Asks.Where(a => a.Trigger == AskTrigger.AdvocateNews).ToListAsync());

    private Task ChangeAsync(Contact contact, Action<Contact> change) => _engine.RunAsync(async (db, _) =>
    {
        change(await db.Contacts.SingleAsync(c => c.Id == contact.Id));
        await db.SaveChangesAsync();
    });

    [Test]
    public async Task Job_PlansOneNewsPerAdvocateAndReferralPartner_AndNoneForOtherContacts()
    {
        var a = await AdvocateAsync("a@example.com");
        var b = await AdvocateAsync("b@example.com");
        var partner = await ContactAsync("partner@example.com", ContactKind.ReferralPartner);
        await ContactAsync("client@example.com", ContactKind.Client);

        Assert.That(await RunJobAsync(), Is.EqualTo(3));

        var news = await NewsAsync();
        Assert.That(news.Select(n => n.ContactId), Is.EquivalentTo(new[] { a.Id, b.Id, partner.Id }));
        Assert.That(news, Has.All.Property(nameof(Ask.SourceKey)).EqualTo(CurrentKey));
        Assert.That(news, Has.All.Property(nameof(Ask.State)).EqualTo(AskState.Scheduled));
        Assert.That(CurrentKey, Does.StartWith($"news:{AskTimeline.DefaultAdvocateNewsIntervalDays}d:"));
    }

    [Test]
    public async Task Job_PlansExactlyOneNewsPerPeriod_AndTheNextInTheNextPeriod()
    {
        var a = await AdvocateAsync("a@example.com");
        await RunJobAsync();
        _engine.Clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await RunJobAsync(), Is.Zero);
        Assert.That(await NewsAsync(), Has.Count.EqualTo(1));

        await _engine.RunAsync((db, sp) => sp.GetRequiredService<AskDispatcher>().DispatchDueAsync(db, 10, CancellationToken.None));
        // The interval later: the next period, and exactly the frequency cap after the first news was sent.
        _engine.Clock.SetUtcNow(Now.AddDays(AskTimeline.DefaultAdvocateNewsIntervalDays));

        Assert.That(await RunJobAsync(), Is.EqualTo(1));
        var news = await NewsAsync();
        Assert.That(news.Select(n => n.SourceKey).Distinct().Count(), Is.EqualTo(2));
        Assert.That(news.Single(n => n.SourceKey == CurrentKey).State, Is.EqualTo(AskState.Scheduled));
        Assert.That(news, Has.All.Property(nameof(Ask.ContactId)).EqualTo(a.Id));
    }

    [Test]
    public async Task Job_SkipsUnsubscribedContacts_AndLeavesRedactedOnesOut()
    {
        var unsubscribed = await AdvocateAsync("u@example.com", consent: false);
        var redacted = await AdvocateAsync("r@example.com");
        await ChangeAsync(redacted, c => c.RedactedAt = Now);

        await RunJobAsync();

        var news = await NewsAsync();
        Assert.That(news.Single(n => n.ContactId == unsubscribed.Id).SkipReason, Is.EqualTo(AskSkipReason.NoConsent));
        Assert.That(news.Where(n => n.ContactId == redacted.Id), Is.Empty);
    }

    [Test]
    public async Task Job_SkipsContactsAskedWithinTheFrequencyCap()
    {
        var asked = await AdvocateAsync("a@example.com");
        await _engine.RunAsync(async (db, sp) =>
        {
            var ask = await sp.GetRequiredService<AskScheduler>().ScheduleAsync(db, _tenant, asked.Id, AskTrigger.Manual, "m-1", Now.AddDays(-3), CancellationToken.None);
            ask.MarkSent(Now.AddDays(-3));
            await db.SaveChangesAsync();
        });

        await RunJobAsync();

        Assert.That((await NewsAsync()).Single().SkipReason, Is.EqualTo(AskSkipReason.WithinFrequencyCap));
    }

    [Test]
    public async Task SentNews_CountsTowardTheFrequencyCapOfLaterAsks()
    {
        var a = await AdvocateAsync("a@example.com");
        await RunJobAsync();
        var sent = await _engine.RunAsync((db, sp) => sp.GetRequiredService<AskDispatcher>().DispatchDueAsync(db, 10, CancellationToken.None));
        _engine.Clock.Advance(TimeSpan.FromDays(1));

        var manual = await _engine.RunAsync((db, sp) =>
            sp.GetRequiredService<AskScheduler>().ScheduleAsync(db, _tenant, a.Id, AskTrigger.Manual, "m-1", Now, CancellationToken.None));

        Assert.That(sent, Is.EqualTo(1));
        Assert.That(manual.SkipReason, Is.EqualTo(AskSkipReason.WithinFrequencyCap));
    }

    [Test]
    public async Task Dispatch_EnqueuesTheNewsEmail_NotASatisfactionQuestion()
    {
        await AdvocateAsync("a@example.com");
        await RunJobAsync();

        await _engine.RunAsync((db, sp) => sp.GetRequiredService<AskDispatcher>().DispatchDueAsync(db, 10, CancellationToken.None));

        var kinds = await _engine.RunAsync((db, _) => db.Outbox.Select(m => m.Kind).ToListAsync());
        Assert.That(kinds, Does.Contain(FollowUpEmails.AdvocateNewsKind));
        Assert.That(kinds, Does.Not.Contain(AskDispatcher.EmailKind));
    }

    [Test]
    public async Task Job_PlansNothing_WhenTheProgramHasNotOptedIn()
    {
        _tenant = await _engine.CreateTenantAsync("other.myshopify.com");
        await AdvocateAsync("a@example.com");

        Assert.That(await RunJobAsync(), Is.Zero);
        Assert.That(await NewsAsync(), Is.Empty);
    }
}
