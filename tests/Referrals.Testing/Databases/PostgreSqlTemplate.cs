using System.Diagnostics;
using Npgsql;
using NUnit.Framework;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;

namespace Referrals.Testing.Databases;

/// <summary>
/// PostgreSQL test databases: one migrated template database per process, cloned with
/// <c>CREATE DATABASE ... TEMPLATE</c> for each test and dropped afterwards.
/// </summary>
internal static class PostgreSqlTemplate
{
    public const string TemplateName = "referrals_template";
    private const string MaintenanceDatabase = "postgres";

    // PostgreSQL refuses to copy a database while anyone else uses it, including another CREATE DATABASE copying it.
    private static readonly SemaphoreSlim _createGate = new(1, 1);
    private static readonly Lock _gate = new();
    private static Task? _template;
    private static PostgreSqlServer? _templateServer;

    /// <summary>Creates a new database copied from the migrated template and returns its connection string.</summary>
    public static async Task<string> CopyAsync(CancellationToken cancellationToken)
    {
        var server = await PostgreSqlServer.GetAsync(cancellationToken);
        await TemplateOn(server).WaitAsync(cancellationToken);
        var name = NewName();
        await CreateDatabaseAsync(server, name, $"TEMPLATE {TemplateName} STRATEGY FILE_COPY", cancellationToken);
        return server.ConnectionString(name);
    }

    /// <summary>Creates a new database with no tables and returns its connection string.</summary>
    public static async Task<string> EmptyAsync(CancellationToken cancellationToken)
    {
        var server = await PostgreSqlServer.GetAsync(cancellationToken);
        var name = NewName();
        await CreateDatabaseAsync(server, name, "TEMPLATE template0", cancellationToken);
        return server.ConnectionString(name);
    }

    /// <summary>Closes pooled connections to the database and drops it, disconnecting anyone still in it.</summary>
    public static async Task DropAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var server = await PostgreSqlServer.GetAsync(cancellationToken);
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{NameOf(connectionString)}\" WITH (FORCE)", cancellationToken);
    }

    public static string NameOf(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database
        ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));

    private static string NewName() => $"t_{Guid.NewGuid():N}";

    private static Task TemplateOn(PostgreSqlServer server)
    {
        lock (_gate)
        {
            // Made again after a failure, or when the server was stopped and another one started.
            if (_template is null || _template.IsFaulted || _template.IsCanceled || !ReferenceEquals(_templateServer, server))
            {
                _template = Task.Run(() => CreateTemplateAsync(server));
                _templateServer = server;
            }

            return _template;
        }
    }

    private static async Task CreateTemplateAsync(PostgreSqlServer server)
    {
        var clock = Stopwatch.StartNew();
        await CreateDatabaseAsync(server, TemplateName, "TEMPLATE template0", CancellationToken.None);

        // Unpooled, so that no idle connection stays in the template and blocks copying it.
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString(TemplateName)) { Pooling = false }.ConnectionString;
        await ReferralsDatabase.MigrateAsync(new ReferralsDbContextFactory(new StorageOptions
        {
            Provider = StorageProvider.PostgreSql,
            ConnectionString = connectionString,
        }));

        // Nobody may connect to it any more (a stray connection would make every copy fail).
        await ExecuteAsync(server, $"ALTER DATABASE {TemplateName} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", CancellationToken.None);
        TestContext.Progress.WriteLine($"[postgres] template database {TemplateName} migrated in {clock.ElapsedMilliseconds} ms");
    }

    private static async Task CreateDatabaseAsync(PostgreSqlServer server, string name, string options, CancellationToken cancellationToken)
    {
        await _createGate.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" {options}", cancellationToken);
        }
        finally
        {
            _createGate.Release();
        }
    }

    private static async Task ExecuteAsync(PostgreSqlServer server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(MaintenanceDatabase));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
