using NUnit.Framework;

namespace Referrals.Testing.Databases;

/// <summary>
/// The backstop for clean-up that must happen even when the test process dies without running its exit handlers
/// (vstest kills its test host shortly after the run, often while ProcessExit handlers are still busy): a detached
/// shell, outside the test host's process tree, waits for this process to end and then runs the commands.
/// </summary>
internal static class OrphanCleanup
{
    // $0 is the watcher script; setsid and the trailing & detach it, and its output goes nowhere, so nothing waits on it.
    private const string Detach =
        "if command -v setsid >/dev/null 2>&1; then setsid sh -c \"$0\" </dev/null >/dev/null 2>&1 & else sh -c \"$0\" </dev/null >/dev/null 2>&1 & fi";

    /// <summary>Runs <paramref name="shellCommands"/> (sh syntax) once this process has ended.</summary>
    public static void WhenThisProcessEnds(string shellCommands)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var watcher = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {shellCommands}";
        var started = ExternalCommand.Run("sh", ["-c", Detach, watcher], Path.GetTempPath(), TimeSpan.FromSeconds(30));
        if (!started.Succeeded)
        {
            TestContext.Progress.WriteLine($"[cleanup] could not start the clean-up watcher; leftovers are possible. {started.Describe()}");
        }
    }

    /// <summary>Quotes <paramref name="value"/> as one sh word.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
