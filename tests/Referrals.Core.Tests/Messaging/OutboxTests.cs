using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Messaging;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class OutboxTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;

    public OutboxTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp() => _engine = await EngineHarness.CreateAsync(_provider);

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    [Test]
    public async Task Enqueue_KeepsOneMessage_WhenTheSameEffectIsWrittenTwice()
    {
        var tenant = await _engine.CreateTenantAsync();

        var added = await _engine.RunAsync(async (db, _) =>
        {
            var first = await OutboxWriter.EnqueueAsync(db, Message(tenant.Id, "reward.issue", "key-1"));
            var sameScope = await OutboxWriter.EnqueueAsync(db, Message(tenant.Id, "reward.issue", "key-1"));
            await db.SaveChangesAsync();
            var laterScope = await OutboxWriter.EnqueueAsync(db, Message(tenant.Id, "reward.issue", "key-1"));
            return (first, sameScope, laterScope);
        });

        Assert.That(added, Is.EqualTo((true, false, false)));
        await _engine.RunAsync(async (db, _) => Assert.That(await db.Outbox.CountAsync(), Is.EqualTo(1)));
    }

    [Test]
    public async Task Run_DeadLettersAtOnce_WhenNoHandlerCarriesOutTheKind()
    {
        var tenant = await _engine.CreateTenantAsync();
        await _engine.RunAsync(async (db, _) =>
        {
            await OutboxWriter.EnqueueAsync(db, Message(tenant.Id, "gift.send", "key-2"));
            await db.SaveChangesAsync();
        });

        var result = await _engine.Services.GetRequiredService<OutboxProcessor>().RunAsync();

        Assert.That(result, Is.EqualTo(new DrainResult(1, 0, 0, 1)));
        await _engine.RunAsync(async (db, _) =>
        {
            var message = await db.Outbox.SingleAsync();
            Assert.That(message.DeadLetteredAt, Is.Not.Null);
            Assert.That(message.LastError, Does.Contain("gift.send"));
        });
    }

    private OutboxMessage Message(Guid tenantId, string kind, string key) => new(tenantId, kind, key, "{}", _engine.Clock.GetUtcNow());
}
