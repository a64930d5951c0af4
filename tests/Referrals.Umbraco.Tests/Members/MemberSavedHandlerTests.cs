using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Referrals;
using Referrals.Umbraco.Events;
using Referrals.Umbraco.Tests.Hosting;
using Referrals.Umbraco.Visitor;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;

namespace Referrals.Umbraco.Tests.Members;

/// <summary>Saved members become contacts; a new member converts the sign-up referral an invitation or the cookie names.</summary>
public sealed class MemberSavedHandlerTests
{
    private UmbracoTestSite _site = null!;
    private SiteData _data = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await UmbracoTestSite.StartAsync();
        _data = new SiteData(_site);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task NewMember_WhoseEmailWasInvited_ConvertsTheInvitation_Once()
    {
        var advocate = await _data.AdvocateAsync("Ivy", $"ivy{Guid.NewGuid():N}@member.example");
        var friendEmail = $"Friend.{Guid.NewGuid():N}@Member.example";
        var invitation = await _data.ReferralAsync(advocate, friendEmail);
        var member = _site.AddMember("Fern Friend", friendEmail);

        await PublishAsync(member);
        await PublishAsync(member);

        await using var db = _site.Services.GetRequiredServiceDb();
        var referral = await db.Referrals.SingleAsync(r => r.Id == invitation.Id);
        var contact = await db.Contacts.SingleAsync(c => c.Id == referral.FriendContactId);
        Assert.That(referral.State, Is.EqualTo(ReferralState.Converted));
        Assert.That(referral.AttributionRule, Is.EqualTo(ReferralEvents.SignUpRule));
        Assert.That(contact.FirstName, Is.EqualTo("Fern"));
        Assert.That(await db.ContactExternalIds.CountAsync(x => x.ContactId == contact.Id && x.System == ContactExternalId.UmbracoMember
            && x.Value == member.Key.ToString("D")), Is.EqualTo(1));
        Assert.That(await db.Referrals.CountAsync(r => r.FriendContactId == contact.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task NewMember_WithTheAttributionCookie_ConvertsALinkReferral()
    {
        var advocate = await _data.AdvocateAsync("Kit", $"kit{Guid.NewGuid():N}@member.example");
        string code;
        await using (var db = _site.Services.GetRequiredServiceDb())
        {
            code = await db.ReferralCodes.Where(c => c.AdvocateContactId == advocate.Id).Select(c => c.Display).SingleAsync();
        }

        var member = _site.AddMember("Cora Cookie", $"cora{Guid.NewGuid():N}@member.example");
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{AttributionCookie.Name}={code}";
        _site.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        try
        {
            await PublishAsync(member);
        }
        finally
        {
            _site.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = null;
        }

        await using var check = _site.Services.GetRequiredServiceDb();
        var referral = await check.Referrals.SingleAsync(r => r.AdvocateContactId == advocate.Id);
        Assert.That(referral.Source, Is.EqualTo(ReferralSource.Link));
        Assert.That(referral.State, Is.EqualTo(ReferralState.Converted));
        Assert.That(referral.FriendEmail, Is.EqualTo(member.Email));
    }

    [Test]
    public async Task NewMember_WithoutInvitationOrCookie_BecomesAContact_WithoutAReferral()
    {
        var member = _site.AddMember("Nell None", $"nell{Guid.NewGuid():N}@member.example");

        await PublishAsync(member);

        await using var db = _site.Services.GetRequiredServiceDb();
        var contact = await db.Contacts.SingleAsync(c => c.Email == member.Email);
        Assert.That(await db.Referrals.AnyAsync(r => r.FriendContactId == contact.Id), Is.False);
    }

    [Test]
    public async Task Member_WithoutAnEmail_IsSkipped_WithoutFailingTheSave()
    {
        var member = _site.AddMember("No Mail", "not-an-address");

        Assert.DoesNotThrowAsync(() => PublishAsync(member));
        await using var db = _site.Services.GetRequiredServiceDb();
        Assert.That(await db.ContactExternalIds.AnyAsync(x => x.Value == member.Key.ToString("D")), Is.False);
    }

    private async Task PublishAsync(global::Umbraco.Cms.Core.Models.IMember member)
    {
        foreach (var handler in _site.Services.GetServices<INotificationAsyncHandler<MemberSavedNotification>>())
        {
            await handler.HandleAsync(new MemberSavedNotification(member, new EventMessages()), CancellationToken.None);
        }
    }
}
