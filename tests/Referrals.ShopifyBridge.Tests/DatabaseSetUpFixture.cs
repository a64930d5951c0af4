using Referrals.Testing.Databases;

// No namespace on purpose: NUnit runs a SetUpFixture outside every namespace once around the whole assembly.

/// <summary>Stops the PostgreSQL server and deletes the SQLite files the tests made, once every test has run.</summary>
[SetUpFixture]
public sealed class DatabaseSetUpFixture
{
    [OneTimeTearDown]
    public void CleanUp() => TestDatabases.CleanUp();
}
