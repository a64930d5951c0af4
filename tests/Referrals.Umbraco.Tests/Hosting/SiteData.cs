using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Review;
using Referrals.Core.Asks;
using Referrals.Core.Tenants;
using Referrals.Core.Thanks;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Tests.Hosting;

/// <summary>Puts advocates, referrals and review items into the test site's database through the engine's own services.</summary>
public sealed class SiteData(UmbracoTestSite site)
{
    private readonly IServiceProvider _services = site.Services;

    public async Task<Contact> AdvocateAsync(string first, string email, string last = "Tester")
    {
        await using var db = Db();
        var tenant = await Tenant(db);
        var contact = await _services.GetRequiredService<ContactDirectory>().UpsertAsync(db, tenant.Id,
            new CustomerInfo { Email = email, FirstName = first, LastName = last, ExternalSystem = ContactExternalId.UmbracoMember, AcceptsMarketing = true }, ContactKind.Client, default);
        await _services.GetRequiredService<AdvocateCodes>().GetOrCreateAsync(db, contact, default);
        await db.SaveChangesAsync();
        return contact;
    }

    /// <summary>
    /// A named referral; visited first when <paramref name="visited"/>; converted with <paramref name="revenue"/> when
    /// given, flagged for review when asked, then marked rewarded when <paramref name="rewarded"/>.
    /// </summary>
    public async Task<Referral> ReferralAsync(Contact advocate, string friendEmail, decimal? revenue = null, bool flagged = false, Guid? friendContactId = null,
        bool visited = false, bool rewarded = false)
    {
        await using var db = Db();
        var tenant = await Tenant(db);
        var referral = await _services.GetRequiredService<ReferralInvitations>().InviteAsync(db, tenant, advocate, "Friend " + friendEmail, friendEmail, default);
        if (visited)
        {
            referral.MarkVisited(Now);
        }

        if (revenue is { } amount)
        {
            referral.FriendContactId = friendContactId;
            referral.Convert("order-" + Guid.NewGuid().ToString("N")[..8], new Money(amount, "EUR"), "Test", flagged, flagged ? "SameAddress, Velocity" : null,
                Now);
            if (flagged)
            {
                db.ReviewItems.Add(new ReviewItem(tenant.Id, referral.Id, "SameAddress, Velocity", Now, Now.AddDays(3)));
            }
            else if (rewarded)
            {
                referral.MarkRewarded(Now);
            }
        }

        await db.SaveChangesAsync();
        return referral;
    }

    /// <summary>The engine's thank-you card task for <paramref name="referral"/> of <paramref name="advocate"/>.</summary>
    public async Task<StaffTask> ThankYouCardAsync(Contact advocate, Referral referral)
    {
        await using var db = Db();
        var tenant = await Tenant(db);
        var contact = await db.Contacts.SingleAsync(c => c.Id == advocate.Id);
        var task = await _services.GetRequiredService<StaffTasks>().ThankYouCardAsync(db, tenant, referral, contact, default);
        await db.SaveChangesAsync();
        return task;
    }

    /// <summary>An ask of <paramref name="contact"/> planned by the engine, sent and answered with <paramref name="score"/>.</summary>
    public async Task AnsweredAskAsync(Contact contact, int score)
    {
        await using var db = Db();
        var tenant = await Tenant(db);
        var ask = await _services.GetRequiredService<AskScheduler>().ScheduleAsync(db, tenant, contact.Id, AskTrigger.Manual, "test:" + Guid.NewGuid().ToString("N"), Now, default);
        ask.MarkSent(Now);
        ask.MarkAnswered(score, Now);
        await db.SaveChangesAsync();
    }

    /// <summary>Changes the site's program settings (a copy, saved with <see cref="TenantDirectory.UpdateSettingsAsync"/>).</summary>
    public async Task SettingsAsync(Action<ProgramSettings> change)
    {
        await using var db = Db();
        var tenant = await Tenant(db);
        var settings = System.Text.Json.JsonSerializer.Deserialize<ProgramSettings>(System.Text.Json.JsonSerializer.Serialize(tenant.Settings))!;
        change(settings);
        await TenantDirectory.UpdateSettingsAsync(db, tenant, settings, default);
    }

    /// <summary>A Shopify shop tenant next to the site's own tenant.</summary>
    public async Task ShopAsync(string domain, string name, bool uninstalled = false)
    {
        await using var db = Db();
        var shop = new Core.Tenants.Tenant(domain, TenantKind.ShopifyShop, name, Now);
        if (uninstalled)
        {
            shop.MarkUninstalled(Now);
        }

        db.Tenants.Add(shop);
        await db.SaveChangesAsync();
    }

    /// <summary>The display form of <paramref name="advocate"/>'s referral code.</summary>
    public async Task<string> CodeOfAsync(Contact advocate)
    {
        await using var db = Db();
        return await db.ReferralCodes.Where(c => c.AdvocateContactId == advocate.Id).Select(c => c.Display).FirstAsync();
    }

    /// <summary>A paid order reported as site code would (<see cref="Events.IReferralEvents"/>), with the code when given.</summary>
    public Task<Events.ConversionResult> OrderAsync(string email, decimal amount, string? referralCode = null) =>
        _services.GetRequiredService<Events.IReferralEvents>().RecordConversionAsync(email, "order-" + Guid.NewGuid().ToString("N")[..12], amount, "EUR", referralCode);

    /// <summary>An introduction made through the engine's <see cref="Introductions"/> service (by e-mail, permission attested).</summary>
    public async Task<IntroductionResult> EmailIntroductionAsync(Contact advocate, string friendName, string friendEmail)
    {
        await using var db = Db();
        var tenant = await Tenant(db);
        var contact = await db.Contacts.SingleAsync(c => c.Id == advocate.Id);
        return await _services.GetRequiredService<Introductions>().IntroduceAsync(db, tenant, contact, friendName, friendEmail, "You will like them.", true,
            IntroductionChannel.Email, default);
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
