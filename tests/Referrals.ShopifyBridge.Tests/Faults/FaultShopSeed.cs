using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.ShopifyBridge.Tests.Faults;

/// <summary>
/// The fault host's shop: a tenant paying <see cref="Reward"/> store credit per referral with no hold, and one advocate
/// per line of the seed file (<c>email,first name,customer gid</c>) with a code made by the engine (so its Shopify
/// discount code goes through the outbox, faults and all). Applied in one transaction, only when the tenant is new:
/// a restarted host finds it done.
/// </summary>
internal static class FaultShopSeed
{
    /// <summary>The store credit an advocate earns per referred order.</summary>
    public const decimal Reward = 10m;

    public const string Currency = "EUR";

    public static async Task ApplyAsync(IServiceProvider services, string shop, string seedFile, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        if (await db.Tenants.AnyAsync(t => t.Key == shop, cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().GetOrCreateAsync(db, shop, TenantKind.ShopifyShop, "Fault Goods", cancellationToken);
        var program = tenant.Settings;
        program.Currency = Currency;
        program.AdvocateReward.Kind = RewardKind.StoreCredit;
        program.AdvocateReward.FixedAmount = Reward;
        program.HoldDays = 0;
        // Every referral of the scenario is genuine; the velocity rule would send them to review.
        program.VelocityLimit = 100_000;
        await TenantDirectory.UpdateSettingsAsync(db, tenant, program, cancellationToken);
        var contacts = scope.ServiceProvider.GetRequiredService<ContactDirectory>();
        var codes = scope.ServiceProvider.GetRequiredService<AdvocateCodes>();
        foreach (var line in await File.ReadAllLinesAsync(seedFile, cancellationToken))
        {
            var fields = line.Split(',');
            var advocate = await contacts.UpsertAsync(db, tenant.Id, new CustomerInfo { Email = fields[0], FirstName = fields[1], ExternalId = fields[2] },
                ContactKind.Client, cancellationToken);
            await codes.GetOrCreateAsync(db, advocate, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
