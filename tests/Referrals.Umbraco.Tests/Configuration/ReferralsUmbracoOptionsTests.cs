using Microsoft.Extensions.Configuration;
using Referrals.Core.Persistence;
using Referrals.Umbraco.Configuration;

namespace Referrals.Umbraco.Tests.Configuration;

public sealed class ReferralsUmbracoOptionsTests
{
    [Test]
    public void Defaults_AreTheDocumentedConstants_AndValid()
    {
        var options = new ReferralsUmbracoOptions();

        Assert.That(options.TenantKey, Is.EqualTo(ReferralsUmbracoOptions.DefaultTenantKey));
        Assert.That(options.SiteName, Is.EqualTo(ReferralsUmbracoOptions.DefaultSiteName));
        Assert.That(options.LandingPath, Is.EqualTo(ReferralsUmbracoOptions.DefaultLandingPath));
        Assert.That(options.ThanksPath, Is.EqualTo(ReferralsUmbracoOptions.DefaultThanksPath));
        Assert.That(options.ReferFormPermitLimit, Is.EqualTo(ReferralsUmbracoOptions.DefaultReferFormPermitLimit));
        Assert.That(options.ReferFormWindowMinutes, Is.EqualTo(ReferralsUmbracoOptions.DefaultReferFormWindowMinutes));
        Assert.That(options.GrantSectionToAdministrators, Is.True);
        Assert.That(options.RunJobServer, Is.True);
        Assert.That(new ReferralsUmbracoOptionsValidator().Validate(null, options).Succeeded, Is.True);
    }

    [TestCase("https://evil.example")]
    [TestCase("//evil.example")]
    [TestCase("/\\evil.example")]
    [TestCase("offer")]
    [TestCase("")]
    public void Validator_RefusesALandingPathOffTheSite(string path)
    {
        var result = new ReferralsUmbracoOptionsValidator().Validate(null, new ReferralsUmbracoOptions { LandingPath = path });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Referrals:Umbraco:LandingPath"));
    }

    [TestCase("Microsoft.Data.Sqlite", "Data Source=x.db", StorageProvider.Sqlite)]
    [TestCase("Microsoft.Data.SqlClient", "Server=.;Database=umbraco", StorageProvider.SqlServer)]
    [TestCase(null, "Data Source=|DataDirectory|/Umbraco.sqlite.db", StorageProvider.Sqlite)]
    [TestCase(null, "Server=.;Database=umbraco", StorageProvider.SqlServer)]
    public void UmbracoStorage_PicksTheProvider_FromUmbracosProviderName(string? providerName, string connectionString, StorageProvider expected) =>
        Assert.That(UmbracoStorage.ProviderFor(providerName, connectionString), Is.EqualTo(expected));

    [Test]
    public void UmbracoStorage_LeavesAnExplicitReferralsStorageAlone()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:umbracoDbDSN"] = "Server=.;Database=umbraco",
            ["ConnectionStrings:umbracoDbDSN_ProviderName"] = "Microsoft.Data.SqlClient",
            ["Referrals:Storage:ConnectionString"] = "Data Source=own.db",
        }).Build();
        var storage = new Referrals.Core.Configuration.StorageOptions { ConnectionString = "Data Source=own.db" };

        Assert.That(UmbracoStorage.Apply(configuration, storage), Is.False);
        Assert.That(storage.Provider, Is.EqualTo(StorageProvider.Sqlite));
        Assert.That(storage.ConnectionString, Is.EqualTo("Data Source=own.db"));
    }

    [Test]
    public void UmbracoStorage_UsesUmbracosSqlServer_WhenNothingIsExplicit()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:umbracoDbDSN"] = "Server=.;Database=umbraco",
            ["ConnectionStrings:umbracoDbDSN_ProviderName"] = "Microsoft.Data.SqlClient",
        }).Build();
        var storage = new Referrals.Core.Configuration.StorageOptions();

        Assert.That(UmbracoStorage.Apply(configuration, storage), Is.True);
        Assert.That(storage.Provider, Is.EqualTo(StorageProvider.SqlServer));
        Assert.That(storage.ConnectionString, Is.EqualTo("Server=.;Database=umbraco"));
    }
}
