using System.Diagnostics;
using System.Text;

namespace Referrals.Testing.Databases;

/// <summary>Runs a program to completion and captures what it printed; kills it when it overruns.</summary>
internal static class ExternalCommand
{
    public static CommandResult Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // English messages, so that failures can be recognised and read in any environment.
        startInfo.Environment["LC_ALL"] = "C";

        var commandLine = fileName + " " + string.Join(' ', arguments);
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new CommandResult(commandLine, -1, "", ex.Message);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CommandResult(commandLine, -1, Text(output), Text(error) + $"\n(killed after {timeout.TotalSeconds:0} s)");
        }

        // The parameterless overload also waits until both streams are drained.
        process.WaitForExit();
        return new CommandResult(commandLine, process.ExitCode, Text(output), Text(error));
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }

    private static string Text(StringBuilder source)
    {
        lock (source)
        {
            return source.ToString().Trim();
        }
    }
}

/// <summary>What a finished program printed and returned.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public string Describe() =>
        $"`{CommandLine}` exited with {ExitCode}."
        + (StandardError.Length > 0 ? $"\nstderr:\n{StandardError}" : "")
        + (StandardOutput.Length > 0 ? $"\nstdout:\n{StandardOutput}" : "");
}
