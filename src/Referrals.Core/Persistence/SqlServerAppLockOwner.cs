namespace Referrals.Core.Persistence;

/// <summary>What holds a SQL Server application lock (<see cref="SqlServerAppLocks"/>).</summary>
internal enum SqlServerAppLockOwner
{
    /// <summary>The current transaction: released at its commit or rollback.</summary>
    Transaction = 0,

    /// <summary>The connection's session: released explicitly, or when the session ends.</summary>
    Session = 1,
}
