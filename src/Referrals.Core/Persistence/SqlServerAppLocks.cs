using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Referrals.Core.Persistence;

/// <summary>
/// SQL Server's application locks (<c>sp_getapplock</c>), the one place their SQL is written. A lock that is not
/// granted fails the statement: <c>sp_getapplock</c> reports a time-out (-1), a cancellation (-2), being chosen as a
/// deadlock victim (-3) or a bad call (-999) only in its return code, not as an error, so a caller that ignored it would
/// go on without the lock. The statement checks the code and throws error <see cref="NotGrantedError"/>, which reaches
/// the caller as a <c>SqlException</c> (and rolls its work back like any failed statement).
/// </summary>
internal static class SqlServerAppLocks
{
    /// <summary>The user error number raised when the lock is not granted.</summary>
    public const int NotGrantedError = 51000;

    /// <summary>Waits for the exclusive lock on <paramref name="resource"/> and fails unless it is granted.</summary>
    /// <param name="database">The database, on SQL Server; for <see cref="SqlServerAppLockOwner.Transaction"/> inside a transaction.</param>
    /// <param name="resource">The lock's name (at most 255 characters), sent as a parameter.</param>
    /// <param name="owner">Whether the lock ends with the transaction or is released explicitly (<see cref="Release"/>).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="System.Data.Common.DbException">The lock was not granted (a <c>SqlException</c> with error <see cref="NotGrantedError"/>), or the statement failed.</exception>
    public static Task AcquireAsync(DatabaseFacade database, string resource, SqlServerAppLockOwner owner, CancellationToken cancellationToken) =>
        database.ExecuteSqlAsync(Acquire(resource, owner), cancellationToken);

    /// <summary>The statement <see cref="AcquireAsync"/> runs: the resource is its only parameter.</summary>
    /// <exception cref="ArgumentException"><paramref name="resource"/> is empty or longer than <c>sp_getapplock</c> accepts.</exception>
    public static FormattableString Acquire(string resource, SqlServerAppLockOwner owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(resource.Length, 255, nameof(resource));
        // A session lock has no transaction to end it, so it says outright that it waits for as long as it takes; a
        // transaction lock keeps the session's LOCK_TIMEOUT, as it always has.
        var ownerArguments = owner == SqlServerAppLockOwner.Session ? "@LockOwner = 'Session', @LockTimeout = -1" : "@LockOwner = 'Transaction'";
        return FormattableStringFactory.Create(
            "DECLARE @result int;\n"
            + "EXEC @result = sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', " + ownerArguments + ";\n"
            + "IF @result < 0\n"
            + "BEGIN\n"
            + "    DECLARE @message nvarchar(2048) = CONCAT(N'sp_getapplock did not grant the lock ', {0}, N': return code ', @result,\n"
            + "        N' (-1 timed out, -2 cancelled, -3 chosen as deadlock victim, -999 invalid call).');\n"
            + "    THROW " + NotGrantedError + ", @message, 1;\n"
            + "END",
            resource);
    }

    /// <summary>The statement that releases a session lock taken with <see cref="SqlServerAppLockOwner.Session"/>.</summary>
    public static FormattableString Release(string resource)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        return $"EXEC sp_releaseapplock @Resource = {resource}, @LockOwner = 'Session'";
    }
}
