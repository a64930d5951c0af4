using Referrals.Core.Persistence;
using Referrals.Testing.Databases;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// The lock held across calls to other systems: a second holder of the same name waits, on a factory of its own (as a
/// second instance would), until the first releases; other names do not wait; a holder's cancellation ends its wait.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class HeldAcrossCallsLockTests
{
    // Long enough for a lock that does not hold to be taken; the waits that must end are bounded by Ends instead.
    private static readonly TimeSpan Waiting = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Ends = TimeSpan.FromSeconds(10);

    private readonly StorageProvider _provider;
    private TestDatabase _database = null!;

    public HeldAcrossCallsLockTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp() => _database = await TestDatabase.CreateAsync(_provider);

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    [Test]
    public async Task ASecondHolderOfTheSameName_WaitsUntilTheFirstReleases()
    {
        var first = await HeldAcrossCallsLock.AcquireAsync(_database.Factory, "customer/1", CancellationToken.None);
        var second = HeldAcrossCallsLock.AcquireAsync(SecondInstance(), "customer/1", CancellationToken.None);

        var waitedWhileHeld = await Task.WhenAny(second, Task.Delay(Waiting)) != second;
        await first.DisposeAsync();
        await using var taken = await second.WaitAsync(Ends);

        Assert.That(waitedWhileHeld, Is.True, "the second holder waited while the first held the lock");
    }

    [Test]
    public async Task AnotherName_DoesNotWait()
    {
        await using var first = await HeldAcrossCallsLock.AcquireAsync(_database.Factory, "customer/1", CancellationToken.None);

        var other = HeldAcrossCallsLock.AcquireAsync(SecondInstance(), "customer/2", CancellationToken.None);
        var taken = await Task.WhenAny(other, Task.Delay(Ends)) == other;

        Assert.That(taken, Is.True, "customer/2 was taken while customer/1 was held");
        await (await other).DisposeAsync();
    }

    [Test]
    public async Task AWaitEndsWithItsCancellation_AndTheLockIsStillHeldOnlyByItsHolder()
    {
        var first = await HeldAcrossCallsLock.AcquireAsync(_database.Factory, "customer/1", CancellationToken.None);
        using var cancel = new CancellationTokenSource(Waiting);

        Assert.That(async () => await HeldAcrossCallsLock.AcquireAsync(SecondInstance(), "customer/1", cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        await first.DisposeAsync();
        await using var after = await HeldAcrossCallsLock.AcquireAsync(SecondInstance(), "customer/1", CancellationToken.None).WaitAsync(Ends);
    }

    private ReferralsDbContextFactory SecondInstance() => new(_database.Storage);
}
