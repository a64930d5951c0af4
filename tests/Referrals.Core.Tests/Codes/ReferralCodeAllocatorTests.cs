using Referrals.Core.Codes;

namespace Referrals.Core.Tests.Codes;

public sealed class ReferralCodeAllocatorTests
{
    [Test]
    public async Task AllocateAsync_ReturnsFirstCode_WhenItIsFree()
    {
        var allocator = new ReferralCodeAllocator(new SequenceRandomNumberGenerator(7, 19, 23, 2, 20, 9), new ReferralCodeOptions());
        var checkedKeys = new List<string>();

        var code = await allocator.AllocateAsync("Anna", Recording(checkedKeys, _ => false), CancellationToken.None);

        Assert.That(code.Display, Is.EqualTo("ANNA-7KQ2M9"));
        Assert.That(checkedKeys, Is.EqualTo(new[] { "ANNA7KQ2M9" }));
    }

    [Test]
    public async Task AllocateAsync_Retries_WhenGeneratedKeysCollide()
    {
        // Six zero bytes, then six ones, then six twos: three different codes.
        var bytes = Enumerable.Repeat((byte)0, 6).Concat(Enumerable.Repeat((byte)1, 6)).Concat(Enumerable.Repeat((byte)2, 6)).ToArray();
        var allocator = new ReferralCodeAllocator(new SequenceRandomNumberGenerator(bytes), new ReferralCodeOptions());
        var taken = new HashSet<string> { "ANNA000000", "ANNA111111" };
        var checkedKeys = new List<string>();

        var code = await allocator.AllocateAsync("Anna", Recording(checkedKeys, taken.Contains), CancellationToken.None);

        Assert.That(code.Display, Is.EqualTo("ANNA-222222"));
        Assert.That(checkedKeys, Is.EqualTo(new[] { "ANNA000000", "ANNA111111", "ANNA222222" }));
    }

    [Test]
    public async Task AllocateAsync_GrowsTheRandomPart_WhenMaxAttemptsAtOneLengthAreTaken()
    {
        // The source always gives zeros, so every 6-symbol try is ANNA-000000, which is taken.
        var allocator = new ReferralCodeAllocator(new SequenceRandomNumberGenerator(0), new ReferralCodeOptions());
        var checkedKeys = new List<string>();

        var code = await allocator.AllocateAsync("Anna", Recording(checkedKeys, key => key == "ANNA000000"), CancellationToken.None);

        Assert.That(code.Display, Is.EqualTo("ANNA-0000000"));
        Assert.That(checkedKeys, Has.Count.EqualTo(ReferralCodeOptions.DefaultMaxAttempts + 1));
        Assert.That(checkedKeys.Take(ReferralCodeOptions.DefaultMaxAttempts), Is.All.EqualTo("ANNA000000"));
    }

    [Test]
    public void AllocateAsync_ThrowsExhausted_WhenEveryCodeUpToMaxLengthIsTaken()
    {
        var options = new ReferralCodeOptions { RandomLength = 6, MaxRandomLength = 7, MaxAttempts = 3 };
        var allocator = new ReferralCodeAllocator(new SequenceRandomNumberGenerator(0), options);
        var checkedKeys = new List<string>();

        var thrown = Assert.ThrowsAsync<ReferralCodeExhaustedException>(
            async () => await allocator.AllocateAsync("Anna", Recording(checkedKeys, _ => true), CancellationToken.None));

        Assert.That(thrown.Attempts, Is.EqualTo(6));
        Assert.That(thrown.Message, Does.Contain("6 attempts").And.Contain("Referrals:Codes:MaxRandomLength"));
        Assert.That(checkedKeys, Is.EqualTo(new[]
        {
            "ANNA000000", "ANNA000000", "ANNA000000", "ANNA0000000", "ANNA0000000", "ANNA0000000",
        }));
    }

    [Test]
    public void AllocateAsync_StopsBeforeTheNextTry_WhenCancelled()
    {
        var allocator = new ReferralCodeAllocator(new SequenceRandomNumberGenerator(0), new ReferralCodeOptions());
        using var cancellation = new CancellationTokenSource();
        var calls = 0;

        Assert.That(
            async () => await allocator.AllocateAsync(
                "Anna",
                (_, _) =>
                {
                    calls++;
                    cancellation.Cancel();
                    return ValueTask.FromResult(true);
                },
                cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task AllocateAsync_PassesTheCancellationTokenToTheCheck()
    {
        var allocator = new ReferralCodeAllocator(new SequenceRandomNumberGenerator(0), new ReferralCodeOptions());
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;

        await allocator.AllocateAsync(
            null,
            (_, token) =>
            {
                seen = token;
                return ValueTask.FromResult(false);
            },
            cancellation.Token);

        Assert.That(seen, Is.EqualTo(cancellation.Token));
    }

    [Test]
    public void AllocateAsync_Throws_WhenCheckIsNull()
    {
        var allocator = new ReferralCodeAllocator(new SequenceRandomNumberGenerator(0), new ReferralCodeOptions());

        Assert.That(async () => await allocator.AllocateAsync("Anna", null!, CancellationToken.None), Throws.ArgumentNullException);
    }

    private static Func<string, CancellationToken, ValueTask<bool>> Recording(List<string> checkedKeys, Func<string, bool> isTaken) =>
        (key, _) =>
        {
            checkedKeys.Add(key);
            return ValueTask.FromResult(isTaken(key));
        };
}
