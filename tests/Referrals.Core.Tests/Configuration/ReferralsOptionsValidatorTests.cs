using Microsoft.Extensions.Options;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;

namespace Referrals.Core.Tests.Configuration;

public sealed class ReferralsOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(ReferralsOptions options) => new ReferralsOptionsValidator().Validate(null, options);

    private static TestCaseData Case(string name, Action<ReferralsOptions> breakIt, string key, string fix) =>
        new TestCaseData(breakIt, key, fix).SetArgDisplayNames(name);

    /// <summary>One bad value each: what to break, the key the failure must start with, and part of the fix.</summary>
    private static IEnumerable<TestCaseData> SingleValueFailures()
    {
        yield return Case("unknown provider", o => o.Storage.Provider = (StorageProvider)7, "Referrals:Storage:Provider", "Use Sqlite, PostgreSql or SqlServer");
        yield return Case("empty connection string", o => o.Storage.ConnectionString = "", "Referrals:Storage:ConnectionString", "Data Source=data/referrals.db");
        yield return Case("blank connection string", o => o.Storage.ConnectionString = "   ", "Referrals:Storage:ConnectionString", "is empty");
        yield return Case("SQLite with a PostgreSQL string", o => o.Storage.ConnectionString = "Host=localhost;Database=referrals;Username=app", "Referrals:Storage:ConnectionString", "Data Source=path/to/referrals.db");
        yield return Case("PostgreSQL with an SQLite string", o => { o.Storage.Provider = StorageProvider.PostgreSql; o.Storage.ConnectionString = "Data Source=data/referrals.db"; }, "Referrals:Storage:ConnectionString", "Host=...;Database=");
        yield return Case("unknown job storage", o => o.Jobs.Storage = "Redis", "Referrals:Jobs:Storage", "Use InMemory, PostgreSql or SqlServer");
        yield return Case("blank job storage", o => o.Jobs.Storage = "", "Referrals:Jobs:Storage", "Use InMemory, PostgreSql or SqlServer");
        yield return Case("tiny SQLite cache", o => o.Storage.SqliteCacheSizeKiB = 63, "Referrals:Storage:SqliteCacheSizeKiB", "64-1048576");
        yield return Case("huge SQLite cache", o => o.Storage.SqliteCacheSizeKiB = 1_048_577, "Referrals:Storage:SqliteCacheSizeKiB", "64-1048576");
        yield return Case("no workers", o => o.Jobs.Workers = 0, "Referrals:Jobs:Workers", "1-64");
        yield return Case("too many workers", o => o.Jobs.Workers = 65, "Referrals:Jobs:Workers", "1-64");
        yield return Case("empty batch", o => o.Jobs.BatchSize = 0, "Referrals:Jobs:BatchSize", "1-5000");
        yield return Case("huge batch", o => o.Jobs.BatchSize = 5001, "Referrals:Jobs:BatchSize", "1-5000");
        yield return Case("short lease", o => o.Jobs.LeaseSeconds = 9, "Referrals:Jobs:LeaseSeconds", "longer than one batch takes");
        yield return Case("long lease", o => o.Jobs.LeaseSeconds = 3601, "Referrals:Jobs:LeaseSeconds", "10-3600");
        yield return Case("no attempts", o => o.Jobs.MaxAttempts = 0, "Referrals:Jobs:MaxAttempts", "1-100");
        yield return Case("too many attempts", o => o.Jobs.MaxAttempts = 101, "Referrals:Jobs:MaxAttempts", "1-100");
    }

    [Test]
    public void Validate_Succeeds_WhenOptionsAreDefaults() =>
        Assert.That(Validate(new ReferralsOptions()).Succeeded, Is.True);

    [TestCaseSource(nameof(SingleValueFailures))]
    public void Validate_FailsNamingTheKeyAndTheFix_WhenOneValueIsBad(Action<ReferralsOptions> breakIt, string key, string fix)
    {
        var options = new ReferralsOptions();
        breakIt(options);

        var result = Validate(options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures, Has.Exactly(1).Items, result.FailureMessage);
        Assert.That(result.Failures!.Single(), Does.StartWith(key).And.Contain(fix));
    }

    [TestCase(StorageProvider.Sqlite, "Data Source=/var/lib/referrals/referrals.db;Cache=Shared")]
    [TestCase(StorageProvider.PostgreSql, "Host=db.internal;Port=5432;Database=referrals;Username=app;Password=secret")]
    [TestCase(StorageProvider.SqlServer, "Server=sql.internal;Database=Umbraco;Integrated Security=true;TrustServerCertificate=true")]
    public void Validate_Succeeds_WhenTheConnectionStringSuitsTheProvider(StorageProvider provider, string connectionString)
    {
        var options = new ReferralsOptions { Storage = new StorageOptions { Provider = provider, ConnectionString = connectionString } };

        Assert.That(Validate(options).Succeeded, Is.True, Validate(options).FailureMessage);
    }

    [TestCase("InMemory")]
    [TestCase("PostgreSql")]
    [TestCase("SqlServer")]
    public void Validate_Succeeds_WhenTheJobStorageIsKnown(string storage) =>
        Assert.That(Validate(new ReferralsOptions { Jobs = new JobOptions { Storage = storage } }).Succeeded, Is.True);

    [TestCase(1, 1, 10, 1)]
    [TestCase(64, 5000, 3600, 100)]
    public void Validate_Succeeds_WhenJobValuesAreAtTheEdgesOfTheirRanges(int workers, int batchSize, int leaseSeconds, int maxAttempts)
    {
        var options = new ReferralsOptions
        {
            Jobs = new JobOptions { Workers = workers, BatchSize = batchSize, LeaseSeconds = leaseSeconds, MaxAttempts = maxAttempts },
        };

        Assert.That(Validate(options).Succeeded, Is.True, Validate(options).FailureMessage);
    }

    [Test]
    public void Validate_PassesProgramProblemsThrough_WhenTheProgramDefaultsAreInvalid()
    {
        var options = new ReferralsOptions();
        options.Program.HoldDays = -1;
        options.Program.Currency = "euro";

        var result = Validate(options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures, Has.Exactly(1).Matches<string>(f => f.StartsWith("Referrals:Program:HoldDays: ", StringComparison.Ordinal) && f.Contains("0-365", StringComparison.Ordinal)));
        Assert.That(result.Failures, Has.Exactly(1).Matches<string>(f => f.StartsWith("Referrals:Program:Currency: ", StringComparison.Ordinal) && f.Contains("ISO 4217", StringComparison.Ordinal)));
    }

    [Test]
    public void Validate_ReportsEveryFailure_WhenSeveralValuesAreBad()
    {
        var options = new ReferralsOptions();
        options.Storage.ConnectionString = "";
        options.Jobs.Workers = 0;
        options.Jobs.Storage = "Redis";
        options.Program.VelocityLimit = 0;

        var result = Validate(options);

        Assert.That(result.Failures!.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)].TrimEnd(':')), Is.EquivalentTo(new[]
        {
            "Referrals:Storage:ConnectionString",
            "Referrals:Jobs:Storage",
            "Referrals:Jobs:Workers",
            "Referrals:Program:VelocityLimit",
        }));
    }

    [Test]
    public void Validate_Throws_WhenTheOptionsAreNull() =>
        Assert.That(() => new ReferralsOptionsValidator().Validate(null, null!), Throws.ArgumentNullException);
}
