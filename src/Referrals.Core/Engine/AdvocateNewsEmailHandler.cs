using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Sends the advocate news (kind <see cref="FollowUpEmails.AdvocateNewsKind"/>, planned by <see cref="AdvocateNews"/>):
/// what their referrals achieved (<see cref="AdvocateNewsSummary"/>), who the business is looking for and their link, through the shared <see cref="ContactMailer"/>, which
/// checks redaction and consent again at send time.
/// </summary>
public sealed class AdvocateNewsEmailHandler : FollowUpEmailHandler
{
    private readonly TimeProvider _clock;

    /// <summary>Creates the handler.</summary>
    public AdvocateNewsEmailHandler(ContactMailer mailer, TimeProvider clock)
        : base(mailer)
    {
        _clock = clock;
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
        var summary = await SummaryAsync(db, mail.Tenant, mail.Contact.Id, _clock.GetUtcNow(), cancellationToken);
        var common = ContactMailer.CommonVariables(mail, link, idealReferral: CurrentIdealClientProfile(mail.Tenant));
        return new AskTemplateVariables
        {
            FirstName = common.FirstName,
            BusinessName = common.BusinessName,
            UnsubscribeLink = common.UnsubscribeLink,
            ReferralLink = common.ReferralLink,
            QrCodeUrl = common.QrCodeUrl,
            IdealReferral = common.IdealReferral,
            ReferralSummary = summary.Phrase(),
        };
    }

    /// <summary>What <paramref name="contactId"/>'s referrals achieved up to <paramref name="now"/>: four counts and two sums, in SQL.</summary>
    internal static async Task<AdvocateNewsSummary> SummaryAsync(ReferralsDbContext db, Tenant tenant, Guid contactId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var days = tenant.Settings.Timeline.AdvocateNewsIntervalDays;
        var since = now.AddDays(-days);
        var currency = tenant.Settings.Currency;
        var started = db.Referrals.Where(r => r.TenantId == tenant.Id && r.AdvocateContactId == contactId);
        var standing = started.Where(r => r.ConvertedAt != null && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded));
        var rewards = db.Ledger.Where(e => e.TenantId == tenant.Id && e.ContactId == contactId && e.Type == LedgerEntryType.Reward
            && e.Currency == currency && e.State != LedgerEntryState.Voided);
        return new AdvocateNewsSummary(
            days,
            await started.CountAsync(r => r.CreatedAt >= since, cancellationToken),
            await standing.CountAsync(r => r.ConvertedAt >= since, cancellationToken),
            await started.CountAsync(cancellationToken),
            await standing.CountAsync(cancellationToken),
            await rewards.SumAsync(e => e.Amount, cancellationToken),
            await rewards.Where(e => e.State == LedgerEntryState.Issued).SumAsync(e => e.Amount, cancellationToken),
            currency);
    }
}
