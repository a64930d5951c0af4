using Referrals.Core.Asks;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>Sends a passive's thank-you for answering (kind <see cref="FollowUpEmails.ThankYouKind"/>); no referral ask.</summary>
public sealed class ThankYouEmailHandler : FollowUpEmailHandler
{
    /// <summary>Creates the handler.</summary>
    public ThankYouEmailHandler(ContactMailer mailer)
        : base(mailer)
    {
    }

    /// <inheritdoc />
    public override string Kind => FollowUpEmails.ThankYouKind;

    private protected override (string Subject, string Html, string Text) Templates =>
        (nameof(AskTemplateSet.ThankYouSubject), nameof(AskTemplateSet.ThankYouHtml), nameof(AskTemplateSet.ThankYouText));

    private protected override Task<AskTemplateVariables> VariablesAsync(ReferralsDbContext db, ContactMail mail, FollowUpEmailMessage payload, CancellationToken cancellationToken) =>
        Task.FromResult(ContactMailer.CommonVariables(mail));
}
