using Referrals.Core.Asks;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Sends the advocate news (kind <see cref="FollowUpEmails.AdvocateNewsKind"/>, planned by <see cref="AdvocateNews"/>):
/// who the business is looking for and the advocate's link, through the shared <see cref="ContactMailer"/>, which
/// checks redaction and consent again at send time.
/// </summary>
public sealed class AdvocateNewsEmailHandler : FollowUpEmailHandler
{
    /// <summary>Creates the handler.</summary>
    public AdvocateNewsEmailHandler(ContactMailer mailer)
        : base(mailer)
    {
    }

    /// <inheritdoc />
    public override string Kind => FollowUpEmails.AdvocateNewsKind;

    private protected override (string Subject, string Html, string Text) Templates =>
        (nameof(AskTemplateSet.AdvocateNewsSubject), nameof(AskTemplateSet.AdvocateNewsHtml), nameof(AskTemplateSet.AdvocateNewsText));

    /// <summary>
    /// The current ideal-client profile as the phrase the news shows for <c>ideal_referral</c>. The hook for the
    /// program's ideal-client profiles: until they exist, the same default phrase as the referral ask.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="tenant"/> is null.</exception>
    public static string CurrentIdealClientProfile(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return AskEmailHandler.DefaultIdealReferral;
    }

    private protected override async Task<AskTemplateVariables> VariablesAsync(ReferralsDbContext db, ContactMail mail, FollowUpEmailMessage payload, CancellationToken cancellationToken)
    {
        var link = await Mailer.ReferralLinkAsync(db, mail, cancellationToken);
        return ContactMailer.CommonVariables(mail, link, idealReferral: CurrentIdealClientProfile(mail.Tenant));
    }
}
