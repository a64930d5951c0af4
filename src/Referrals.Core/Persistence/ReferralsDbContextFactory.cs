using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Persistence.Conversions;
using Referrals.Core.Persistence.Providers;

namespace Referrals.Core.Persistence;

/// <summary>
/// Builds the provider's <see cref="ReferralsDbContext"/>. Options are built once; each call makes a new, cheap context.
/// Thread-safe.
/// </summary>
public sealed class ReferralsDbContextFactory
{
    private readonly Func<ReferralsDbContext> _create;

    /// <summary>Creates the factory for <paramref name="storage"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The provider is unknown.</exception>
    public ReferralsDbContextFactory(StorageOptions storage)
        : this(storage, null)
    {
    }

    /// <summary>
    /// Creates the factory for <paramref name="storage"/> whose contexts keep <paramref name="lookups"/> up to date: codes and
    /// tenants written through them are dropped from the cache when saved and when committed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The provider is unknown.</exception>
    public ReferralsDbContextFactory(StorageOptions storage, ReferralLookupCache? lookups)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Storage = storage;
        IInterceptor[] shared = lookups is null ? [] : [new ReferralLookupInvalidator(lookups)];
        _create = storage.Provider switch
        {
            StorageProvider.Sqlite => Build<SqliteReferralsDbContext>(b => b
                .UseSqlite(storage.ConnectionString)
                .AddInterceptors([SqliteConnectionTuning.Instance, SqliteMoneyArithmeticGuard.Instance, .. shared]), o => new SqliteReferralsDbContext(o)),
            StorageProvider.PostgreSql => Build<PostgreSqlReferralsDbContext>(b => b.UseNpgsql(storage.ConnectionString).AddInterceptors(shared),
                o => new PostgreSqlReferralsDbContext(o)),
            StorageProvider.SqlServer => Build<SqlServerReferralsDbContext>(b => b.UseSqlServer(storage.ConnectionString).AddInterceptors(shared),
                o => new SqlServerReferralsDbContext(o)),
            _ => throw new ArgumentOutOfRangeException(nameof(storage), storage.Provider, "Unknown storage provider. Use Sqlite, PostgreSql or SqlServer."),
        };
    }

    /// <summary>The storage this factory connects to.</summary>
    public StorageOptions Storage { get; }

    /// <summary>A new context; the caller disposes it.</summary>
    public ReferralsDbContext CreateDbContext() => _create();

    private static Func<ReferralsDbContext> Build<TContext>(Action<DbContextOptionsBuilder<TContext>> configure, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : ReferralsDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        configure(builder);
        var options = builder.Options;
        return () => create(options);
    }

    /// <summary>Per-connection SQLite settings: WAL is a property of the file, these are not.</summary>
    private sealed class SqliteConnectionTuning : DbConnectionInterceptor
    {
        public static readonly SqliteConnectionTuning Instance = new();

        // NORMAL is durable in WAL mode except against power loss in the last commit; FULL would double fsyncs.
        private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
