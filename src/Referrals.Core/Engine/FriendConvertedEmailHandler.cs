using Referrals.Core.Asks;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>Tells an advocate their friend became a customer (kind <see cref="FollowUpEmails.FriendConvertedKind"/>), with their link to share again.</summary>
public sealed class FriendConvertedEmailHandler : FollowUpEmailHandler
{
    /// <summary>Creates the handler.</summary>
    public FriendConvertedEmailHandler(ContactMailer mailer)
        : base(mailer)
    {
    }

    /// <inheritdoc />
    public override string Kind => FollowUpEmails.FriendConvertedKind;

    private protected override (string Subject, string Html, string Text) Templates =>
        (nameof(AskTemplateSet.FriendConvertedSubject), nameof(AskTemplateSet.FriendConvertedHtml), nameof(AskTemplateSet.FriendConvertedText));

    private protected override async Task<AskTemplateVariables> VariablesAsync(ReferralsDbContext db, ContactMail mail, FollowUpEmailMessage payload, CancellationToken cancellationToken)
    {
        var link = Mailer.AnyUses(mail, AskTemplateVariableNames.ReferralLink, Templates.Subject, Templates.Html, Templates.Text)
            ? await Mailer.ReferralLinkAsync(db, mail, cancellationToken)
            : null;
        return ContactMailer.CommonVariables(mail, link);
    }
}
