using System.Diagnostics;
using NUnit.Framework;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;

namespace Referrals.Testing.Databases;

/// <summary>
/// A fresh, migrated, empty database for one test, on a real SQLite file or a real PostgreSQL server. Dispose it at
/// the end of the test: the file is deleted or the database dropped.
/// </summary>
/// <example>
/// <code>
/// await using var db = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
/// await using var context = db.CreateDbContext();
/// </code>
/// </example>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;
    private int _disposed;

    private TestDatabase(StorageProvider provider, string connectionString, string name, Func<Task> drop)
    {
        Provider = provider;
        Storage = new StorageOptions { Provider = provider, ConnectionString = connectionString, MigrateOnStartup = false };
        Factory = new ReferralsDbContextFactory(Storage);
        Name = name;
        _drop = drop;
    }

    /// <summary>The database kind.</summary>
    public StorageProvider Provider { get; }

    /// <summary>Storage options pointing at this database, for code under test that takes them.</summary>
    public StorageOptions Storage { get; }

    /// <summary>The engine's context factory for this database.</summary>
    public ReferralsDbContextFactory Factory { get; }

    /// <summary>The SQLite file path or the PostgreSQL database name, for messages.</summary>
    public string Name { get; }

    /// <summary>A copy of the migrated template: every migration applied, no rows.</summary>
    /// <exception cref="NotSupportedException"><see cref="StorageProvider.SqlServer"/>: no server runs here.</exception>
    /// <exception cref="InvalidOperationException">PostgreSQL could not be started; the message says why.</exception>
    public static Task<TestDatabase> CreateAsync(StorageProvider provider, CancellationToken cancellationToken = default) =>
        CreateAsync(provider, migrated: true, cancellationToken);

    /// <summary>A database with no tables at all, for tests of the migrations themselves.</summary>
    /// <exception cref="NotSupportedException"><see cref="StorageProvider.SqlServer"/>: no server runs here.</exception>
    public static Task<TestDatabase> CreateEmptyAsync(StorageProvider provider, CancellationToken cancellationToken = default) =>
        CreateAsync(provider, migrated: false, cancellationToken);

    /// <summary>A new context on this database; the caller disposes it.</summary>
    public ReferralsDbContext CreateDbContext() => Factory.CreateDbContext();

    /// <summary>Deletes the SQLite file or drops the PostgreSQL database. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _drop();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Provider} {Name}";

    private static async Task<TestDatabase> CreateAsync(StorageProvider provider, bool migrated, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var database = provider switch
        {
            StorageProvider.Sqlite => await CreateSqliteAsync(migrated, cancellationToken),
            StorageProvider.PostgreSql => await CreatePostgreSqlAsync(migrated, cancellationToken),
            StorageProvider.SqlServer => throw new NotSupportedException(
                "SQL Server is not available on this machine, so there is no SQL Server test database. "
                + "Test the SQL Server mapping without a connection (build SqlServerReferralsDbContext and generate its scripts), "
                + "and run database tests on TestDatabases.All (SQLite and PostgreSQL)."),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
        };
        TestContext.Progress.WriteLine($"[{provider.ToString().ToLowerInvariant()}] test database {database.Name} ready in {clock.ElapsedMilliseconds} ms");
        return database;
    }

    private static async Task<TestDatabase> CreateSqliteAsync(bool migrated, CancellationToken cancellationToken)
    {
        var connectionString = migrated ? await SqliteTemplate.CopyAsync(cancellationToken) : SqliteTemplate.Empty();
        return new TestDatabase(StorageProvider.Sqlite, connectionString, SqliteTemplate.FileOf(connectionString), () =>
        {
            SqliteTemplate.Delete(connectionString);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgreSqlAsync(bool migrated, CancellationToken cancellationToken)
    {
        var connectionString = migrated
            ? await PostgreSqlTemplate.CopyAsync(cancellationToken)
            : await PostgreSqlTemplate.EmptyAsync(cancellationToken);
        return new TestDatabase(StorageProvider.PostgreSql, connectionString, PostgreSqlTemplate.NameOf(connectionString),
            () => PostgreSqlTemplate.DropAsync(connectionString, CancellationToken.None));
    }
}
