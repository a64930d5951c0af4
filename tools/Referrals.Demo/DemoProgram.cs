namespace Referrals.Demo;

/// <summary><c>dotnet run --project tools/Referrals.Demo</c>: tells the story; exit code 0 when every step held, 1 otherwise.</summary>
internal static class DemoProgram
{
    public static async Task<int> Main()
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            var outcome = await DemoStory.RunAsync(Console.Out, cancellationToken: stop.Token);
            return outcome.Passed ? 0 : 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Something broke rather than an expectation failing (a port in use, a crash): say so, still exit 1.
            await Console.Error.WriteLineAsync($"FAILED: the demo stopped with {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }
}
