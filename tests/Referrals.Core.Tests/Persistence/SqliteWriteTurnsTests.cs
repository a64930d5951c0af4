using Referrals.Core.Persistence;
using Referrals.Testing;

namespace Referrals.Core.Tests.Persistence;

/// <summary>The turns at SQLite's write lock go in arrival order, and the holder can see that someone waits.</summary>
public sealed class SqliteWriteTurnsTests
{
    [Test]
    public async Task Take_GivesTheTurnsInArrivalOrder_AndTellsTheHolderThatOthersWait()
    {
        var turns = new SqliteWriteTurns();
        var order = new List<int>();
        var first = await turns.TakeAsync(CancellationToken.None);
        Assert.That(turns.OthersWaiting, Is.False);

        var waiters = new List<Task>();
        for (var i = 1; i <= 3; i++)
        {
            var n = i;
            waiters.Add(Task.Run(async () =>
            {
                using (await turns.TakeAsync(CancellationToken.None))
                {
                    order.Add(n);
                }
            }));
            // The next waiter queues only once this one waits, so the arrival order is known.
            await Polling.UntilAsync(() => turns.Waiting == n);
        }

        Assert.That(turns.OthersWaiting, Is.True);
        first.Dispose();
        await Task.WhenAll(waiters);

        Assert.That(order, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(turns.OthersWaiting, Is.False);
    }

    [Test]
    public async Task Take_LeavesTheLine_WhenItsWaitIsCancelled()
    {
        var turns = new SqliteWriteTurns();
        var held = await turns.TakeAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = turns.TakeAsync(cancel.Token);
        await Polling.UntilAsync(() => turns.OthersWaiting);

        await cancel.CancelAsync();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(turns.OthersWaiting, Is.False);
        held.Dispose();
        held.Dispose();
        using var next = await turns.TakeAsync(CancellationToken.None);
        var another = turns.TakeAsync(CancellationToken.None);
        Assert.That(another.IsCompleted, Is.False, "a second disposal of a turn handed out no second turn");
        next.Dispose();
        (await another).Dispose();
    }
}
