using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referrals.Core.Jobs;
using Referrals.Core.Persistence;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Jobs;

/// <summary>The coalesced drain nudge: one pending drain per process, however many deliveries arrive.</summary>
public sealed class DrainNudgeTests
{
    private FakeTimeProvider _clock = null!;
    private CountingJobClient _jobs = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(EngineHarness.Start);
        _jobs = new CountingJobClient();
    }

    [Test]
    public void Nudge_EnqueuesOneDrain_WhenManyDeliveriesArriveBeforeItStarts()
    {
        var nudge = new DrainNudge(_jobs, _clock);

        var enqueued = Enumerable.Range(0, 100).AsParallel().Count(_ => nudge.Nudge());

        Assert.That(enqueued, Is.EqualTo(1));
        Assert.That(_jobs.Created, Is.EqualTo(1));
        Assert.That(_jobs.LastType, Is.EqualTo(typeof(DrainInboxJob)));
    }

    [Test]
    public void Nudge_EnqueuesAnother_OnceThePendingDrainHasStarted()
    {
        var nudge = new DrainNudge(_jobs, _clock);
        nudge.Nudge();

        nudge.Started();

        Assert.That(nudge.Nudge(), Is.True);
        Assert.That(nudge.Nudge(), Is.False);
        Assert.That(_jobs.Created, Is.EqualTo(2));
    }

    [Test]
    public void Nudge_EnqueuesAnother_WhenThePendingDrainHasNotStartedWithinPendingFor()
    {
        var nudge = new DrainNudge(_jobs, _clock);
        nudge.Nudge();

        _clock.Advance(DrainNudge.PendingFor - TimeSpan.FromSeconds(1));
        Assert.That(nudge.Nudge(), Is.False);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(nudge.Nudge(), Is.True);
    }

    [Test]
    public void Nudge_TriesAgainOnTheNextDelivery_WhenTheEnqueueFailed()
    {
        var nudge = new DrainNudge(_jobs, _clock);
        _jobs.Fail = true;
        Assert.That(() => nudge.Nudge(), Throws.InvalidOperationException);

        _jobs.Fail = false;

        Assert.That(nudge.Nudge(), Is.True);
        Assert.That(_jobs.Created, Is.EqualTo(1));
    }

    [Test]
    public async Task DrainJob_ClearsThePendingMark_AsItStarts()
    {
        await using var engine = await EngineHarness.CreateAsync(StorageProvider.Sqlite);
        var nudge = engine.Services.GetRequiredService<DrainNudge>();
        Assert.That(nudge.Nudge(), Is.True);
        Assert.That(nudge.Nudge(), Is.False);

        await engine.Services.GetRequiredService<DrainInboxJob>().RunAsync(CancellationToken.None);

        Assert.That(nudge.Nudge(), Is.True);
    }

    private sealed class CountingJobClient : IBackgroundJobClient
    {
        private int _created;

        public int Created => _created;

        public Type? LastType { get; private set; }

        public bool Fail { get; set; }

        public string Create(Job job, IState state)
        {
            if (Fail)
            {
                throw new InvalidOperationException("The job storage is unavailable (test).");
            }

            LastType = job.Type;
            return Interlocked.Increment(ref _created).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
