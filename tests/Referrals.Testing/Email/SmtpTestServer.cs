using System.Diagnostics;
using System.Text.Json;
using MimeKit;
using Referrals.Testing.Databases;

namespace Referrals.Testing.Email;

/// <summary>
/// A real SMTP server on loopback for the tests: Debian's <c>python3-aiosmtpd</c> running <c>smtp_test_server.py</c>.
/// Every accepted message lands in <see cref="Received"/>; recipients starting with <c>reject</c> get a 550.
/// Start it in a one-time set-up and dispose it in the teardown. Without aiosmtpd, <see cref="Start"/> throws
/// with an install hint, so the tests fail rather than skip.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(20);
    private static readonly string[] _pythonCandidates = ["/usr/bin/python3", "python3"];

    private readonly Process _process;

    private readonly string _root;

    private SmtpTestServer(Process process, string root, string directory, int port)
    {
        _process = process;
        _root = root;
        Directory = directory;
        Port = port;
    }

    /// <summary>The loopback host to connect to.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Where the server writes what it receives.</summary>
    public string Directory { get; }

    /// <summary>Starts a server on a free port and waits until it listens.</summary>
    /// <exception cref="InvalidOperationException">aiosmtpd is not installed, or the server did not start.</exception>
    public static SmtpTestServer Start()
    {
        var python = FindPythonWithAiosmtpd() ?? throw new InvalidOperationException(
            "The SMTP tests need a real SMTP server: Debian's python3-aiosmtpd. Install it with `apt-get install -y python3-aiosmtpd` (bash .ci/run does this).");
        var root = Path.Combine(Path.GetTempPath(), "referrals-smtp-" + Environment.ProcessId + "-" + Path.GetRandomFileName());
        var directory = Path.Combine(root, "received");
        System.IO.Directory.CreateDirectory(directory);
        var script = Path.Combine(root, SmtpTestServerScript.FileName);
        File.WriteAllText(script, SmtpTestServerScript.Source);
        var port = FreeTcpPort.Next();
        var startInfo = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-u");
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add(directory);
        startInfo.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {python} {script}.");
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(_startTimeout) || ready.Result != "READY")
        {
            var line = ready.IsCompleted ? ready.Result : null;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            var error = process.StandardError.ReadToEnd();
            process.Dispose();
            System.IO.Directory.Delete(root, recursive: true);
            throw new InvalidOperationException($"The test SMTP server did not start on port {port} (first line: '{line}').\n{error}");
        }

        return new SmtpTestServer(process, root, directory, port);
    }

    /// <summary>Everything received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedEmail> Received()
    {
        var messages = new List<ReceivedEmail>();
        foreach (var eml in System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal))
        {
            using var envelope = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(eml, ".json")));
            var root = envelope.RootElement;
            messages.Add(new ReceivedEmail(
                root.GetProperty("mail_from").GetString() ?? "",
                root.GetProperty("rcpt_tos").EnumerateArray().Select(e => e.GetString() ?? "").ToList(),
                MimeMessage.Load(eml)));
        }

        return messages;
    }

    /// <summary>Forgets what was received (call it in each test's set-up).</summary>
    public void Clear()
    {
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            File.Delete(file);
        }
    }

    /// <summary>Stops the server (closing its input ends it; it is killed if it lingers) and deletes what it received.</summary>
    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                System.IO.Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }

    private static string? FindPythonWithAiosmtpd()
    {
        foreach (var candidate in _pythonCandidates)
        {
            var result = ExternalCommand.Run(candidate, ["-c", "import aiosmtpd.controller"], Path.GetTempPath(), TimeSpan.FromSeconds(20));
            if (result.Succeeded)
            {
                return candidate;
            }
        }

        return null;
    }
}
