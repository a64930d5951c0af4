using NUnit.Framework;

namespace Referrals.Testing;

/// <summary>Waits for a condition another task brings about: a guard against hanging, not a timing assertion.</summary>
public static class Polling
{
    /// <summary>Checks <paramref name="condition"/> every 10 ms; fails the test if it is still false after 10 s.</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True, "the awaited condition never came true");
    }
}
