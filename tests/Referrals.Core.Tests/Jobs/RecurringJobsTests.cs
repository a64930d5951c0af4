using System.Text;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Jobs;

/// <summary>The engine's jobs run under a real Hangfire server on in-memory storage, resolved from the host's services.</summary>
public sealed class RecurringJobsTests
{
    [Test]
    public void AddOrUpdate_RegistersEachRecurringJobOnce_WhenCalledTwice()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);

        ReferralsRecurringJobs.AddOrUpdate(manager);
        ReferralsRecurringJobs.AddOrUpdate(manager);

        using var connection = storage.GetConnection();
        Assert.That(connection.GetRecurringJobs().Select(j => j.Id), Is.EquivalentTo(ReferralsRecurringJobs.All));
    }

    [Test]
    public async Task TriggeredDrain_ProcessesTheInbox_ThroughAHangfireServerWithScopedServices()
    {
        var handler = new RecordingHandler();
        await using var engine = await EngineHarness.CreateAsync(StorageProvider.Sqlite, services: s => s.AddSingleton<IInboxHandler>(handler));
        await engine.Services.GetRequiredService<InboxStore>().TryAddAsync(
            new InboxMessage("test", "d-1", null, "orders/paid", "acme.myshopify.com", Encoding.UTF8.GetBytes("{}"), engine.Clock.GetUtcNow()));
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        ReferralsRecurringJobs.AddOrUpdate(manager);

        using (new BackgroundJobServer(
            new BackgroundJobServerOptions { Activator = new AspNetCoreJobActivator(engine.Services.GetRequiredService<IServiceScopeFactory>()), WorkerCount = 1, SchedulePollingInterval = TimeSpan.FromMilliseconds(100) },
            storage))
        {
            manager.Trigger(ReferralsRecurringJobs.DrainInbox);
            await handler.Done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await engine.RunAsync(async (db, _) =>
        {
            for (var i = 0; i < 50 && await db.Inbox.AnyAsync(m => m.ProcessedAt == null); i++)
            {
                await Task.Delay(100);
            }

            Assert.That(await db.Inbox.SingleAsync(), Has.Property(nameof(InboxMessage.ProcessedAt)).Not.Null);
        });
    }

    private sealed class RecordingHandler : IInboxHandler
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Source => "test";

        public bool Handles(string topic) => true;

        public Task HandleAsync(InboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
        {
            Done.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
