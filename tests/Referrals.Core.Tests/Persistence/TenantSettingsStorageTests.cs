using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using static Referrals.Core.Tests.Persistence.StorageSamples;

namespace Referrals.Core.Tests.Persistence;

/// <summary>Tenant.Settings is one JSON column: it must round-trip whole, and edits inside it must be saved.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class TenantSettingsStorageTests(StorageProvider provider) : DatabaseTests(provider)
{
    [Test]
    public async Task Settings_RoundTripWhole()
    {
        var tenant = Tenant();
        tenant.Settings = new ProgramSettings
        {
            Currency = "DKK",
            Locale = "da",
            AdvocateReward = new RewardRule { Kind = RewardKind.GiftCard, FixedAmount = 0m, PercentOfOrder = 12.5m, MaximumAmount = 99.99m },
            FriendReward = new RewardRule { Kind = RewardKind.DiscountCode, FixedAmount = 50m },
            HoldDays = 40,
            AttributionWindowDays = 14,
            FirstOrderOnly = false,
            MinimumOrderAmount = 199.95m,
            CharitySharePercent = 10m,
            Causes = [new Cause { Id = "red-cross", Name = "Røde Kors" }, new Cause { Id = "wwf", Name = "WWF \"Verdensnaturfonden\"" }],
            ReviewWindowHours = 48,
            VelocityLimit = 3,
            VelocityWindowHours = 12,
            MonthlyGoal = 25,
        };
        await SaveAsync(tenant);

        var stored = await LoadAsync(tenant);

        Assert.That(Json(stored.Settings), Is.EqualTo(Json(tenant.Settings)));
        Assert.That(stored.Settings.Causes.Select(c => c.Name), Is.EqualTo(new[] { "Røde Kors", "WWF \"Verdensnaturfonden\"" }));
        Assert.That(stored.Settings.AdvocateReward.MaximumAmount, Is.EqualTo(99.99m));
        Assert.That(stored.Settings.FriendReward!.Kind, Is.EqualTo(RewardKind.DiscountCode));
    }

    [Test]
    public async Task Settings_AreSaved_WhenAPropertyIsChangedInPlace()
    {
        var tenant = Tenant();
        await SaveAsync(tenant);

        await using (var db = Database.CreateDbContext())
        {
            var tracked = await db.Tenants.SingleAsync(t => t.Id == tenant.Id);
            tracked.Settings.HoldDays = 45;
            Assert.That(await db.SaveChangesAsync(), Is.EqualTo(1), "one row written");
        }

        Assert.That((await LoadAsync(tenant)).Settings.HoldDays, Is.EqualTo(45));
    }

    [Test]
    public async Task Settings_AreSaved_WhenANestedObjectOrListIsChangedInPlace()
    {
        var tenant = Tenant();
        await SaveAsync(tenant);

        await using (var db = Database.CreateDbContext())
        {
            var tracked = await db.Tenants.SingleAsync(t => t.Id == tenant.Id);
            tracked.Settings.AdvocateReward.FixedAmount = 12.5m;
            tracked.Settings.Causes.Add(new Cause { Id = "unicef", Name = "UNICEF" });
            await db.SaveChangesAsync();
        }

        var stored = await LoadAsync(tenant);
        Assert.That(stored.Settings.AdvocateReward.FixedAmount, Is.EqualTo(12.5m));
        Assert.That(stored.Settings.Causes.Select(c => c.Id), Is.EqualTo(new[] { "unicef" }));
    }

    [Test]
    public async Task Settings_AreSaved_WhenTheObjectIsReplaced()
    {
        var tenant = Tenant();
        await SaveAsync(tenant);

        await using (var db = Database.CreateDbContext())
        {
            var tracked = await db.Tenants.SingleAsync(t => t.Id == tenant.Id);
            tracked.Settings = new ProgramSettings { HoldDays = 60, Currency = "USD" };
            await db.SaveChangesAsync();
        }

        var stored = await LoadAsync(tenant);
        Assert.That(stored.Settings.HoldDays, Is.EqualTo(60));
        Assert.That(stored.Settings.Currency, Is.EqualTo("USD"));
    }

    [Test]
    public async Task Settings_WriteNothing_WhenNothingChanged()
    {
        var tenant = Tenant();
        await SaveAsync(tenant);

        await using var db = Database.CreateDbContext();
        var tracked = await db.Tenants.SingleAsync(t => t.Id == tenant.Id);
        tracked.Settings.HoldDays = tracked.Settings.HoldDays;

        Assert.That(await db.SaveChangesAsync(), Is.Zero);
    }

    private async Task<Tenant> LoadAsync(Tenant tenant)
    {
        await using var db = Database.CreateDbContext();
        return await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.Id);
    }

    private static string Json(ProgramSettings settings) => System.Text.Json.JsonSerializer.Serialize(settings);
}
