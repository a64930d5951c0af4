using Microsoft.Extensions.Logging;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Umbraco.Events;
using Referrals.Umbraco.Hosting;
using Referrals.Umbraco.Visitor;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;

namespace Referrals.Umbraco.Members;

/// <summary>
/// Keeps contacts in step with Umbraco members: every saved member is upserted by member key, then e-mail. The
/// first time a member key is seen counts as a sign-up: an open invitation to the member's e-mail, or the
/// attribution cookie of the request that created the member, converts a sign-up referral
/// (<see cref="IReferralEvents.RecordSignUpAsync"/>). A failure is logged and never fails the member's save.
/// </summary>
internal sealed partial class MemberSavedHandler : INotificationAsyncHandler<MemberSavedNotification>
{
    private readonly ReferralsDbContextFactory _databases;
    private readonly SiteTenant _site;
    private readonly ReferralEvents _events;
    private readonly IHttpContextAccessor _http;
    private readonly ILogger<MemberSavedHandler> _logger;

    public MemberSavedHandler(ReferralsDbContextFactory databases, SiteTenant site, ReferralEvents events, IHttpContextAccessor http,
        ILogger<MemberSavedHandler> logger)
    {
        _databases = databases;
        _site = site;
        _events = events;
        _http = http;
        _logger = logger;
    }

    public async Task HandleAsync(MemberSavedNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var member in notification.SavedEntities)
        {
            try
            {
                await HandleMemberAsync(member, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(_logger, ex, member.Key);
            }
        }
    }

    private async Task HandleMemberAsync(IMember member, CancellationToken cancellationToken)
    {
        if (EmailNormalizer.Normalize(member.Email) is null)
        {
            LogNoEmail(_logger, member.Key);
            return;
        }

        await using var db = _databases.CreateDbContext();
        var tenant = await _site.GetAsync(db, cancellationToken);
        var memberKey = member.Key.ToString("D");
        var seenBefore = await ContactDirectory.FindAsync(db, tenant.Id, ContactExternalId.UmbracoMember, memberKey, null, cancellationToken) is not null;
        var contact = await _events.UpsertMemberAsync(db, tenant.Id, member.Email, member.Key, member.Name, cancellationToken);
        if (!seenBefore)
        {
            await _events.ConvertSignUpAsync(db, tenant, contact, AttributionCookie.Read(_http.HttpContext?.Request), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not update the referral contact of member {MemberKey}")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid memberKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Member {MemberKey} has no usable e-mail; no referral contact")]
    private static partial void LogNoEmail(ILogger logger, Guid memberKey);
}
