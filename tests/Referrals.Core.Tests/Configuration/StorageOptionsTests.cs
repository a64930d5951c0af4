using Referrals.Core.Configuration;
using Referrals.Core.Persistence;

namespace Referrals.Core.Tests.Configuration;

public sealed class StorageOptionsTests
{
    private static IEnumerable<TestCaseData> Defaults() => DocumentedDefaults.Of<StorageOptions>();

    [TestCaseSource(nameof(Defaults))]
    public void NewOptions_StartAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<StorageOptions>(constant);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void NewOptions_AreAnSqliteFileMigratedAtStartUp_WhenNothingIsSet()
    {
        var options = new StorageOptions();

        Assert.That(options.Provider, Is.EqualTo(StorageProvider.Sqlite));
        Assert.That(options.ConnectionString, Is.EqualTo("Data Source=data/referrals.db"));
        Assert.That(options.MigrateOnStartup, Is.True);
    }
}
