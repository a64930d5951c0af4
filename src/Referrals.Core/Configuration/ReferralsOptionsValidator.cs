using Microsoft.Extensions.Options;
using Referrals.Core.Email;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Configuration;

/// <summary>
/// Checks <see cref="ReferralsOptions"/> at start-up. Each failure names the key and how to fix it, so a bad
/// setting stops the app with a message instead of failing later at the first webhook.
/// </summary>
public sealed class ReferralsOptionsValidator : IValidateOptions<ReferralsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReferralsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string storage = $"{ReferralsOptions.SectionName}:Storage";
        const string jobs = $"{ReferralsOptions.SectionName}:Jobs";

        if (!Enum.IsDefined(options.Storage.Provider))
        {
            failures.Add($"{storage}:Provider: '{options.Storage.Provider}' is not a storage provider. Use Sqlite, PostgreSql or SqlServer.");
        }

        if (string.IsNullOrWhiteSpace(options.Storage.ConnectionString))
        {
            failures.Add($"{storage}:ConnectionString is empty. Set it, for example \"{StorageOptions.DefaultConnectionString}\" for SQLite or \"Host=localhost;Database=referrals;Username=app\" for PostgreSQL.");
        }
        else if (options.Storage.Provider == StorageProvider.Sqlite && !options.Storage.ConnectionString.Contains("Data Source", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{storage}:ConnectionString does not look like an SQLite connection string. Use \"Data Source=path/to/referrals.db\".");
        }
        else if (options.Storage.Provider == StorageProvider.PostgreSql && !options.Storage.ConnectionString.Contains("Host", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{storage}:ConnectionString does not look like a PostgreSQL connection string. Use \"Host=...;Database=...;Username=...;Password=...\".");
        }

        if (options.Storage.SqliteCacheSizeKiB is < 64 or > 1_048_576)
        {
            failures.Add($"{storage}:SqliteCacheSizeKiB: {options.Storage.SqliteCacheSizeKiB} is outside 64-1048576 (KiB of page cache per SQLite connection). {StorageOptions.DefaultSqliteCacheSizeKiB} is the default.");
        }

        if (options.Jobs.Storage is not ("InMemory" or "PostgreSql" or "SqlServer"))
        {
            failures.Add($"{jobs}:Storage: '{options.Jobs.Storage}' is not a job storage. Use InMemory, PostgreSql or SqlServer.");
        }

        if (options.Jobs.Workers is < 1 or > 64)
        {
            failures.Add($"{jobs}:Workers: {options.Jobs.Workers} is outside 1-64. {JobOptions.DefaultWorkers} suits a small machine.");
        }

        if (options.Jobs.BatchSize is < 1 or > 5000)
        {
            failures.Add($"{jobs}:BatchSize: {options.Jobs.BatchSize} is outside 1-5000. {JobOptions.DefaultBatchSize} is the default.");
        }

        if (options.Jobs.LeaseSeconds is < 10 or > 3600)
        {
            failures.Add($"{jobs}:LeaseSeconds: {options.Jobs.LeaseSeconds} is outside 10-3600. Make it longer than one batch takes; {JobOptions.DefaultLeaseSeconds} is the default.");
        }

        if (options.Jobs.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{jobs}:MaxAttempts: {options.Jobs.MaxAttempts} is outside 1-100.");
        }

        failures.AddRange(EmailOptionsValidator.Validate(options.Email ?? new EmailOptions()));
        failures.AddRange(LinkOptionsValidator.Validate(options.Links ?? new LinkOptions()));
        failures.AddRange(ProgramSettingsValidator.Validate(options.Program).Select(p => p.ToString()));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
