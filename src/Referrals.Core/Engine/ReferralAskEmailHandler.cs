using Referrals.Core.Asks;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;

namespace Referrals.Core.Engine;

/// <summary>Sends a promoter's referral ask (kind <see cref="FollowUpEmails.ReferralAskKind"/>): personal link, its QR code, the friend's offer and the ideal referral.</summary>
public sealed class ReferralAskEmailHandler : FollowUpEmailHandler
{
    /// <summary>Creates the handler.</summary>
    public ReferralAskEmailHandler(ContactMailer mailer)
        : base(mailer)
    {
    }

    /// <inheritdoc />
    public override string Kind => FollowUpEmails.ReferralAskKind;

    private protected override (string Subject, string Html, string Text) Templates =>
        (nameof(AskTemplateSet.ReferralAskSubject), nameof(AskTemplateSet.ReferralAskHtml), nameof(AskTemplateSet.ReferralAskText));

    private protected override async Task<AskTemplateVariables> VariablesAsync(ReferralsDbContext db, ContactMail mail, FollowUpEmailMessage payload, CancellationToken cancellationToken)
    {
        var settings = mail.Tenant.Settings;
        var link = await Mailer.ReferralLinkAsync(db, mail, cancellationToken);
        return ContactMailer.CommonVariables(mail, link, FriendOfferPhrase.For(settings.FriendOffer ?? new FriendOffer(), settings.Currency), AskEmailHandler.DefaultIdealReferral);
    }
}
