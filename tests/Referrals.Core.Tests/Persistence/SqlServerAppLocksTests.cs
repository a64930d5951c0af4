using Microsoft.EntityFrameworkCore;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;

namespace Referrals.Core.Tests.Persistence;

/// <summary>
/// SQL Server does not run here: the application-lock statements that the debt lock, the advocates' previous-start lock
/// and <see cref="HeldAcrossCallsLock"/> send are checked as text and as EF Core's SQL Server provider prepares them.
/// </summary>
public sealed class SqlServerAppLocksTests
{
    private const string Resource = "referrals-debt-0123456789ABCDEF";

    private static ReferralsDbContext CreateContext() => new ReferralsDbContextFactory(new StorageOptions
    {
        Provider = StorageProvider.SqlServer,
        ConnectionString = "Server=127.0.0.1,1;Database=referrals;User Id=sa;Password=unused;TrustServerCertificate=True;Connect Timeout=1",
    }).CreateDbContext();

    [TestCase(false)]
    [TestCase(true)]
    public void Acquire_ThrowsFromTheStatement_WhenSpGetAppLockReturnsANegativeCode(bool sessionOwned)
    {
        var sql = SqlServerAppLocks.Acquire(Resource, sessionOwned ? SqlServerAppLockOwner.Session : SqlServerAppLockOwner.Transaction).Format;

        // A deadlock victim (-3) or a time-out (-1) is only a return code: the statement must read it and raise.
        Assert.That(sql, Does.Contain("EXEC @result = sp_getapplock @Resource = {0}, @LockMode = 'Exclusive'"));
        Assert.That(sql, Does.Contain("IF @result < 0"));
        Assert.That(sql, Does.Contain($"THROW {SqlServerAppLocks.NotGrantedError}, @message, 1;"));
        Assert.That(sql.IndexOf("IF @result < 0", StringComparison.Ordinal), Is.GreaterThan(sql.IndexOf("sp_getapplock @Resource", StringComparison.Ordinal)));
    }

    [Test]
    public void Acquire_PassesTheResourceAsItsOnlyParameter_NeverInTheText()
    {
        var statement = SqlServerAppLocks.Acquire(Resource, SqlServerAppLockOwner.Transaction);

        Assert.That(statement.GetArguments(), Is.EqualTo(new object[] { Resource }));
        Assert.That(statement.Format, Does.Not.Contain(Resource));
    }

    [Test]
    public void Acquire_KeepsEachCallersOwner()
    {
        Assert.That(SqlServerAppLocks.Acquire(Resource, SqlServerAppLockOwner.Transaction).Format,
            Does.Contain("@LockOwner = 'Transaction';").And.Not.Contain("@LockTimeout"));
        Assert.That(SqlServerAppLocks.Acquire(Resource, SqlServerAppLockOwner.Session).Format,
            Does.Contain("@LockOwner = 'Session', @LockTimeout = -1;"));
    }

    [Test]
    public void Acquire_TranslatesForSqlServer_WithTheResourceBoundToOneParameter()
    {
        using var db = CreateContext();

        var sql = db.Database.SqlQuery<int>(SqlServerAppLocks.Acquire(Resource, SqlServerAppLockOwner.Transaction)).ToQueryString();

        // ToQueryString writes the parameter's declaration (without its @); the command sends it as @p0.
        Assert.That(sql, Does.Contain($"p0 nvarchar(4000) = N'{Resource}';"), sql);
        Assert.That(sql, Does.Contain("EXEC @result = sp_getapplock @Resource = @p0,"), sql);
        Assert.That(sql, Does.Contain("CONCAT(N'sp_getapplock did not grant the lock ', @p0,"), sql);
        Assert.That(sql, Does.Not.Contain("@p1"), sql);
    }

    [Test]
    public void Release_PassesTheResourceAsAParameter()
    {
        var statement = SqlServerAppLocks.Release(Resource);

        Assert.That(statement.Format, Is.EqualTo("EXEC sp_releaseapplock @Resource = {0}, @LockOwner = 'Session'"));
        Assert.That(statement.GetArguments(), Is.EqualTo(new object[] { Resource }));
    }

    [Test]
    public void Acquire_RefusesAResourceSpGetAppLockWouldTruncate() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SqlServerAppLocks.Acquire(new string('x', 256), SqlServerAppLockOwner.Session));
}
