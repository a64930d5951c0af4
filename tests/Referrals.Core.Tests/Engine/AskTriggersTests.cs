using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class AskTriggersTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Contact _contact = null!;

    public AskTriggersTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync();
        (_contact, _) = await _engine.CreateAdvocateAsync(_tenant, "cy@example.com", extra: new CustomerInfo { AcceptsMarketing = true });
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    private Task<Ask> RecordAsync(AskTrigger trigger, string sourceKey, Tenant? tenant = null) => _engine.RunAsync((db, sp) =>
        sp.GetRequiredService<AskTriggers>().RecordAsync(db, db.Tenants.Find((tenant ?? _tenant).Id)!, _contact.Id, trigger, sourceKey, Now, CancellationToken.None));

    [Test]
    public async Task Record_SchedulesATaskTheNextDay_WhenAProblemWasSolved()
    {
        var ask = await RecordAsync(AskTrigger.ProblemSolved, "ticket-17");

        Assert.That(ask.State, Is.EqualTo(AskState.Scheduled));
        Assert.That(ask.Channel, Is.EqualTo(AskChannel.Task));
        Assert.That(ask.DueAt, Is.EqualTo(Now.AddDays(AskTimeline.DefaultProblemSolvedDelayDays)));
    }

    [TestCase(AskTrigger.BeforeStart)]
    [TestCase(AskTrigger.Manual)]
    public async Task Record_SchedulesAtOnce_ForBeforeStartAndManual(AskTrigger trigger)
    {
        var ask = await RecordAsync(trigger, "project-9");

        Assert.That(ask.Trigger, Is.EqualTo(trigger));
        Assert.That(ask.State, Is.EqualTo(AskState.Scheduled));
        Assert.That(ask.DueAt, Is.EqualTo(Now));
    }

    [Test]
    public async Task Record_ReturnsTheStoredAsk_WhenTheSameSourceKeyIsReportedAgain()
    {
        var first = await RecordAsync(AskTrigger.ProblemSolved, "ticket-17");

        var again = await RecordAsync(AskTrigger.ProblemSolved, "ticket-17");

        Assert.That(again.Id, Is.EqualTo(first.Id));
        Assert.That(await _engine.RunAsync((db, _) => db.Asks.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task Record_SkipsWithTriggerDisabled_WhenManualAsksAreTurnedOff()
    {
        var tenant = await _engine.CreateTenantAsync(configure: s => s.Timeline.Manual.Enabled = false);

        var ask = await RecordAsync(AskTrigger.Manual, "by-hand", tenant);

        Assert.That(ask.SkipReason, Is.EqualTo(AskSkipReason.TriggerDisabled));
    }

    [Test]
    public async Task Record_SkipsWithOpenAskExists_WhenTheContactAlreadyHasAWaitingAsk()
    {
        await RecordAsync(AskTrigger.ProblemSolved, "ticket-17");

        var second = await RecordAsync(AskTrigger.Manual, "by-hand");

        Assert.That(second.SkipReason, Is.EqualTo(AskSkipReason.OpenAskExists));
    }

    [Test]
    public async Task Record_SkipsWithContactRedacted_WhenTheContactWasErased()
    {
        await _engine.RunAsync(async (db, _) =>
        {
            (await db.Contacts.SingleAsync(c => c.Id == _contact.Id)).RedactedAt = Now;
            await db.SaveChangesAsync();
        });

        var ask = await RecordAsync(AskTrigger.ProblemSolved, "ticket-17");

        Assert.That(ask.SkipReason, Is.EqualTo(AskSkipReason.ContactRedacted));
    }

    [TestCase(AskTrigger.Purchase)]
    [TestCase(AskTrigger.Fulfilment)]
    [TestCase(AskTrigger.Cadence)]
    [TestCase((AskTrigger)99)]
    public void Record_RefusesTriggersTheEnginePlansItself(AskTrigger trigger)
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => RecordAsync(trigger, "x"));
        Assert.That(ex!.ParamName, Is.EqualTo("trigger"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Record_RefusesAnEmptySourceKey(string key) =>
        Assert.That(() => RecordAsync(AskTrigger.Manual, key), Throws.ArgumentException.With.Property("ParamName").EqualTo("sourceKey"));

    [Test]
    public void Record_RefusesASourceKeyLongerThanTheColumn() =>
        Assert.That(() => RecordAsync(AskTrigger.Manual, new string('k', AskTriggers.MaximumSourceKeyLength + 1)),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("sourceKey"));

    [Test]
    public async Task Record_Throws_WhenTheTenantIsUninstalled()
    {
        await _engine.RunAsync(async (db, _) =>
        {
            db.Tenants.Find(_tenant.Id)!.MarkUninstalled(Now);
            await db.SaveChangesAsync();
        });

        Assert.That(() => RecordAsync(AskTrigger.Manual, "by-hand"), Throws.InvalidOperationException);
    }
}
