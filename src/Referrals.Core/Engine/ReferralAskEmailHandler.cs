using Referrals.Core.Asks;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

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
        var common = ContactMailer.CommonVariables(mail, link, FriendOfferPhrase.For(settings.FriendOffer ?? new FriendOffer(), settings.Currency), AskEmailHandler.DefaultIdealReferral);

        // The ask is about one ideal-client profile when its timeline step names one ("Who do you know who has just bought a house?").
        IdealClientProfile? profile = null;
        if (payload.AskId is { } askId && await db.Asks.FindAsync([askId], cancellationToken) is { } ask)
        {
            profile = settings.FindIdealClient(settings.Timeline?.StepFor(ask.Trigger)?.IdealClientName);
        }

        return ContactMailer.WithIdealClients(common, settings, profile);
    }
}
