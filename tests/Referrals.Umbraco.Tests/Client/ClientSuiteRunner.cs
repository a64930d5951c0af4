using System.Diagnostics;
using System.Text;

namespace Referrals.Umbraco.Tests.Client;

/// <summary>
/// Runs npm commands in src/Referrals.Umbraco/Client and fails the calling test when one fails, with the tail of its
/// output. The browser suite needs the real package API: the test that hosts it passes its address as <c>apiUrl</c>
/// (REFERRALS_API_URL for the suite; see BackofficeBrowserTests).
/// </summary>
internal static class ClientSuiteRunner
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);
    private static readonly object BuildLock = new();
    private static bool s_built;

    public static string ClientDirectory => Path.Combine(FindRepositoryRoot(), "src", "Referrals.Umbraco", "Client");

    /// <summary>Installs packages when missing and builds the client once per test run (MSBuild may have skipped it).</summary>
    public static void EnsureBuilt()
    {
        lock (BuildLock)
        {
            if (s_built)
            {
                return;
            }

            if (!Directory.Exists(Path.Combine(ClientDirectory, "node_modules")))
            {
                Run("npm", "install --no-audit --no-fund");
            }

            Run("npm", "run build");
            s_built = true;
        }
    }

    /// <summary>Runs one Vitest file (path relative to the client folder) against the built client.</summary>
    public static void RunSuite(string suite, Uri? apiUrl = null)
    {
        EnsureBuilt();
        var environment = apiUrl is null ? null : new Dictionary<string, string> { ["REFERRALS_API_URL"] = apiUrl.ToString().TrimEnd('/') };
        Run("npx", $"vitest run {suite}", environment);
    }

    private static void Run(string tool, string arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            WorkingDirectory = ClientDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CI"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail($"'{tool}' could not be started ({exception.Message}): install Node.js 20+ to run the backoffice client tests.");
            return;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{tool} {arguments}' did not finish within {StepTimeout.TotalMinutes} minutes.\n{Tail(output)}");
        }

        process.WaitForExit();
        TestContext.Out.WriteLine(Tail(output));
        Assert.That(process.ExitCode, Is.Zero, $"'{tool} {arguments}' failed in {ClientDirectory}:\n{Tail(output)}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var lines = output.ToString().Split('\n');
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 150)));
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReferralPlugins.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("ReferralPlugins.sln not found above the test directory.");
    }
}
