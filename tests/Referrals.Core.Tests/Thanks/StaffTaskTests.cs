using Referrals.Core.Thanks;

namespace Referrals.Core.Tests.Thanks;

public sealed class StaffTaskTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static StaffTask NewTask() =>
        new(Guid.NewGuid(), Guid.NewGuid(), StaffTaskKind.ThankYouCard, "referral:1", "Dear Anna", _now.AddDays(2), _now);

    [Test]
    public void NewTask_IsOpen_WithNothingDone()
    {
        var task = NewTask();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(task.State, Is.EqualTo(StaffTaskState.Open));
            Assert.That(task.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(task.DoneBy, Is.Null);
            Assert.That(task.DoneAt, Is.Null);
            Assert.That(task.CancelledAt, Is.Null);
            Assert.That(task.CreatedAt, Is.EqualTo(_now));
        }
    }

    [Test]
    public void MarkDone_RecordsWhoAndWhen()
    {
        var task = NewTask();

        task.MarkDone("maria", _now.AddHours(3));

        Assert.That((task.State, task.DoneBy, task.DoneAt), Is.EqualTo((StaffTaskState.Done, "maria", (DateTimeOffset?)_now.AddHours(3))));
    }

    [Test]
    public void MarkDone_Throws_WhenTheTaskIsCancelled()
    {
        var task = NewTask();
        task.Cancel(_now);

        Assert.Throws<InvalidOperationException>(() => task.MarkDone("maria", _now));
        Assert.That(task.State, Is.EqualTo(StaffTaskState.Cancelled));
    }

    [Test]
    public void Cancel_Throws_WhenTheTaskIsDone()
    {
        var task = NewTask();
        task.MarkDone("maria", _now);

        Assert.Throws<InvalidOperationException>(() => task.Cancel(_now));
        Assert.That(task.State, Is.EqualTo(StaffTaskState.Done));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void MarkDone_Throws_WithoutAName(string by) =>
        Assert.Throws<ArgumentException>(() => NewTask().MarkDone(by, _now));

    [Test]
    public void Constructor_Throws_WithoutASourceKey() =>
        Assert.Throws<ArgumentException>(() => _ = new StaffTask(Guid.NewGuid(), Guid.NewGuid(), StaffTaskKind.AskCall, " ", "", _now, _now));
}
