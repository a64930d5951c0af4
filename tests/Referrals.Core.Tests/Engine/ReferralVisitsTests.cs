using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>Link visits recorded off the request path: batched, flushed on demand, and written on a graceful stop.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class ReferralVisitsTests
{
    private const string BobId = "gid://shopify/Customer/77";
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Contact _anna = null!;

    public ReferralVisitsTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider);
        _tenant = await _engine.CreateTenantAsync();
        (_anna, _) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", extra: new CustomerInfo { ExternalId = "gid://shopify/Customer/42" });
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private ReferralVisit BobVisits(DateTimeOffset at) => new(_tenant.Id, _anna.Id, ContactExternalId.Shopify, BobId, at);

    [Test]
    public async Task Flush_WritesQueuedVisits_MarkingTheSignedInFriendsInvitationVisitedOnce()
    {
        var referral = await InviteBobAsync();
        var visits = _engine.Services.GetRequiredService<ReferralVisits>();
        var first = _engine.Clock.GetUtcNow();

        await visits.RecordAsync(BobVisits(first), CancellationToken.None);
        await visits.RecordAsync(BobVisits(first.AddMinutes(5)), CancellationToken.None);
        await visits.FlushAsync(CancellationToken.None);

        var visited = await ReloadAsync(referral);
        Assert.That(visited.State, Is.EqualTo(ReferralState.Visited));
        Assert.That(visited.VisitedAt, Is.EqualTo(first), "later visits keep the first time");
    }

    [Test]
    public async Task Stop_WritesEveryVisitStillQueued_BeforeReturning()
    {
        var referral = await InviteBobAsync();
        // A recorder of its own whose writer the host never started: only the stop can write what it queued.
        var visits = new ReferralVisits(_engine.Services.GetRequiredService<ReferralsDbContextFactory>(), NullLogger<ReferralVisits>.Instance);
        await visits.RecordAsync(BobVisits(_engine.Clock.GetUtcNow()), CancellationToken.None);

        await visits.StopAsync(CancellationToken.None);

        Assert.That((await ReloadAsync(referral)).State, Is.EqualTo(ReferralState.Visited));
    }

    [Test]
    public async Task Record_WritesDirectly_AfterTheRecorderHasStopped()
    {
        var referral = await InviteBobAsync();
        var visits = new ReferralVisits(_engine.Services.GetRequiredService<ReferralsDbContextFactory>(), NullLogger<ReferralVisits>.Instance);
        await visits.StopAsync(CancellationToken.None);

        await visits.RecordAsync(BobVisits(_engine.Clock.GetUtcNow()), CancellationToken.None);

        Assert.That((await ReloadAsync(referral)).State, Is.EqualTo(ReferralState.Visited));
    }

    [Test]
    public async Task Flush_LeavesInvitationsAlone_WhenTheVisitorIsTheAdvocateOrUnknown()
    {
        var referral = await InviteBobAsync();
        var visits = _engine.Services.GetRequiredService<ReferralVisits>();

        await visits.RecordAsync(new ReferralVisit(_tenant.Id, _anna.Id, ContactExternalId.Shopify, "gid://shopify/Customer/42", _engine.Clock.GetUtcNow()), CancellationToken.None);
        await visits.RecordAsync(new ReferralVisit(_tenant.Id, _anna.Id, ContactExternalId.Shopify, "gid://shopify/Customer/999", _engine.Clock.GetUtcNow()), CancellationToken.None);
        await visits.FlushAsync(CancellationToken.None);

        Assert.That((await ReloadAsync(referral)).State, Is.EqualTo(ReferralState.Invited));
    }

    [Test]
    public void Defaults_BoundTheQueueAndTheBatch()
    {
        Assert.That(ReferralVisits.Capacity, Is.EqualTo(10_000));
        Assert.That(ReferralVisits.BatchSize, Is.EqualTo(256));
    }

    // Anna invites Bob by e-mail; Bob then signs up as a Shopify customer (matched by his e-mail on the visit).
    private async Task<Referral> InviteBobAsync()
    {
        var referral = await _engine.RunAsync(async (db, sp) => await sp.GetRequiredService<ReferralInvitations>().InviteAsync(db,
            await db.Tenants.SingleAsync(t => t.Id == _tenant.Id), await db.Contacts.SingleAsync(c => c.Id == _anna.Id), "Bob", "bob@example.com", CancellationToken.None));
        await _engine.RunAsync(async (db, sp) =>
        {
            await sp.GetRequiredService<ContactDirectory>().UpsertAsync(db, _tenant.Id, new CustomerInfo { Email = "bob@example.com", FirstName = "Bob", ExternalId = BobId },
                ContactKind.Client, CancellationToken.None);
            await db.SaveChangesAsync();
        });
        return referral;
    }

    private Task<Referral> ReloadAsync(Referral referral) =>
        _engine.RunAsync((db, _) => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id));
}
