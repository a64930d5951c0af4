using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;

namespace Referrals.Testing.Databases;

/// <summary>
/// SQLite test databases: one migrated template file per process, copied for each test. The files live in one
/// temporary directory, deleted by <see cref="DeleteAll"/> (from <see cref="TestDatabases.CleanUp"/>), at process exit,
/// or by a watcher once the process has ended.
/// </summary>
internal static class SqliteTemplate
{
    private static readonly Lock _gate = new();
    private static string? _directory;
    private static Task<string>? _template;

    /// <summary>Copies the migrated template to a new file and returns its connection string.</summary>
    public static async Task<string> CopyAsync(CancellationToken cancellationToken)
    {
        Task<string> template;
        lock (_gate)
        {
            // A failed template stays failed: every SQLite test reports the same reason quickly.
            template = _template ??= Task.Run(() => CreateTemplateAsync(Path.Combine(ScratchDirectory(), "template.db")));
        }

        var source = await template.WaitAsync(cancellationToken);
        var path = NewPath();
        File.Copy(source, path);
        return ConnectionStringFor(path);
    }

    /// <summary>The connection string of a new file that does not exist yet.</summary>
    public static string Empty() => ConnectionStringFor(NewPath());

    /// <summary>Deletes the process's directory with the template and any test file left in it. Safe to call twice.</summary>
    public static void DeleteAll()
    {
        string? directory;
        lock (_gate)
        {
            directory = _directory;
            _directory = null;
            _template = null;
        }

        if (directory is not null)
        {
            DeleteDirectory(directory);
        }
    }

    /// <summary>Closes pooled connections to the file and deletes it with its WAL and shared-memory files.</summary>
    public static void Delete(string connectionString)
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }

    public static string FileOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    private static string NewPath() => Path.Combine(ScratchDirectory(), $"t_{Guid.NewGuid():N}.db");

    private static string ConnectionStringFor(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ConnectionString;

    private static async Task<string> CreateTemplateAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        var connectionString = ConnectionStringFor(path);
        var factory = new ReferralsDbContextFactory(new StorageOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = connectionString,
        });
        await ReferralsDatabase.MigrateAsync(factory);

        // A background checkpoint the migration's commits started would make the one below busy and keep the WAL open.
        await factory.WalCheckpointer!.WaitAsync();

        // The file is in WAL mode: committed pages may still sit in template.db-wal. Move them into the main file,
        // then close every pooled connection so that SQLite removes the WAL and the file alone is the database.
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        if (File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0)
        {
            throw new InvalidOperationException($"The SQLite template {path} still has a non-empty WAL after a checkpoint; copies would miss data.");
        }

        Log($"SQLite template migrated in {clock.ElapsedMilliseconds} ms ({path})");
        return path;
    }

    private static string ScratchDirectory()
    {
        lock (_gate)
        {
            if (_directory is null)
            {
                var directory = Path.Combine(Path.GetTempPath(), $"referrals-sqlite-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
                Directory.CreateDirectory(directory);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteDirectory(directory);
                OrphanCleanup.WhenThisProcessEnds($"rm -rf {OrphanCleanup.Quote(directory)}");
                _directory = directory;
            }

            return _directory;
        }
    }

    private static void DeleteDirectory(string directory)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log($"could not delete {directory}: {ex.Message}");
        }
    }

    private static void Log(string message) => TestContext.Progress.WriteLine($"[sqlite] {message}");
}
