using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Review;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Tests.Hosting;

/// <summary>Puts advocates, referrals and review items into the test site's database through the engine's own services.</summary>
public sealed class SiteData(UmbracoTestSite site)
{
    private readonly IServiceProvider _services = site.Services;

    public async Task<Contact> AdvocateAsync(string first, string email)
    {
        await using var db = Db();
        var tenant = await Tenant(db);
        var contact = await _services.GetRequiredService<ContactDirectory>().UpsertAsync(db, tenant.Id,
            new CustomerInfo { Email = email, FirstName = first, LastName = "Tester", ExternalSystem = ContactExternalId.UmbracoMember, AcceptsMarketing = true }, ContactKind.Client, default);
        await _services.GetRequiredService<AdvocateCodes>().GetOrCreateAsync(db, contact, default);
        await db.SaveChangesAsync();
        return contact;
    }

    /// <summary>A named referral; converted with <paramref name="revenue"/> when given, flagged for review when asked.</summary>
    public async Task<Referral> ReferralAsync(Contact advocate, string friendEmail, decimal? revenue = null, bool flagged = false, Guid? friendContactId = null)
    {
        await using var db = Db();
        var tenant = await Tenant(db);
        var referral = await _services.GetRequiredService<ReferralInvitations>().InviteAsync(db, tenant, advocate, "Friend " + friendEmail, friendEmail, default);
        if (revenue is { } amount)
        {
            referral.FriendContactId = friendContactId;
            referral.Convert("order-" + Guid.NewGuid().ToString("N")[..8], new Money(amount, "EUR"), "Test", flagged, flagged ? "SameAddress, Velocity" : null,
                Now);
            if (flagged)
            {
                db.ReviewItems.Add(new ReviewItem(tenant.Id, referral.Id, "SameAddress, Velocity", Now, Now.AddDays(3)));
            }
        }

        await db.SaveChangesAsync();
        return referral;
    }

    public async Task<Guid> ReviewItemOfAsync(Referral referral)
    {
        await using var db = Db();
        return await db.ReviewItems.Where(i => i.ReferralId == referral.Id).Select(i => i.Id).SingleAsync();
    }

    private DateTimeOffset Now => _services.GetRequiredService<TimeProvider>().GetUtcNow();

    private ReferralsDbContext Db() => _services.GetRequiredService<ReferralsDbContextFactory>().CreateDbContext();

    private Task<Core.Tenants.Tenant> Tenant(ReferralsDbContext db) => _services.GetRequiredService<SiteTenant>().GetAsync(db, default);
}
