using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Testing;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Messaging;

/// <summary>
/// On SQLite the webhook ingest and the inbox drain take turns at the write lock: the ingest's writer waits in line for
/// its turn, and a drain group that has held the turn for a while hands it on when someone waits, committing the
/// messages it has handled and leaving the rest of its group for the next one.
/// </summary>
public sealed class InboxWriteTurnsTests
{
    private readonly SlowHandler _handler = new();
    private EngineHarness _engine = null!;

    [SetUp]
    public async Task SetUp() => _engine = await EngineHarness.CreateAsync(StorageProvider.Sqlite,
        o => o.Jobs.BatchSize = 10, services: s => s.AddSingleton<IInboxHandler>(_handler));

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private InboxStore Store => _engine.Services.GetRequiredService<InboxStore>();

    private SqliteWriteTurns Turns => _engine.Services.GetRequiredService<ReferralsDbContextFactory>().WriteTurns!;

    [Test]
    public async Task Ingest_WaitsForItsTurn_WhileAnotherWriterHoldsIt()
    {
        var held = await Turns.TakeAsync(CancellationToken.None);
        var adding = Store.TryAddAsync(Message("d-0"));

        await Polling.UntilAsync(() => Turns.OthersWaiting);
        Assert.That(adding.IsCompleted, Is.False, "the delivery is not committed while the turn is held");
        held.Dispose();

        Assert.That(await adding, Is.True);
    }

    [Test]
    public async Task Drain_CommitsWhatItHandledAndHandsTheTurnOn_WhenAWriterWaitsMidGroup()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.TryAddAsync(Message($"d-{i}"));
        }

        int? processedWhenTheWriterGotItsTurn = null;
        Task? writer = null;
        _handler.OnFirst = async () =>
        {
            // Another writer queues for the turn during the group's first message, which then takes longer than the
            // group may keep the turn while someone waits.
            writer = Task.Run(async () =>
            {
                using (await Turns.TakeAsync(CancellationToken.None))
                {
                    processedWhenTheWriterGotItsTurn = await _engine.RunAsync((db, _) => db.Inbox.CountAsync(m => m.ProcessedAt != null));
                }
            });
            await Polling.UntilAsync(() => Turns.OthersWaiting);
            await Task.Delay(InboxProcessor.YieldTurnAfter * 2);
        };

        var result = await _engine.Services.GetRequiredService<InboxProcessor>().RunAsync();
        await writer!;

        Assert.That(result.Succeeded, Is.EqualTo(5), "every message is handled in the end");
        Assert.That(processedWhenTheWriterGotItsTurn, Is.EqualTo(1), "the group committed its first message and handed the turn on");
        Assert.That(_handler.Handled, Is.EqualTo(new[] { "d-0", "d-1", "d-2", "d-3", "d-4" }), "each once, in order");
    }

    private InboxMessage Message(string deliveryId) =>
        new("turns-test", deliveryId, null, "orders/paid", "acme.myshopify.com", Encoding.UTF8.GetBytes("{}"), _engine.Clock.GetUtcNow());

    private sealed class SlowHandler : IInboxHandler
    {
        public List<string> Handled { get; } = [];

        public Func<Task>? OnFirst { get; set; }

        public string Source => "turns-test";

        public bool Handles(string topic) => true;

        public async Task HandleAsync(InboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
        {
            Handled.Add(message.DeliveryId);
            if (Handled.Count == 1 && OnFirst is { } first)
            {
                await first();
            }
        }
    }
}
