using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.Connections;
using Referrals.Testing.Databases;

namespace Referrals.ShopifyBridge.Tests.Connections;

/// <summary>Tokens at rest: encrypted with Data Protection whose key ring lives in the same database. On every provider.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class TokenStorageTests(StorageProvider provider)
{
    private ConnectBridge _bridge = null!;

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync(provider);
        await _bridge.InstallAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    private string AccessToken => _bridge.Fake.OAuth.AccessTokenOf(ConnectBridge.Shop)!;

    [Test]
    public async Task NoTokenAppearsInPlainText_InAnyStoredColumn()
    {
        Assert.That(AccessToken, Does.StartWith("shpat_"));
        await using var db = _bridge.Database.CreateDbContext();
        var connection = await db.TenantConnections.AsNoTracking().SingleAsync();
        var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync();
        var stored = string.Join("\n",
            new[] { connection.TenantKey, connection.GrantedScopes, connection.ProtectedAccessToken, connection.ProtectedRefreshToken, connection.ProtectedApiSecret, connection.StatusReason }
                .Concat(keys.Select(k => k.Xml)));

        Assert.That(keys, Is.Not.Empty, "the key ring is kept in the database");
        Assert.That(stored, Does.Not.Contain(AccessToken).And.Not.Contain("shpat_").And.Not.Contain("shprt_"));
        Assert.That(stored, Does.Not.Contain(_bridge.Fake.OAuth.ClientSecret));
    }

    [Test]
    public async Task TheTokenSurvivesARestart()
    {
        await _bridge.RestartAsync();

        var token = await _bridge.Services.GetRequiredService<IShopifyAccessTokenSource>().GetAccessTokenAsync(ConnectBridge.Shop, CancellationToken.None);

        Assert.That(token, Is.EqualTo(AccessToken));
    }

    [Test]
    public async Task AnotherKeyRingCannotReadTheToken()
    {
        await using var db = _bridge.Database.CreateDbContext();
        var connection = await db.TenantConnections.AsNoTracking().SingleAsync();
        var ours = _bridge.Services.GetRequiredService<CredentialProtector>();
        var theirs = new CredentialProtector(new EphemeralDataProtectionProvider());

        Assert.That(ours.Unprotect(connection.ProtectedAccessToken), Is.EqualTo(AccessToken), "the bridge's own key ring reads it");
        Assert.That(() => theirs.Unprotect(connection.ProtectedAccessToken), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public async Task ABridgeOverAnotherDatabaseCannotReadTheToken()
    {
        string protectedToken;
        await using (var db = _bridge.Database.CreateDbContext())
        {
            protectedToken = (await db.TenantConnections.AsNoTracking().SingleAsync()).ProtectedAccessToken;
        }

        await using var other = await TestDatabase.CreateAsync(provider);
        using var services = new ServiceCollection().AddSingleton(other.Factory).AddDataProtection().Services
            .AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(
                sp => new Microsoft.Extensions.Options.ConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(
                    o => o.XmlRepository = new DatabaseXmlRepository(other.Factory)))
            .BuildServiceProvider();
        var protector = new CredentialProtector(services.GetRequiredService<IDataProtectionProvider>());
        protector.Protect("warm-up: creates that database's own key");

        Assert.That(() => protector.Unprotect(protectedToken), Throws.InstanceOf<CryptographicException>());
        await using var otherDb = other.CreateDbContext();
        Assert.That(await otherDb.DataProtectionKeys.CountAsync(), Is.EqualTo(1), "the other bridge made and stored its own key");
    }
}
