using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Persistence;
using Referrals.Core.Satisfaction;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class AskLifecycleTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public AskLifecycleTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync(configure: s => s.AdvocateReward.FixedAmount = 10m);
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    private Task PayAsync(string orderId, string email = "bo@example.com", bool consent = true)
    {
        var order = PaidOrders.Paid(orderId, email, 50m, Now);
        return _engine.PayAsync(_tenant, order with { Customer = order.Customer with { AcceptsMarketing = consent } });
    }

    private Task<List<Ask>> AsksAsync() => _engine.RunAsync((db, _) => db.Asks.OrderBy(a => a.CreatedAt).ToListAsync());

    private Task<int> DispatchAsync() => _engine.RunAsync((_, sp) => sp.GetRequiredService<DispatchDueAsksJob>().RunAsync(CancellationToken.None));

    private Task ChangeContactAsync(Action<Contact> change) => _engine.RunAsync(async (db, _) =>
    {
        change(await db.Contacts.SingleAsync());
        await db.SaveChangesAsync();
    });

    private Task AddSentAskAsync(DateTimeOffset sentAt) => _engine.RunAsync(async (db, _) =>
    {
        var contact = await db.Contacts.SingleAsync();
        var ask = Ask.FromPlan(_tenant.Id, contact.Id, AskTrigger.Manual, "earlier", AskPlan.Schedule(sentAt, AskChannel.Email), sentAt);
        ask.MarkSent(sentAt);
        db.Asks.Add(ask);
        await db.SaveChangesAsync();
    });

    private Task<AskAnswerResult> AnswerAsync(Ask ask, int score) => _engine.RunAsync((db, sp) =>
        sp.GetRequiredService<AskAnswers>().RecordAsync(db, new RatingToken(ask.TenantId, ask.Id, ask.ContactId, score, Now.AddDays(14)), Now, CancellationToken.None));

    private async Task<Ask> SentAskAsync()
    {
        await PayAsync("1001");
        _engine.Clock.Advance(TimeSpan.FromDays(7));
        await DispatchAsync();
        return (await AsksAsync()).Single();
    }

    [Test]
    public async Task PaidOrder_SchedulesOnePurchaseEmailAsk_SevenDaysLater()
    {
        await PayAsync("1001");

        var ask = (await AsksAsync()).Single();
        Assert.That(ask.Trigger, Is.EqualTo(AskTrigger.Purchase));
        Assert.That(ask.SourceKey, Is.EqualTo("1001"));
        Assert.That(ask.Channel, Is.EqualTo(AskChannel.Email));
        Assert.That(ask.State, Is.EqualTo(AskState.Scheduled));
        Assert.That(ask.DueAt, Is.EqualTo(Now.AddDays(7)));
    }

    [Test]
    public async Task PaidOrder_SchedulesOneAsk_WhenTheSameOrderArrivesTwice()
    {
        await PayAsync("1001");
        await PayAsync("1001");

        Assert.That(await AsksAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ScheduleAsync_ReturnsTheStoredAsk_WhenCalledAgainForTheSameEvent()
    {
        await PayAsync("1001");
        var first = (await AsksAsync()).Single();

        var again = await _engine.RunAsync((db, sp) => sp.GetRequiredService<AskScheduler>().ScheduleAsync(
            db, db.Tenants.Find(_tenant.Id)!, first.ContactId, AskTrigger.Purchase, "1001", Now, CancellationToken.None));

        Assert.That(again.Id, Is.EqualTo(first.Id));
        Assert.That(await AsksAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PaidOrder_RecordsASkippedAsk_WhenTheBuyerHasNoConsent()
    {
        await PayAsync("1001", consent: false);

        var ask = (await AsksAsync()).Single();
        Assert.That(ask.State, Is.EqualTo(AskState.Skipped));
        Assert.That(ask.SkipReason, Is.EqualTo(AskSkipReason.NoConsent));
    }

    [Test]
    public async Task PaidOrder_SkipsWithinFrequencyCap_WhenTheBuyerWasAskedTenDaysAgo()
    {
        await PayAsync("1000");
        await AddSentAskAsync(Now.AddDays(-10));
        // The first order's ask is still open; cancel it so the cap is the rule that applies.
        await _engine.RunAsync(async (db, _) =>
        {
            (await db.Asks.SingleAsync(a => a.SourceKey == "1000")).Cancel(Now);
            await db.SaveChangesAsync();
        });

        await PayAsync("1001");

        var ask = (await AsksAsync()).Single(a => a.SourceKey == "1001");
        Assert.That(ask.SkipReason, Is.EqualTo(AskSkipReason.WithinFrequencyCap));
    }

    [Test]
    public async Task PaidOrder_SkipsWithOpenAskExists_WhenAnEarlierOrdersAskIsWaiting()
    {
        await PayAsync("1000");
        await PayAsync("1001");

        Assert.That((await AsksAsync()).Single(a => a.SourceKey == "1001").SkipReason, Is.EqualTo(AskSkipReason.OpenAskExists));
    }

    [Test]
    public async Task PaidOrder_SkipsWithLastScoreDetractor_WhenTheLastScoreIsFive()
    {
        await PayAsync("1000", consent: true);
        await _engine.RunAsync(async (db, _) =>
        {
            (await db.Asks.SingleAsync()).Cancel(Now);
            (await db.Contacts.SingleAsync()).LastSatisfactionScore = 5;
            await db.SaveChangesAsync();
        });

        await PayAsync("1001");

        Assert.That((await AsksAsync()).Single(a => a.SourceKey == "1001").SkipReason, Is.EqualTo(AskSkipReason.LastScoreDetractor));
    }

    [Test]
    public async Task Dispatch_DoesNothing_BeforeTheAskIsDue()
    {
        await PayAsync("1001");
        _engine.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));

        Assert.That(await DispatchAsync(), Is.Zero);
        Assert.That((await AsksAsync()).Single().State, Is.EqualTo(AskState.Scheduled));
        Assert.That(await _engine.RunAsync((db, _) => db.Outbox.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Dispatch_EnqueuesOneEmailAndMarksTheAskSent_WhenDue()
    {
        await PayAsync("1001");
        _engine.Clock.Advance(TimeSpan.FromDays(7));

        Assert.That(await DispatchAsync(), Is.EqualTo(1));
        Assert.That(await DispatchAsync(), Is.Zero);

        var ask = (await AsksAsync()).Single();
        Assert.That(ask.State, Is.EqualTo(AskState.Sent));
        Assert.That(ask.SentAt, Is.EqualTo(Now));
        var message = await _engine.RunAsync((db, _) => db.Outbox.SingleAsync());
        Assert.That(message.Kind, Is.EqualTo(AskDispatcher.EmailKind));
        Assert.That(message.IdempotencyKey, Is.EqualTo(AskDispatcher.EmailIdempotencyKey(ask.Id)));
        Assert.That(JsonSerializer.Deserialize<AskEmailMessage>(message.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AskId, Is.EqualTo(ask.Id));
    }

    [Test]
    public async Task Dispatch_SkipsWithNoConsent_WhenConsentWasWithdrawnAfterScheduling()
    {
        await PayAsync("1001");
        await ChangeContactAsync(c => c.MarketingConsent = false);
        _engine.Clock.Advance(TimeSpan.FromDays(7));

        Assert.That(await DispatchAsync(), Is.Zero);

        var ask = (await AsksAsync()).Single();
        Assert.That(ask.State, Is.EqualTo(AskState.Skipped));
        Assert.That(ask.SkipReason, Is.EqualTo(AskSkipReason.NoConsent));
        Assert.That(await _engine.RunAsync((db, _) => db.Outbox.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Dispatch_SkipsWithContactRedacted_WhenTheContactWasRedactedAfterScheduling()
    {
        await PayAsync("1001");
        await ChangeContactAsync(c => c.RedactedAt = Now);
        _engine.Clock.Advance(TimeSpan.FromDays(7));

        await DispatchAsync();

        Assert.That((await AsksAsync()).Single().SkipReason, Is.EqualTo(AskSkipReason.ContactRedacted));
    }

    [Test]
    public async Task Dispatch_MarksATaskAskSent_WithoutAnOutboxMessage()
    {
        var tenant = await _engine.CreateTenantAsync("task.myshopify.com", s => s.Timeline.Purchase.Channel = AskChannel.Task);
        _tenant = tenant;
        await PayAsync("1001", consent: false);
        _engine.Clock.Advance(TimeSpan.FromDays(7));

        Assert.That(await DispatchAsync(), Is.EqualTo(1));
        Assert.That((await AsksAsync()).Single().State, Is.EqualTo(AskState.Sent));
        Assert.That(await _engine.RunAsync((db, _) => db.Outbox.CountAsync()), Is.Zero);
    }

    [TestCase(9, SatisfactionCategory.Promoter, GateNextStep.ReferralAsk)]
    [TestCase(7, SatisfactionCategory.Passive, GateNextStep.ThankYouOnly)]
    [TestCase(6, SatisfactionCategory.Detractor, GateNextStep.ServiceRecoveryTask)]
    public async Task Answer_RecordsTheScoreAndReturnsTheGateDecision(int score, SatisfactionCategory category, GateNextStep next)
    {
        var ask = await SentAskAsync();

        var result = await AnswerAsync(ask, score);

        Assert.That(result.Status, Is.EqualTo(AskAnswerStatus.Recorded));
        Assert.That(result.Decision!.Category, Is.EqualTo(category));
        Assert.That(result.Decision.NextStep, Is.EqualTo(next));
        var stored = (await AsksAsync()).Single();
        Assert.That(stored.State, Is.EqualTo(AskState.Answered));
        Assert.That(stored.Score, Is.EqualTo(score));
        Assert.That(await _engine.RunAsync((db, _) => db.Contacts.Select(c => c.LastSatisfactionScore).SingleAsync()), Is.EqualTo(score));
    }

    [Test]
    public async Task Answer_CountsOnceInTheAnalyticsRollups_WhenReplayed()
    {
        var ask = await SentAskAsync();
        await AnswerAsync(ask, 9);
        await AnswerAsync(ask, 2);
        Task<int[]> TotalsAsync() => _engine.RunAsync(async (db, _) =>
        {
            var rows = await db.AnalyticsHours.Where(h => h.TenantId == _tenant.Id).ToListAsync();
            return new[] { rows.Sum(h => h.AsksAnswered), rows.Sum(h => h.Promoters), rows.Sum(h => h.Detractors), rows.Sum(h => h.AsksSent) };
        });

        // The answer bypasses SaveChanges (a conditional update), so it keeps the rollups itself.
        var kept = await TotalsAsync();
        await _engine.RunAsync((db, sp) => sp.GetRequiredService<AnalyticsRollups>().RebuildAsync(db, _tenant.Id, CancellationToken.None));

        Assert.That(kept, Is.EqualTo(new[] { 1, 1, 0, 1 }));
        Assert.That(await TotalsAsync(), Is.EqualTo(kept));
    }

    [Test]
    public async Task Answer_IsRefusedAsAlreadyAnswered_WhenReplayed()
    {
        var ask = await SentAskAsync();
        await AnswerAsync(ask, 9);

        var replay = await AnswerAsync(ask, 2);

        Assert.That(replay.Status, Is.EqualTo(AskAnswerStatus.AlreadyAnswered));
        Assert.That(replay.Decision, Is.Null);
        Assert.That((await AsksAsync()).Single().Score, Is.EqualTo(9));
        Assert.That(await _engine.RunAsync((db, _) => db.Contacts.Select(c => c.LastSatisfactionScore).SingleAsync()), Is.EqualTo(9));
    }

    [Test]
    public async Task Answer_IsRefusedAsNotSent_WhenTheAskIsStillScheduled()
    {
        await PayAsync("1001");
        var ask = (await AsksAsync()).Single();

        Assert.That((await AnswerAsync(ask, 9)).Status, Is.EqualTo(AskAnswerStatus.NotSent));
    }

    [Test]
    public async Task Answer_IsRefusedAsUnknown_WhenTheTokenNamesAnotherContact()
    {
        var ask = await SentAskAsync();

        var result = await _engine.RunAsync((db, sp) => sp.GetRequiredService<AskAnswers>().RecordAsync(
            db, new RatingToken(ask.TenantId, ask.Id, Guid.NewGuid(), 9, Now.AddDays(1)), Now, CancellationToken.None));

        Assert.That(result.Status, Is.EqualTo(AskAnswerStatus.UnknownAsk));
    }
}
