using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Messaging;

/// <summary>The durable inbox: insert-if-new, batches, retries, dead letters, crash recovery and concurrent workers.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class InboxProcessorTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private CountingHandler _handler = null!;
    private TenantRenamingHandler _renamer = null!;

    public InboxProcessorTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _handler = new CountingHandler();
        _renamer = new TenantRenamingHandler();
        _engine = await EngineHarness.CreateAsync(_provider, o =>
        {
            o.Jobs.BatchSize = 3;
            o.Jobs.MaxAttempts = 3;
            o.Jobs.LeaseSeconds = 60;
        }, services: s => s.AddSingleton<IInboxHandler>(_handler).AddSingleton<IInboxHandler>(_renamer));
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private InboxStore Store => _engine.Services.GetRequiredService<InboxStore>();

    private InboxProcessor Processor => _engine.Services.GetRequiredService<InboxProcessor>();

    [Test]
    public async Task TryAdd_KeepsOneRow_WhenTheSameDeliveryArrivesTwice()
    {
        Assert.That(await Store.TryAddAsync(Message("d-1")), Is.True);
        Assert.That(await Store.TryAddAsync(Message("d-1")), Is.False);

        await _engine.RunAsync(async (db, _) => Assert.That(await db.Inbox.CountAsync(), Is.EqualTo(1)));
    }

    [Test]
    public async Task TryAdd_KeepsOneRow_WhenTheSameDeliveryRacesItself()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.TryAddAsync(Message("d-race")))));

        Assert.That(results.Count(r => r), Is.EqualTo(1));
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Inbox.CountAsync(), Is.EqualTo(1)));
    }

    [Test]
    public async Task Drain_HandlesEveryMessageInArrivalOrder_AcrossBatches()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.TryAddAsync(Message($"d-{i}"));
        }

        var result = await Processor.RunAsync();

        Assert.That(result, Is.EqualTo(new DrainResult(7, 7, 0, 0)));
        Assert.That(_handler.Handled.Select(m => m.DeliveryId), Is.EqualTo(Enumerable.Range(0, 7).Select(i => $"d-{i}")));
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Inbox.AllAsync(m => m.ProcessedAt != null && m.ClaimToken == null), Is.True));
    }

    [Test]
    public async Task Drain_CommitsTheOthersOfAGroupAndRecordsOneFailure_WhenAMessageInTheMiddleFails()
    {
        _handler.FailTimes("d-1", 1);
        for (var i = 0; i < 5; i++)
        {
            await Store.TryAddAsync(Message($"d-{i}"));
        }

        var result = await Processor.RunAsync();

        Assert.That(result, Is.EqualTo(new DrainResult(5, 4, 1, 0)));
        Assert.That(_handler.Handled.Select(m => m.DeliveryId), Is.EqualTo(new[] { "d-0", "d-0", "d-2", "d-3", "d-4" }),
            "d-1's failure rolled its group back: d-0 is handled again in a group of its own, d-1 not at all");
        await _engine.RunAsync(async (db, _) =>
        {
            var failed = await db.Inbox.SingleAsync(m => m.DeliveryId == "d-1");
            Assert.That(failed.Attempts, Is.EqualTo(1), "tried once (it would succeed a second time), not again in the same drain");
            Assert.That(failed.ProcessedAt, Is.Null);
            Assert.That(await db.Inbox.CountAsync(m => m.ProcessedAt != null), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Drain_HandlesNoOtherMessageTwice_WhenTheFirstOfAGroupFails()
    {
        _handler.FailTimes("d-0", 1);
        for (var i = 0; i < 4; i++)
        {
            await Store.TryAddAsync(Message($"d-{i}"));
        }

        var result = await Processor.RunAsync();

        Assert.That(result, Is.EqualTo(new DrainResult(4, 3, 1, 0)));
        Assert.That(_handler.Handled.Select(m => m.DeliveryId), Is.EqualTo(new[] { "d-1", "d-2", "d-3" }));
        await _engine.RunAsync(async (db, _) =>
            Assert.That((await db.Inbox.SingleAsync(m => m.DeliveryId == "d-0")).Attempts, Is.EqualTo(1)));
    }

    [Test]
    public async Task Drain_SetsNoSavepoint_WhenItsGroupCommits()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.TryAddAsync(Message($"d-{i}"));
        }

        using var log = EfEventLog.Start();
        var result = await Processor.RunAsync();

        Assert.That(result.Succeeded, Is.EqualTo(5));
        Assert.That(log.Count(RelationalEventId.TransactionCommitted), Is.Positive, "the log sees the drain's commits");
        // A savepoint makes SQLite copy every page the message changes to a statement journal first.
        Assert.That(log.Count(RelationalEventId.CreatedTransactionSavepoint), Is.Zero, "no savepoint per message or per save");
    }

    [Test]
    public async Task Drain_CommitsNothingOfAGroupThatLostAClaim_AndHandlesItsMessagesAgainOneByOne()
    {
        // Another worker cannot take a row while the group holds it (the renewal locks it), so the loss is staged in the
        // group's own transaction: the group must notice it at its end and commit none of its work.
        _handler.StealClaimOnce("d-1");
        for (var i = 0; i < 3; i++)
        {
            await Store.TryAddAsync(Message($"d-{i}"));
        }

        var result = await Processor.RunAsync();

        Assert.That(result.Succeeded, Is.EqualTo(3));
        Assert.That(_handler.Handled.Select(m => m.DeliveryId), Is.EqualTo(new[] { "d-0", "d-1", "d-2", "d-0", "d-1", "d-2" }),
            "the group's three, rolled back, then each again");
        await _engine.RunAsync(async (db, _) =>
        {
            var rows = await db.Inbox.OrderBy(m => m.DeliveryId).ToListAsync();
            Assert.That(rows.Select(r => r.ProcessedAt is not null), Is.All.True, "the stolen claim rolled back with the group");
            Assert.That(rows.Select(r => r.ClaimToken), Is.All.Null);
        });
    }

    [Test]
    public async Task Drain_GivesEachMessageTheTenantAsStored_WhenAnEarlierOneRenamedItOrFailedAfterRenaming()
    {
        var tenant = await _engine.CreateTenantAsync();
        var original = tenant.DisplayName;
        await Store.TryAddAsync(Renaming("r-0", "read"));
        await Store.TryAddAsync(Renaming("r-1", "rename:Lost|fail"));
        await Store.TryAddAsync(Renaming("r-2", "read"));
        await Store.TryAddAsync(Renaming("r-3", "rename:Kept"));
        await Store.TryAddAsync(Renaming("r-4", "read"));

        var result = await Processor.RunAsync();

        Assert.That(result.Succeeded, Is.EqualTo(4));
        // r-1's failure rolls its group back, and r-0 is handled again before the failure is recorded.
        Assert.That(_renamer.Seen, Is.EqualTo(new[] { original, original, original, original, original, "Kept" }),
            "each message sees the tenant as stored: not the rolled-back rename, and the committed one");
        await _engine.RunAsync(async (db, _) => Assert.That((await db.Tenants.SingleAsync()).DisplayName, Is.EqualTo("Kept")));
    }

    [Test]
    public async Task Drain_GivesReadersTheTenantAsStored_UntrackedUnlessAnEarlierMessageTracksIt()
    {
        var tenant = await _engine.CreateTenantAsync();
        var original = tenant.DisplayName;
        await Store.TryAddAsync(Renaming("r-0", "read-only"));
        await Store.TryAddAsync(Renaming("r-1", "rename:Lost|fail"));
        await Store.TryAddAsync(Renaming("r-2", "read-only"));
        await Store.TryAddAsync(Renaming("r-3", "rename:Kept"));
        await Store.TryAddAsync(Renaming("r-4", "read-only"));

        var result = await Processor.RunAsync();

        Assert.That(result.Succeeded, Is.EqualTo(4));
        // r-1's failure rolls its group back, and r-0 is handled again before the failure is recorded.
        Assert.That(_renamer.Seen, Is.EqualTo(new[] { $"{original} (untracked)", original, $"{original} (untracked)", $"{original} (untracked)", original, "Kept (tracked)" }),
            "readers get an untracked tenant as stored, never the rolled-back rename; once a message tracks the tenant, they get that one");
    }

    [Test]
    public async Task Drain_RetriesWithBackOff_ThenSucceeds()
    {
        _handler.FailTimes("d-1", 2);
        await Store.TryAddAsync(Message("d-1"));

        var first = await Processor.RunAsync();
        var tooEarly = await Processor.RunAsync();
        _engine.Clock.Advance(TimeSpan.FromMinutes(1));
        await Processor.RunAsync();
        _engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var last = await Processor.RunAsync();

        Assert.That(first.Retrying, Is.EqualTo(1));
        Assert.That(tooEarly.Claimed, Is.Zero, "the back-off holds the message back");
        Assert.That(last.Succeeded, Is.EqualTo(1));
        await _engine.RunAsync(async (db, _) =>
        {
            var row = await db.Inbox.SingleAsync();
            Assert.That(row.Attempts, Is.EqualTo(2));
            Assert.That(row.ProcessedAt, Is.Not.Null);
            Assert.That(row.LastError, Is.Null);
        });
    }

    [Test]
    public async Task Drain_DeadLettersWithTheErrorKept_AfterMaxAttempts()
    {
        _handler.FailTimes("d-1", 100);
        await Store.TryAddAsync(Message("d-1"));

        for (var i = 0; i < 5; i++)
        {
            await Processor.RunAsync();
            _engine.Clock.Advance(TimeSpan.FromHours(2));
        }

        await _engine.RunAsync(async (db, _) =>
        {
            var row = await db.Inbox.SingleAsync();
            Assert.That(row.Attempts, Is.EqualTo(3));
            Assert.That(row.DeadLetteredAt, Is.Not.Null);
            Assert.That(row.ProcessedAt, Is.Null);
            Assert.That(row.LastError, Does.Contain("boom d-1"));
            Assert.That(row.Payload, Is.EqualTo(Encoding.UTF8.GetBytes("{\"id\":\"d-1\"}")), "nothing is lost");
        });
    }

    [Test]
    public async Task Drain_DeadLettersAtOnce_WhenTheErrorIsPermanentOrNoHandlerTakesTheTopic()
    {
        await Store.TryAddAsync(Message("d-bad", topic: "orders/paid", permanent: true));
        await Store.TryAddAsync(Message("d-unknown", topic: "carts/update"));

        var result = await Processor.RunAsync();

        Assert.That(result.DeadLettered, Is.EqualTo(2));
        await _engine.RunAsync(async (db, _) =>
        {
            var unknown = await db.Inbox.SingleAsync(m => m.DeliveryId == "d-unknown");
            Assert.That(unknown.LastError, Does.Contain("carts/update"));
            Assert.That(unknown.Attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RequeueDeadLetter_QueuesTheMessageAgain_AndTheNextDrainHandlesIt()
    {
        await Store.TryAddAsync(Message("d-bad", permanent: true));
        await Store.TryAddAsync(Message("d-ok"));
        await Processor.RunAsync();
        var queue = _engine.Services.GetRequiredService<MessageQueue<InboxMessage>>();
        var id = await _engine.RunAsync((db, _) => db.Inbox.Where(m => m.DeliveryId == "d-bad").Select(m => m.Id).SingleAsync());
        var processedId = await _engine.RunAsync((db, _) => db.Inbox.Where(m => m.DeliveryId == "d-ok").Select(m => m.Id).SingleAsync());
        Assert.That(await queue.CountDeadLetteredAsync(), Is.EqualTo(1), "arranged: one dead letter");

        var first = await queue.RequeueDeadLetterAsync(id);
        var second = await queue.RequeueDeadLetterAsync(id);
        var processed = await queue.RequeueDeadLetterAsync(processedId);

        Assert.That((first, second, processed), Is.EqualTo((true, false, false)), "only a dead letter is requeued, once");
        Assert.That(await queue.CountDeadLetteredAsync(), Is.Zero);
        Assert.That(await queue.CountPendingAsync(), Is.EqualTo(1));
        await _engine.RunAsync(async (db, _) =>
        {
            var row = await db.Inbox.SingleAsync(m => m.Id == id);
            Assert.That(row.Attempts, Is.Zero);
            Assert.That(row.NextAttemptAt, Is.EqualTo(_engine.Clock.GetUtcNow()));
        });

        var drain = await Processor.RunAsync();

        Assert.That(drain.Claimed, Is.EqualTo(1), "the requeued message is taken by the next drain");
    }

    [Test]
    public async Task Drain_HandlesAnEventOnce_WhenItArrivesInTwoDeliveries()
    {
        await Store.TryAddAsync(Message("d-1", eventId: "e-1"));
        await Store.TryAddAsync(Message("d-2", eventId: "e-1"));

        await Processor.RunAsync();

        Assert.That(_handler.Handled.Select(m => m.DeliveryId), Is.EqualTo(new[] { "d-1" }));
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Inbox.CountAsync(m => m.ProcessedAt != null), Is.EqualTo(2)));
    }

    [Test]
    public async Task Drain_HandlesAnEventOnce_WhenItsSecondDeliveryArrivesAfterTheFirstWasProcessed()
    {
        await Store.TryAddAsync(Message("d-1", eventId: "e-1"));
        await Processor.RunAsync();
        await Store.TryAddAsync(Message("d-0", eventId: "e-0"));
        await Store.TryAddAsync(Message("d-2", eventId: "e-1"));

        await Processor.RunAsync();

        Assert.That(_handler.Handled.Select(m => m.DeliveryId), Is.EqualTo(new[] { "d-1", "d-0" }));
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Inbox.CountAsync(m => m.ProcessedAt != null), Is.EqualTo(3)));
    }

    [Test]
    public async Task Drain_HandlesTheSecondDelivery_WhenTheFirstOfTheSameEventFailed()
    {
        _handler.FailTimes("d-1", 1);
        await Store.TryAddAsync(Message("d-1", eventId: "e-1"));
        await Store.TryAddAsync(Message("d-2", eventId: "e-1"));

        var result = await Processor.RunAsync();
        _engine.Clock.Advance(TimeSpan.FromHours(1));
        await Processor.RunAsync();

        Assert.That(result, Is.EqualTo(new DrainResult(2, 1, 1, 0)));
        Assert.That(_handler.Handled.Select(m => m.DeliveryId), Is.EqualTo(new[] { "d-2" }), "the failed one's retry is then a repeat");
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Inbox.CountAsync(m => m.ProcessedAt != null), Is.EqualTo(2)));
    }

    [Test]
    public async Task Sweeper_RecoversMessagesOfACrashedWorker_AfterTheLease()
    {
        await Store.TryAddAsync(Message("d-1"));
        await Store.TryAddAsync(Message("d-2"));
        var queue = _engine.Services.GetRequiredService<MessageQueue<InboxMessage>>();
        var claimedByDeadWorker = await queue.ClaimBatchAsync();
        Assert.That(claimedByDeadWorker, Has.Count.EqualTo(2), "arranged: a worker claims and dies");

        var whileLeased = await Processor.RunAsync();
        _engine.Clock.Advance(TimeSpan.FromSeconds(61));
        var sweep = await _engine.RunAsync((_, sp) => sp.GetRequiredService<SweeperJob>().RunAsync(CancellationToken.None));
        var afterSweep = await Processor.RunAsync();

        Assert.That(whileLeased.Claimed, Is.Zero, "a live lease is respected");
        Assert.That(sweep, Is.EqualTo(new SweepResult(2, 0, 2, 0)));
        Assert.That(afterSweep.Succeeded, Is.EqualTo(2));
        Assert.That(_handler.Handled, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Drain_HandlesEachMessageExactlyOnce_WhenFourWorkersDrainAtOnce()
    {
        for (var i = 0; i < 40; i++)
        {
            await Store.TryAddAsync(Message($"d-{i}"));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Processor.RunAsync())));

        Assert.That(results.Sum(r => r.Succeeded), Is.EqualTo(40));
        Assert.That(_handler.Handled.Select(m => m.DeliveryId).Distinct().Count(), Is.EqualTo(40));
        Assert.That(_handler.Handled, Has.Count.EqualTo(40), "no message handled twice");
    }

    private InboxMessage Message(string deliveryId, string topic = "orders/paid", string? eventId = null, bool permanent = false) =>
        new("test", deliveryId, eventId, topic, "acme.myshopify.com",
            Encoding.UTF8.GetBytes(permanent ? "{\"permanent\":true}" : $"{{\"id\":\"{deliveryId}\"}}"), _engine.Clock.GetUtcNow());

    private InboxMessage Renaming(string deliveryId, string payload) =>
        new("tenant-test", deliveryId, null, "tenant/rename", "acme.myshopify.com", Encoding.UTF8.GetBytes(payload), _engine.Clock.GetUtcNow());

    // Looks the tenant up like the hosts' handlers do (tracked, or for reading only), records its name, and may rename it
    // (saved) and then fail.
    private sealed class TenantRenamingHandler : IInboxHandler
    {
        public ConcurrentQueue<string> Seen { get; } = new();

        public string Source => "tenant-test";

        public bool Handles(string topic) => topic == "tenant/rename";

        public async Task HandleAsync(InboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
        {
            var payload = Encoding.UTF8.GetString(message.Payload);
            if (payload == "read-only")
            {
                var read = await TenantDirectory.FindForReadingAsync(db, message.TenantKey, cancellationToken) ?? throw new InvalidOperationException("No tenant.");
                Seen.Enqueue($"{read.DisplayName} ({(db.Entry(read).State == EntityState.Detached ? "untracked" : "tracked")})");
                return;
            }

            var tenant = await TenantDirectory.FindAsync(db, message.TenantKey, cancellationToken) ?? throw new InvalidOperationException("No tenant.");
            Seen.Enqueue(tenant.DisplayName);
            if (payload.StartsWith("rename:", StringComparison.Ordinal))
            {
                tenant.DisplayName = payload["rename:".Length..].Split('|')[0];
                await db.SaveChangesAsync(cancellationToken);
                if (payload.EndsWith("|fail", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("fails after renaming");
                }
            }
        }
    }

    private sealed class CountingHandler : IInboxHandler
    {
        private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

        public ConcurrentQueue<InboxMessage> Handled { get; } = new();

        public string Source => "test";

        public bool Handles(string topic) => topic == "orders/paid";

        private readonly ConcurrentDictionary<string, bool> _stealOnce = new();

        public void FailTimes(string deliveryId, int times) => _failuresLeft[deliveryId] = times;

        // The message's row gets another claim token in the handler's transaction, as if another worker held it now.
        public void StealClaimOnce(string deliveryId) => _stealOnce[deliveryId] = true;

        public Task HandleAsync(InboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
        {
            if (Encoding.UTF8.GetString(message.Payload).Contains("permanent", StringComparison.Ordinal))
            {
                throw new PermanentMessageException("The payload is not an order.");
            }

            if (_failuresLeft.TryGetValue(message.DeliveryId, out var left) && left > 0)
            {
                _failuresLeft[message.DeliveryId] = left - 1;
                throw new InvalidOperationException("boom " + message.DeliveryId);
            }

            Handled.Enqueue(message);
            return _stealOnce.TryRemove(message.DeliveryId, out _)
                ? db.Inbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, Guid.NewGuid()), cancellationToken)
                : Task.CompletedTask;
        }
    }
}
