using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>The retention job for invited friends who never converted, on a fake clock.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class FriendRetentionTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Contact _anna = null!;

    public FriendRetentionTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync();
        (_anna, _) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com");
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    private Task<Referral> InviteAsync(string name, string email) =>
        _engine.RunAsync(async (db, sp) => await sp.GetRequiredService<ReferralInvitations>().InviteAsync(db, await db.Tenants.SingleAsync(t => t.Id == _tenant.Id),
            await db.Contacts.SingleAsync(c => c.Id == _anna.Id), name, email, CancellationToken.None));

    private Task<int> RunJobAsync() =>
        _engine.RunAsync((_, sp) => sp.GetRequiredService<EraseStaleFriendsJob>().RunAsync(CancellationToken.None));

    private Task<Referral> ReloadAsync(Referral referral) =>
        _engine.RunAsync((db, _) => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id));

    [Test]
    public async Task Job_ErasesAndExpiresFriendsWhoNeverConverted_OnceTheRetentionHasPassed()
    {
        var old = await InviteAsync("Olga Old", "olga@example.com");
        _engine.Clock.Advance(TimeSpan.FromDays(100));
        var recent = await InviteAsync("Rita Recent", "rita@example.com");
        _engine.Clock.Advance(TimeSpan.FromDays(80));
        Assert.That(await RunJobAsync(), Is.Zero, "180 days have not passed for anyone");

        _engine.Clock.Advance(TimeSpan.FromDays(1));
        Assert.That(await RunJobAsync(), Is.EqualTo(1));

        var erased = await ReloadAsync(old);
        Assert.That(new[] { erased.FriendName, erased.FriendEmail, erased.FriendNormalizedEmail }, Is.All.Null);
        Assert.That(erased.State, Is.EqualTo(ReferralState.Expired));
        Assert.That(erased.UpdatedAt, Is.EqualTo(Now));
        var kept = await ReloadAsync(recent);
        Assert.That(kept.FriendEmail, Is.EqualTo("rita@example.com"));
        Assert.That(kept.State, Is.EqualTo(ReferralState.Invited));
        var audit = await _engine.RunAsync((db, _) => db.AuditLog.SingleAsync(a => a.Action == FriendRetention.Action));
        Assert.That(audit.Actor, Is.EqualTo(FriendRetention.Actor));
        Assert.That(audit.TenantId, Is.EqualTo(_tenant.Id));
        Assert.That(audit.Details, Does.StartWith("1 invited friend(s)").And.Contain("180 days").And.Not.Contain("olga"));
        Assert.That(await RunJobAsync(), Is.Zero, "idempotent");
    }

    [Test]
    public async Task Job_CountsTheRetentionFromTheLastVisit()
    {
        var visited = await InviteAsync("Vera Visitor", "vera@example.com");
        _engine.Clock.Advance(TimeSpan.FromDays(170));
        await _engine.RunAsync(async (db, _) =>
        {
            (await db.Referrals.SingleAsync(r => r.Id == visited.Id)).MarkVisited(Now);
            await db.SaveChangesAsync();
        });

        _engine.Clock.Advance(TimeSpan.FromDays(20));
        Assert.That(await RunJobAsync(), Is.Zero);
        Assert.That((await ReloadAsync(visited)).State, Is.EqualTo(ReferralState.Visited));

        _engine.Clock.Advance(TimeSpan.FromDays(161));
        Assert.That(await RunJobAsync(), Is.EqualTo(1));
        Assert.That((await ReloadAsync(visited)).FriendName, Is.Null);
    }

    [Test]
    public async Task Job_KeepsFriendsWhoConverted()
    {
        var converted = await InviteAsync("Carl Customer", "carl@example.com");
        await _engine.PayAsync(_tenant, PaidOrders.Paid("1001", "carl@example.com", 50m, Now));
        Assert.That((await ReloadAsync(converted)).State, Is.EqualTo(ReferralState.Converted), "set-up: the invited e-mail converted");

        _engine.Clock.Advance(TimeSpan.FromDays(400));
        Assert.That(await RunJobAsync(), Is.Zero);

        Assert.That((await ReloadAsync(converted)).FriendEmail, Is.EqualTo("carl@example.com"));
    }

    [Test]
    public async Task Job_ErasesFriendsOfReferralsAlreadyExpired()
    {
        var expired = await InviteAsync("Emil Expired", "emil@example.com");
        await _engine.RunAsync(async (db, _) =>
        {
            (await db.Referrals.SingleAsync(r => r.Id == expired.Id)).Expire(Now);
            await db.SaveChangesAsync();
        });

        _engine.Clock.Advance(TimeSpan.FromDays(PrivacyOptions.DefaultUninvitedFriendRetentionDays + 1));

        Assert.That(await RunJobAsync(), Is.EqualTo(1));
        Assert.That((await ReloadAsync(expired)).FriendEmail, Is.Null);
    }

    [Test]
    public async Task Job_UsesTheConfiguredRetention()
    {
        await using var engine = await EngineHarness.CreateAsync(_provider, services: s =>
            s.Configure<PrivacyOptions>(o => o.UninvitedFriendRetentionDays = 30));
        var tenant = await engine.CreateTenantAsync();
        var (advocate, _) = await engine.CreateAdvocateAsync(tenant, "anna@example.com");
        await engine.RunAsync(async (db, sp) => await sp.GetRequiredService<ReferralInvitations>().InviteAsync(db, await db.Tenants.SingleAsync(),
            await db.Contacts.SingleAsync(c => c.Id == advocate.Id), "Olga", "olga@example.com", CancellationToken.None));

        engine.Clock.Advance(TimeSpan.FromDays(31));

        Assert.That(await engine.RunAsync((_, sp) => sp.GetRequiredService<EraseStaleFriendsJob>().RunAsync(CancellationToken.None)), Is.EqualTo(1));
    }
}
