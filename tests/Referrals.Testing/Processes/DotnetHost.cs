namespace Referrals.Testing.Processes;

/// <summary>The <c>dotnet</c> host to start child processes with.</summary>
public static class DotnetHost
{
    /// <summary>
    /// The SDK names the host it runs under; the test host may run under an apphost of its own, and <c>dotnet</c> need
    /// not be on the path.
    /// </summary>
    public static string Path =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
