using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Referrals.Core.Persistence;

/// <summary>Recognises a unique-key violation on any provider: the signal that an idempotent write already happened.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQL Server: 2627 unique constraint, 2601 unique index. Matched by name to keep SqlClient types out.
        { } other when other.GetType().Name == "SqlException" => other.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
