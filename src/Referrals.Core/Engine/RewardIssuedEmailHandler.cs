using Referrals.Core.Asks;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>Tells an advocate their reward was issued (kind <see cref="FollowUpEmails.RewardIssuedKind"/>), naming the reward.</summary>
public sealed class RewardIssuedEmailHandler : FollowUpEmailHandler
{
    /// <summary>Creates the handler.</summary>
    public RewardIssuedEmailHandler(ContactMailer mailer)
        : base(mailer)
    {
    }

    /// <inheritdoc />
    public override string Kind => FollowUpEmails.RewardIssuedKind;

    private protected override (string Subject, string Html, string Text) Templates =>
        (nameof(AskTemplateSet.RewardIssuedSubject), nameof(AskTemplateSet.RewardIssuedHtml), nameof(AskTemplateSet.RewardIssuedText));

    private protected override async Task<AskTemplateVariables> VariablesAsync(ReferralsDbContext db, ContactMail mail, FollowUpEmailMessage payload, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(payload.Reward))
        {
            throw new PermanentMessageException($"The reward e-mail for ledger entry {payload.LedgerEntryId} names no reward.");
        }

        var link = Mailer.AnyUses(mail, AskTemplateVariableNames.ReferralLink, Templates.Subject, Templates.Html, Templates.Text)
            ? await Mailer.ReferralLinkAsync(db, mail, cancellationToken)
            : null;
        return ContactMailer.CommonVariables(mail, link, reward: payload.Reward);
    }
}
