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
    /// Who the news says the business is looking for (<c>ideal_referral</c>): the "who" of the ideal-client profile the
    /// advocate-news step names, or the same default phrase as the referral ask when it names none (or a profile that
    /// no longer exists).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="tenant"/> is null.</exception>
    public static string CurrentIdealClientProfile(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var who = NewsProfile(tenant.Settings)?.Who;
        return string.IsNullOrWhiteSpace(who) ? AskEmailHandler.DefaultIdealReferral : who.Trim();
    }

    // The profile the advocate-news step names, like the referral ask's step does for its ask.
    private static IdealClientProfile? NewsProfile(ProgramSettings settings) =>
        settings.FindIdealClient(settings.Timeline?.AdvocateNews?.IdealClientName);

    private protected override async Task<AskTemplateVariables> VariablesAsync(ReferralsDbContext db, ContactMail mail, FollowUpEmailMessage payload, CancellationToken cancellationToken)
    {
        var link = await Mailer.ReferralLinkAsync(db, mail, cancellationToken);
        var summary = await SummaryAsync(db, mail.Tenant, mail.Contact.Id, _clock.GetUtcNow(), cancellationToken);
        var common = ContactMailer.CommonVariables(mail, link, idealReferral: CurrentIdealClientProfile(mail.Tenant));
        return new AskTemplateVariables
        {
            IdealClient = NewsProfile(mail.Tenant.Settings),
            IdealClients = common.IdealClients,
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
