using Referrals.Testing.Databases;

// No namespace on purpose: NUnit runs a SetUpFixture outside every namespace once around the whole assembly.

/// <summary>Stops the PostgreSQL server the database tests started (if any) once every test in the assembly has run.</summary>
[SetUpFixture]
public sealed class DatabaseSetUpFixture
{
    [OneTimeTearDown]
    public void StopPostgreSqlServer() => PostgreSqlServer.Stop();
}
