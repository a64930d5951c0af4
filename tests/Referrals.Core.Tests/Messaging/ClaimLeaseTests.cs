using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Messaging;

/// <summary>
/// Two workers on one queue when a lease runs out: the second worker's claim is simulated inside the first worker's
/// handler, with the lease expiry made by the injected clock, so the interleaving is the same on every run.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class ClaimLeaseTests
{
    private const int LeaseSeconds = 10;

    private readonly StorageProvider _provider;
    private readonly ScriptedHandler _handler = new();
    private EngineHarness _engine = null!;

    public ClaimLeaseTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp() => _engine = await EngineHarness.CreateAsync(_provider,
        options =>
        {
            options.Jobs.LeaseSeconds = LeaseSeconds;
            options.Jobs.BatchSize = 2;
        },
        services => services.AddSingleton<IOutboxHandler>(_handler));

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private MessageQueue<OutboxMessage> Queue => _engine.Services.GetRequiredService<MessageQueue<OutboxMessage>>();

    [Test]
    public async Task Run_LeavesTheRowAndItsChangesToTheOtherWorker_WhenTheLeaseRanOutWhileHandling()
    {
        await EnqueueAsync("key-1");
        IReadOnlyList<OutboxMessage> secondWorker = [];
        _handler.OnHandle = async _ =>
        {
            _engine.Clock.Advance(TimeSpan.FromSeconds(LeaseSeconds + 1));
            secondWorker = await Queue.ClaimBatchAsync();
        };

        var first = await _engine.Services.GetRequiredService<OutboxProcessor>().RunAsync(maxBatches: 1);

        Assert.That(secondWorker, Has.Count.EqualTo(1), "the lease ran out, so the second worker claims the row");
        Assert.That(first.Succeeded, Is.Zero, "the first worker lost its claim and must not complete the row");
        await _engine.RunAsync(async (db, _) =>
        {
            var row = await db.Outbox.SingleAsync();
            Assert.That(row.ProcessedAt, Is.Null);
            Assert.That(row.ClaimToken, Is.EqualTo(secondWorker[0].ClaimToken), "the second worker still holds it");
            Assert.That(row.ExternalRef, Is.Null, "the first worker's result rolled back with its completion");
        });
    }

    [Test]
    public async Task Run_KeepsTheRowsOfItsBatch_WhenTheRowsBeforeThemTookLongerThanTheLease()
    {
        await EnqueueAsync("key-1");
        await EnqueueAsync("key-2");
        var claimedBySecondWorker = new List<OutboxMessage>();
        _handler.OnHandle = async _ =>
        {
            // Each row takes 60 % of the lease: the second row's batch lease has run out when its turn comes.
            _engine.Clock.Advance(TimeSpan.FromSeconds(LeaseSeconds * 0.6));
            claimedBySecondWorker.AddRange(await Queue.ClaimBatchAsync());
        };

        var first = await _engine.Services.GetRequiredService<OutboxProcessor>().RunAsync(maxBatches: 1);

        Assert.That(claimedBySecondWorker, Is.Empty, "the first worker renewed the lease of the row it was about to handle");
        Assert.That(first, Is.EqualTo(new DrainResult(2, 2, 0, 0)));
        Assert.That(_handler.Handled, Is.EqualTo(new[] { "key-1", "key-2" }));
    }

    [Test]
    public async Task Complete_Refuses_WhenAnotherWorkerHoldsTheRow()
    {
        await EnqueueAsync("key-1");
        var mine = (await Queue.ClaimBatchAsync()).Single();
        _engine.Clock.Advance(TimeSpan.FromSeconds(LeaseSeconds + 1));
        var theirs = (await Queue.ClaimBatchAsync()).Single();

        var completedByMe = await _engine.RunAsync(async (db, _) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var done = await Queue.CompleteAsync(db, mine);
            await transaction.CommitAsync();
            return done;
        });
        var renewedByMe = await Queue.RenewClaimAsync(mine);

        Assert.That(completedByMe, Is.False);
        Assert.That(renewedByMe, Is.False);
        Assert.That(await Queue.RenewClaimAsync(theirs), Is.True);
        await _engine.RunAsync(async (db, _) => Assert.That((await db.Outbox.SingleAsync()).ProcessedAt, Is.Null));
    }

    private Task EnqueueAsync(string key) => _engine.RunAsync(async (db, _) =>
    {
        var tenant = await db.Tenants.FirstOrDefaultAsync() ?? await _engine.CreateTenantAsync();
        await OutboxWriter.EnqueueAsync(db, new OutboxMessage(tenant.Id, ScriptedHandler.HandledKind, key, "{}", _engine.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    });

    private sealed class ScriptedHandler : IOutboxHandler
    {
        public const string HandledKind = "test.scripted";

        public Func<OutboxMessage, Task> OnHandle { get; set; } = _ => Task.CompletedTask;

        public List<string> Handled { get; } = [];

        public string Kind => HandledKind;

        public async Task<string?> HandleAsync(OutboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
        {
            Handled.Add(message.IdempotencyKey);
            await OnHandle(message);
            return "done:" + message.IdempotencyKey;
        }
    }
}
