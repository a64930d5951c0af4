using System.Data.Common;
using Npgsql;

namespace Referrals.Core.Persistence;

/// <summary>
/// What the engine adds to a PostgreSQL connection string the operator did not decide themselves. Npgsql prepares no
/// statement unless asked, so the server parsed and planned each of a drained order's statements again on every
/// execution. With automatic preparation a statement run <c>Auto Prepare Min Usages</c> times (5 by default) on a
/// physical connection is prepared there and kept, up to <see cref="MaxAutoPrepare"/> per connection.
/// </summary>
/// <remarks>
/// An operator whose pooler cannot keep prepared statements (PgBouncer before 1.21 in transaction mode, or without
/// <c>max_prepared_statements</c>) sets <c>Max Auto Prepare=0</c> in the connection string; a value given there is kept.
/// </remarks>
internal static class PostgreSqlConnectionDefaults
{
    /// <summary>Statements kept prepared per physical connection: the engine's hot statements fit with room to spare.</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>The connection string with automatic preparation on, unless it says otherwise.</summary>
    /// <exception cref="ArgumentException">The connection string is not a valid Npgsql connection string.</exception>
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "maxautoprepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        return builder.ConnectionString;
    }

    // Npgsql's builder answers ContainsKey for every keyword it knows, set or not: the keys as written are read instead,
    // in any case and spacing ("Max Auto Prepare", "MaxAutoPrepare").
    private static bool Mentions(string connectionString, string compactKeyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), compactKeyword, StringComparison.OrdinalIgnoreCase));
}
