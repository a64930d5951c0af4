using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NUnit.Framework;

namespace Referrals.Testing.Databases;

/// <summary>
/// A throw-away PostgreSQL server for the test process: started once, on first use, on a free loopback port, with its
/// data in a new temporary directory (in memory when /dev/shm has room), tuned for speed over durability (no fsync).
/// <see cref="Stop"/> shuts it down and deletes the directory: call it from the test assembly's SetUpFixture (through
/// <see cref="TestDatabases.CleanUp"/>). It also runs at process exit, and a detached watcher stops the server if the
/// test process dies before either (vstest kills its test host soon after a run).
/// </summary>
/// <remarks>
/// initdb refuses to run as root, so under root the directory is handed to the <c>postgres</c> user and the server
/// programs run through <c>runuser -u postgres</c>. A failure to start is never a reason to skip: it throws, with the
/// failing command's output and what to install.
/// </remarks>
public sealed class PostgreSqlServer
{
    /// <summary>The most pooled connections one database's connection string opens.</summary>
    public const int MaxPoolSize = 10;

    private const string SuperUser = "postgres";
    private const int StartAttempts = 5;
    private const long MinimumScratchBytes = 1L << 30;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private static readonly Lock _gate = new();
    private static Task<PostgreSqlServer>? _starting;
    private static PostgreSqlServer? _running;
    private static bool _exitHookRegistered;

    private readonly string _binDirectory;
    private readonly bool _runAsPostgres;

    private PostgreSqlServer(string directory, string binDirectory, bool runAsPostgres)
    {
        RootDirectory = directory;
        _binDirectory = binDirectory;
        _runAsPostgres = runAsPostgres;
    }

    /// <summary>The temporary directory: the data directory, the server log and the Unix socket.</summary>
    public string RootDirectory { get; }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>How long initdb and the start took.</summary>
    public TimeSpan StartupTime { get; private set; }

    private string DataDirectory => Path.Combine(RootDirectory, "data");

    private string LogFile => Path.Combine(RootDirectory, "postgres.log");

    /// <summary>The process's server, started on the first call; later calls get the same one.</summary>
    /// <param name="cancellationToken">Stops waiting (the start itself goes on for other callers).</param>
    /// <exception cref="InvalidOperationException">The server could not be started; the message says why and what to install.</exception>
    public static Task<PostgreSqlServer> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<PostgreSqlServer> starting;
        lock (_gate)
        {
            if (!_exitHookRegistered)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
                _exitHookRegistered = true;
            }

            // A failed start stays failed: every test that needs the server reports the same reason quickly.
            starting = _starting ??= Task.Run(Start);
        }

        return starting.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the process's server, if one was started, and deletes its directory. Safe to call more than once.</summary>
    public static void Stop()
    {
        PostgreSqlServer? running;
        lock (_gate)
        {
            running = _running;
            _running = null;
            _starting = null;
        }

        running?.Shutdown();
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser, over TCP, pooled.</summary>
    public string ConnectionString(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Database = database,
            Pooling = true,
            MaxPoolSize = MaxPoolSize,
            IncludeErrorDetail = true,
            ApplicationName = "referrals-tests",
        }.ConnectionString;
    }

    private static PostgreSqlServer Start()
    {
        var clock = Stopwatch.StartNew();
        var binDirectory = PostgreSqlBinaries.FindDirectory();
        var runAsPostgres = Environment.UserName == "root";
        var directory = Path.Combine(ScratchRoot(), $"referrals-pg-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var server = new PostgreSqlServer(directory, binDirectory, runAsPostgres);
        try
        {
            server.InitializeAndStart();
            OrphanCleanup.WhenThisProcessEnds(server.ShutdownCommands());
        }
        catch
        {
            server.DeleteDirectory();
            throw;
        }

        server.StartupTime = clock.Elapsed;
        Log($"PostgreSQL listening on 127.0.0.1:{server.Port} after {clock.ElapsedMilliseconds} ms (data in {directory})");
        lock (_gate)
        {
            _running = server;
        }

        return server;
    }

    /// <summary>
    /// Memory-backed /dev/shm when it has room (creating a database from the template there takes a fraction of the
    /// time it takes on disk, and nothing needs to survive the process); the temporary directory otherwise.
    /// </summary>
    private static string ScratchRoot()
    {
        const string shm = "/dev/shm";
        try
        {
            if (!OperatingSystem.IsWindows() && Directory.Exists(shm) && new DriveInfo(shm).AvailableFreeSpace >= MinimumScratchBytes)
            {
                return shm;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Log($"{shm} is not usable ({ex.Message}); using {Path.GetTempPath()}");
        }

        return Path.GetTempPath();
    }

    private void InitializeAndStart()
    {
        Log($"initdb in {DataDirectory} with {_binDirectory}{(_runAsPostgres ? " as user postgres (we are root)" : "")}");
        if (_runAsPostgres)
        {
            Require(
                ExternalCommand.Run("chown", [$"{SuperUser}:{SuperUser}", RootDirectory], RootDirectory, CommandTimeout),
                $"Could not hand {RootDirectory} to the postgres user; it exists once postgresql-15 is installed ({PostgreSqlBinaries.InstallHint}).");
        }

        Require(
            RunServerProgram("initdb", ["-D", DataDirectory, "-A", "trust", "-U", SuperUser, "-E", "UTF8", "--no-locale", "--no-sync"]),
            $"initdb could not create a cluster in {DataDirectory}.");

        for (var attempt = 1; ; attempt++)
        {
            Port = FreeTcpPort.Next();
            var start = StartServer();
            if (start.Succeeded)
            {
                return;
            }

            var log = ServerLogTail();
            if (attempt < StartAttempts && log.Contains("Address already in use", StringComparison.Ordinal))
            {
                Log($"port {Port} was taken before the server bound it; trying another");
                continue;
            }

            throw new InvalidOperationException($"pg_ctl could not start PostgreSQL. {start.Describe()}\nserver log:\n{log}");
        }
    }

    /// <summary>
    /// Stops the server (fast shutdown: every connection is cut, as when a database host restarts), waits
    /// <paramref name="down"/>, and starts it again on the same port and data directory. For tests of recovery from a
    /// database outage; other tests that use the server at the same time see the outage too.
    /// </summary>
    /// <exception cref="InvalidOperationException">pg_ctl could not stop or start the server; the message carries its output.</exception>
    public async Task RestartAsync(TimeSpan down, CancellationToken cancellationToken = default)
    {
        Require(RunServerProgram("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]), "pg_ctl could not stop PostgreSQL.");
        Log($"stopped for a restart, down for {down.TotalSeconds:0.#} s");
        await Task.Delay(down, cancellationToken);
        Require(StartServer(), $"pg_ctl could not start PostgreSQL again on port {Port}.");
        Log($"started again on port {Port}");
    }

    private CommandResult StartServer()
    {
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -k '{RootDirectory}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        return RunServerProgram("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-o", options, "-w", "-t", "60", "start"]);
    }

    private void Shutdown()
    {
        var stop = RunServerProgram("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"]);
        if (!stop.Succeeded)
        {
            Log($"fast stop failed, stopping immediately. {stop.Describe()}");
            RunServerProgram("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]);
        }

        DeleteDirectory();
        Log($"PostgreSQL on port {Port} stopped, {RootDirectory} deleted");
    }

    /// <summary>The same shutdown as sh commands, for <see cref="OrphanCleanup"/>.</summary>
    private string ShutdownCommands()
    {
        var pgCtl = OrphanCleanup.Quote(Path.Combine(_binDirectory, "pg_ctl"));
        var runAs = _runAsPostgres ? $"runuser -u {SuperUser} -- " : "";
        return $"{runAs}{pgCtl} -D {OrphanCleanup.Quote(DataDirectory)} -m immediate -w -t 30 stop; rm -rf {OrphanCleanup.Quote(RootDirectory)}";
    }

    private CommandResult RunServerProgram(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory, program);
        return _runAsPostgres
            ? ExternalCommand.Run("runuser", ["-u", SuperUser, "--", path, .. arguments], RootDirectory, CommandTimeout)
            : ExternalCommand.Run(path, arguments, RootDirectory, CommandTimeout);
    }

    private string ServerLogTail()
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(30));
        }
        catch (IOException ex)
        {
            return $"(no server log: {ex.Message})";
        }
    }

    private void DeleteDirectory()
    {
        try
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log($"could not delete {RootDirectory}: {ex.Message}");
        }
    }

    private static void Require(CommandResult result, string problem)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{problem} {result.Describe()}");
        }
    }

    private static void Log(string message) => TestContext.Progress.WriteLine($"[postgres] {message}");
}
