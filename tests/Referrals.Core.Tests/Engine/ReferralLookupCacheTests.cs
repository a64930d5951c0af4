using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>The cached tenant and code lookups of link visits, and how writes through the engine's contexts invalidate them.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class ReferralLookupCacheTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Contact _anna = null!;
    private ReferralCode _code = null!;

    public ReferralLookupCacheTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private ReferralLookupCache Cache => _engine.Services.GetRequiredService<ReferralLookupCache>();

    private ReferralsDbContextFactory Databases => _engine.Services.GetRequiredService<ReferralsDbContextFactory>();

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync();
        (_anna, _code) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private ValueTask<LandingCode?> FindAsync(string typed) => Cache.FindCodeAsync(Databases, _tenant.Id, typed, CancellationToken.None);

    [Test]
    public async Task FindCode_AnswersLikeTheDatabaseLookup_InAnyCaseOrSpelling()
    {
        var found = await FindAsync(_code.Display.ToLowerInvariant().Replace('-', ' '));

        Assert.That(found, Is.EqualTo(new LandingCode(_anna.Id, _code.Display)));
        Assert.That(await FindAsync("NOBODY-123456"), Is.Null);
        Assert.That(await FindAsync("%2F%2F"), Is.Null);
        Assert.That(await Cache.FindCodeAsync(Databases, Guid.NewGuid(), _code.Display, CancellationToken.None), Is.Null, "another tenant's code");
    }

    [Test]
    public async Task FindCode_StopsFindingARevokedCode_AsSoonAsTheRevocationIsSaved()
    {
        Assert.That(await FindAsync(_code.Display), Is.Not.Null);

        await _engine.RunAsync(async (db, _) =>
        {
            (await db.ReferralCodes.SingleAsync(c => c.Id == _code.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });

        Assert.That(await FindAsync(_code.Display), Is.Null);
    }

    [Test]
    public async Task FindCode_FindsANewCodeThatWasUnknownBefore_WhenARotationCommits()
    {
        const string Fresh = "ANNA-NEW234";
        Assert.That(await FindAsync(Fresh), Is.Null, "cached as unknown");

        await _engine.RunAsync(async (db, _) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.ReferralCodes.SingleAsync(c => c.Id == _code.Id)).IsActive = false;
            db.ReferralCodes.Add(new ReferralCode(_tenant.Id, _anna.Id, Fresh, ReferralCodeKey.Create(Fresh), _engine.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        Assert.That(await FindAsync(Fresh), Is.EqualTo(new LandingCode(_anna.Id, Fresh)));
        Assert.That(await FindAsync(_code.Display), Is.Null);
    }

    [Test]
    public async Task FindCode_StopsFindingCodesRemovedInBulk_ByExecuteDelete()
    {
        Assert.That(await FindAsync(_code.Display), Is.Not.Null);

        await _engine.RunAsync(async (db, _) => await db.ReferralCodes.Where(c => c.AdvocateContactId == _anna.Id).ExecuteDeleteAsync());

        Assert.That(await FindAsync(_code.Display), Is.Null);
    }

    [Test]
    public async Task FindCode_SeesAWriteOfAnotherProcess_OnceTheTimeToLiveHasPassed()
    {
        Assert.That(await FindAsync(_code.Display), Is.Not.Null);
        await using (var other = _engine.Database.CreateDbContext()) // a factory without this process's cache, like another server
        {
            await other.ReferralCodes.Where(c => c.Id == _code.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false));
        }

        Assert.That(await FindAsync(_code.Display), Is.Not.Null, "still trusted within the time to live");
        _engine.Clock.Advance(ReferralLookupCache.TimeToLive);
        Assert.That(await FindAsync(_code.Display), Is.Null);
    }

    [Test]
    public async Task FindActiveTenant_StopsFindingAnUninstalledTenant_AndFindsItAgainWhenReinstalled()
    {
        Assert.That(await Cache.FindActiveTenantAsync(Databases, _tenant.Key, CancellationToken.None), Is.EqualTo(_tenant.Id));
        Assert.That(await Cache.FindActiveTenantAsync(Databases, "stranger.myshopify.com", CancellationToken.None), Is.Null);

        await SetStateAsync(t => t.MarkUninstalled(_engine.Clock.GetUtcNow()));
        Assert.That(await Cache.FindActiveTenantAsync(Databases, _tenant.Key, CancellationToken.None), Is.Null);

        await SetStateAsync(t => t.MarkReinstalled());
        Assert.That(await Cache.FindActiveTenantAsync(Databases, _tenant.Key, CancellationToken.None), Is.EqualTo(_tenant.Id));
    }

    [Test]
    public void Defaults_AreAShortTimeToLiveAndABoundedSize()
    {
        Assert.That(ReferralLookupCache.TimeToLive, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(ReferralLookupCache.MaxEntries, Is.EqualTo(100_000));
    }

    private Task SetStateAsync(Action<Tenant> change) => _engine.RunAsync(async (db, _) =>
    {
        change(await db.Tenants.SingleAsync(t => t.Id == _tenant.Id));
        await db.SaveChangesAsync();
    });
}
