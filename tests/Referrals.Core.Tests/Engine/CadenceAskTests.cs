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
public sealed class CadenceAskTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public CadenceAskTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        // Batches of two, so every test with three or more contacts crosses a batch boundary.
        _engine = await EngineHarness.CreateAsync(_provider, o => o.Jobs.BatchSize = 2);
        _tenant = await _engine.CreateTenantAsync();
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    private string CurrentKey => CadencePeriod.For(Now, AskTimeline.DefaultCadenceIntervalDays).SourceKey;

    private async Task<Contact> ContactAsync(string email, bool consent = true, Tenant? tenant = null) =>
        (await _engine.CreateAdvocateAsync(tenant ?? _tenant, email, extra: new CustomerInfo { AcceptsMarketing = consent })).Advocate;

    private Task<int> RunJobAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<PlanCadenceAsksJob>().RunAsync(CancellationToken.None));

    private Task<List<Ask>> CadenceAsksAsync() => _engine.RunAsync((db, _) => db.Asks.Where(a => a.Trigger == AskTrigger.Cadence).ToListAsync());

    private Task<Ask> CadenceAskOfAsync(Contact contact) => _engine.RunAsync((db, _) => db.Asks.SingleAsync(a => a.Trigger == AskTrigger.Cadence && a.ContactId == contact.Id));

    private Task ChangeAsync(Contact contact, Action<Contact> change) => _engine.RunAsync(async (db, _) =>
    {
        change(await db.Contacts.SingleAsync(c => c.Id == contact.Id));
        await db.SaveChangesAsync();
    });

    [Test]
    public async Task Job_PlansOneAskPerContact_AcrossSeveralBatches()
    {
        var contacts = new List<Contact>();
        for (var i = 0; i < 5; i++)
        {
            contacts.Add(await ContactAsync($"c{i}@example.com"));
        }

        Assert.That(await RunJobAsync(), Is.EqualTo(5));

        var asks = await CadenceAsksAsync();
        Assert.That(asks.Select(a => a.ContactId), Is.EquivalentTo(contacts.Select(c => c.Id)));
        Assert.That(asks, Has.All.Property(nameof(Ask.SourceKey)).EqualTo(CurrentKey));
        Assert.That(asks, Has.All.Property(nameof(Ask.State)).EqualTo(AskState.Scheduled));
        Assert.That(asks, Has.All.Property(nameof(Ask.DueAt)).EqualTo(Now));
    }

    [Test]
    public async Task Job_PlansNothingMore_WhenRunAgainInTheSamePeriod()
    {
        await ContactAsync("a@example.com");
        await ContactAsync("b@example.com");
        await RunJobAsync();
        _engine.Clock.Advance(TimeSpan.FromHours(1));

        Assert.That(await RunJobAsync(), Is.Zero);
        Assert.That(await CadenceAsksAsync(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Job_AsksAgain_InTheNextPeriod()
    {
        var contact = await ContactAsync("a@example.com");
        await RunJobAsync();
        await _engine.RunAsync(async (db, _) =>
        {
            var ask = await db.Asks.SingleAsync();
            ask.MarkSent(Now);
            await db.SaveChangesAsync();
        });
        // Into the next period, and past the frequency cap since the first ask was sent.
        _engine.Clock.SetUtcNow(CadencePeriod.For(Now, AskTimeline.DefaultCadenceIntervalDays).End.AddDays(AskTimeline.DefaultFrequencyCapDays));

        Assert.That(await RunJobAsync(), Is.EqualTo(1));

        var asks = await CadenceAsksAsync();
        Assert.That(asks.Select(a => a.SourceKey).Distinct().Count(), Is.EqualTo(2));
        Assert.That(asks.Single(a => a.SourceKey == CurrentKey).State, Is.EqualTo(AskState.Scheduled));
        Assert.That(asks, Has.All.Property(nameof(Ask.ContactId)).EqualTo(contact.Id));
    }

    [Test]
    public async Task Job_PicksUpAContactAddedLaterInThePeriod()
    {
        await ContactAsync("a@example.com");
        await RunJobAsync();
        var late = await ContactAsync("late@example.com");

        Assert.That(await RunJobAsync(), Is.EqualTo(1));
        Assert.That((await CadenceAskOfAsync(late)).State, Is.EqualTo(AskState.Scheduled));
    }

    [Test]
    public async Task Job_UsesTheConfiguredInterval_InTheSourceKey()
    {
        _tenant = await _engine.CreateTenantAsync(configure: s => s.Timeline.CadenceIntervalDays = 30);
        var contact = await ContactAsync("a@example.com");

        await RunJobAsync();

        Assert.That((await CadenceAskOfAsync(contact)).SourceKey, Is.EqualTo(CadencePeriod.For(Now, 30).SourceKey));
    }

    [Test]
    public async Task Job_PlansNothing_WhenTheCadenceStepIsOff()
    {
        _tenant = await _engine.CreateTenantAsync(configure: s => s.Timeline.Cadence.Enabled = false);
        await ContactAsync("a@example.com");

        Assert.That(await RunJobAsync(), Is.Zero);
        Assert.That(await CadenceAsksAsync(), Is.Empty);
    }

    [Test]
    public async Task Job_PlansNothing_ForAnUninstalledTenant()
    {
        await ContactAsync("a@example.com");
        await _engine.RunAsync(async (db, _) =>
        {
            db.Tenants.Find(_tenant.Id)!.MarkUninstalled(Now);
            await db.SaveChangesAsync();
        });

        Assert.That(await RunJobAsync(), Is.Zero);
    }

    [Test]
    public async Task Job_LeavesRedactedContactsOut()
    {
        var erased = await ContactAsync("gone@example.com");
        await ChangeAsync(erased, c => c.RedactedAt = Now);
        await ContactAsync("here@example.com");

        Assert.That(await RunJobAsync(), Is.EqualTo(1));
        Assert.That((await CadenceAsksAsync()).Any(a => a.ContactId == erased.Id), Is.False);
    }

    [Test]
    public async Task Job_RecordsNoConsent_ForAContactWithoutConsent()
    {
        var contact = await ContactAsync("a@example.com", consent: false);

        await RunJobAsync();

        Assert.That((await CadenceAskOfAsync(contact)).SkipReason, Is.EqualTo(AskSkipReason.NoConsent));
    }

    [Test]
    public async Task Job_RecordsLastScoreDetractor_ForADetractor()
    {
        var contact = await ContactAsync("a@example.com");
        await ChangeAsync(contact, c => c.LastSatisfactionScore = 4);

        await RunJobAsync();

        Assert.That((await CadenceAskOfAsync(contact)).SkipReason, Is.EqualTo(AskSkipReason.LastScoreDetractor));
    }

    [Test]
    public async Task Job_RecordsOpenAskExists_ForAnAdvocateWithAWaitingAsk()
    {
        var contact = await ContactAsync("a@example.com");
        await _engine.RunAsync((db, sp) => sp.GetRequiredService<AskTriggers>().RecordAsync(
            db, db.Tenants.Find(_tenant.Id)!, contact.Id, AskTrigger.Manual, "earlier", Now.AddDays(2), CancellationToken.None));

        await RunJobAsync();

        Assert.That((await CadenceAskOfAsync(contact)).SkipReason, Is.EqualTo(AskSkipReason.OpenAskExists));
    }

    [Test]
    public async Task Job_RecordsWithinFrequencyCap_ForAContactAskedTenDaysAgo()
    {
        var contact = await ContactAsync("a@example.com");
        await _engine.RunAsync(async (db, _) =>
        {
            var sentAt = Now.AddDays(-10);
            var earlier = Ask.FromPlan(_tenant.Id, contact.Id, AskTrigger.Manual, "earlier", AskPlan.Schedule(sentAt, AskChannel.Email), sentAt);
            earlier.MarkSent(sentAt);
            db.Asks.Add(earlier);
            await db.SaveChangesAsync();
        });

        await RunJobAsync();

        Assert.That((await CadenceAskOfAsync(contact)).SkipReason, Is.EqualTo(AskSkipReason.WithinFrequencyCap));
    }

    [Test]
    public async Task Job_PlansEachTenantWithItsOwnTimeline()
    {
        var other = await _engine.CreateTenantAsync("other.myshopify.com", s => s.Timeline.Cadence.Channel = AskChannel.Task);
        await ContactAsync("a@example.com");
        var there = await ContactAsync("b@example.com", consent: false, tenant: other);

        Assert.That(await RunJobAsync(), Is.EqualTo(2));

        var ask = await CadenceAskOfAsync(there);
        Assert.That(ask.TenantId, Is.EqualTo(other.Id));
        Assert.That(ask.Channel, Is.EqualTo(AskChannel.Task));
        Assert.That(ask.State, Is.EqualTo(AskState.Scheduled), "a task needs no e-mail consent");
    }
}
