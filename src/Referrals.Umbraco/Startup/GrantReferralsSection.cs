using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Umbraco.Configuration;
using Referrals.Umbraco.Security;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Services;

namespace Referrals.Umbraco.Startup;

/// <summary>
/// Grants the Referrals section to the Administrators group once Umbraco runs, so the section is visible without a
/// manual step (custom sections stay hidden until a group allows them). Idempotent: a group that has it is left
/// alone. Off with <c>Referrals:Umbraco:GrantSectionToAdministrators=false</c>. Users may need to reload.
/// </summary>
internal sealed partial class GrantReferralsSection : INotificationAsyncHandler<UmbracoApplicationStartedNotification>
{
    private readonly IUserGroupService _groups;
    private readonly IRuntimeState _runtime;
    private readonly ReferralsUmbracoOptions _options;
    private readonly ILogger<GrantReferralsSection> _logger;

    public GrantReferralsSection(IUserGroupService groups, IRuntimeState runtime, IOptions<ReferralsUmbracoOptions> options, ILogger<GrantReferralsSection> logger)
    {
        _groups = groups;
        _runtime = runtime;
        _options = options.Value;
        _logger = logger;
    }

    public async Task HandleAsync(UmbracoApplicationStartedNotification notification, CancellationToken cancellationToken)
    {
        if (!_options.GrantSectionToAdministrators || _runtime.Level != RuntimeLevel.Run)
        {
            return;
        }

        var admin = await _groups.GetAsync(Constants.Security.AdminGroupAlias);
        if (admin is null || admin.AllowedSections.Contains(ReferralsPolicies.SectionAlias, StringComparer.Ordinal))
        {
            return;
        }

        admin.AddAllowedSection(ReferralsPolicies.SectionAlias);
        await _groups.UpdateAsync(admin, Constants.Security.SuperUserKey);
        LogGranted(_logger, ReferralsPolicies.SectionAlias);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted section {Section} to the Administrators group")]
    private static partial void LogGranted(ILogger logger, string section);
}
