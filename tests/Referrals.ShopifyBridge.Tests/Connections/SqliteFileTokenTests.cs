using System.Text;
using Referrals.Core.Persistence;

namespace Referrals.ShopifyBridge.Tests.Connections;

/// <summary>
/// Tokens at rest, read the way an attacker with a copy of the file would: only SQLite keeps the database in a file a
/// test can read byte for byte (including its write-ahead log), so this fixture runs on SQLite alone.
/// </summary>
public sealed class SqliteFileTokenTests
{
    private ConnectBridge _bridge = null!;

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync(StorageProvider.Sqlite);
        await _bridge.InstallAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public void NoTokenAppearsInTheSqliteFile()
    {
        var accessToken = _bridge.Fake.OAuth.AccessTokenOf(ConnectBridge.Shop)!;
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_bridge.Database.Storage.ConnectionString).DataSource;
        var bytes = new[] { path, path + "-wal" }.Where(File.Exists).SelectMany(File.ReadAllBytes).ToArray();

        Assert.That(bytes, Is.Not.Empty);
        Assert.That(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(accessToken)), Is.EqualTo(-1));
        Assert.That(bytes.AsSpan().IndexOf("shprt_"u8), Is.EqualTo(-1));
    }
}
