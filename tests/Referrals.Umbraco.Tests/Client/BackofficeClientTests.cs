using System.Diagnostics;
using System.Text;

namespace Referrals.Umbraco.Tests.Client;

/// <summary>
/// Runs the backoffice client's own Vitest suites (src/Referrals.Umbraco/Client/test) so that `dotnet test` covers them:
/// the manifest against Umbraco's schema plus the localization files, and the built elements in headless Chromium.
/// The browser suite talks to the API at REFERRALS_API_URL when that is set (the real API test host), else to the
/// contract stub it starts itself. Needs node (npm) and Debian's chromium (`apt-get install -y chromium`).
/// </summary>
[NonParallelizable]
public sealed class BackofficeClientTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    private static string ClientDirectory => Path.Combine(FindRepositoryRoot(), "src", "Referrals.Umbraco", "Client");

    [OneTimeSetUp]
    public void BuildClient()
    {
        if (!Directory.Exists(Path.Combine(ClientDirectory, "node_modules")))
        {
            Run("npm", "install --no-audit --no-fund");
        }

        // Build even when MSBuild skipped it (SkipReferralsClientBuild): the suites test the built files.
        Run("npm", "run build");
    }

    [TestCase("test/manifest.test.ts", TestName = "ManifestAndLocalization_PassTheirVitestSuite")]
    [TestCase("test/backoffice.browser.test.ts", TestName = "BuiltElements_PassTheirBrowserSuiteInChromium")]
    public void ClientSuite_Passes(string suite)
    {
        Run("npx", $"vitest run {suite}");
    }

    private static void Run(string tool, string arguments)
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
