using System.Globalization;

namespace Referrals.Testing.Databases;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl): they are not on PATH on Debian.</summary>
internal static class PostgreSqlBinaries
{
    public const string InstallHint = "PostgreSQL 15 server binaries not found: apt-get install postgresql-15";

    /// <summary>The directory holding initdb and pg_ctl.</summary>
    /// <exception cref="InvalidOperationException">No server binaries are installed.</exception>
    public static string FindDirectory()
    {
        var tried = new List<string>();
        var pgConfig = ExternalCommand.Run("pg_config", ["--bindir"], Path.GetTempPath(), TimeSpan.FromSeconds(30));
        if (pgConfig.Succeeded && HasServer(pgConfig.StandardOutput.Trim()))
        {
            return pgConfig.StandardOutput.Trim();
        }

        tried.Add(pgConfig.Succeeded ? $"pg_config --bindir printed {pgConfig.StandardOutput.Trim()}, which has no initdb" : pgConfig.Describe());

        // Debian keeps one directory per major version; take the newest that has a server.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Directory: Path.Combine(d, "bin"), Version: MajorVersion(Path.GetFileName(d))))
                .Where(x => x.Version > 0 && HasServer(x.Directory))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Directory)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        tried.Add($"no {debianRoot}/*/bin holds initdb and pg_ctl");
        throw new InvalidOperationException($"{InstallHint}\n" + string.Join('\n', tried));
    }

    private static bool HasServer(string directory) =>
        directory.Length > 0
        && File.Exists(Path.Combine(directory, "initdb"))
        && File.Exists(Path.Combine(directory, "pg_ctl"))
        && File.Exists(Path.Combine(directory, "postgres"));

    private static int MajorVersion(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
}
