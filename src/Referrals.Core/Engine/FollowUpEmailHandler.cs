using Referrals.Core.Asks;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>
/// Sends one kind of follow-up e-mail (see <see cref="FollowUpEmails"/>) through the shared <see cref="ContactMailer"/>:
/// the recipient is checked again at send time (redaction, consent, address, tenant), and a retry carries the same
/// Message-Id (the outbox idempotency key), so receivers see one e-mail.
/// </summary>
public abstract class FollowUpEmailHandler : IOutboxHandler
{
    private readonly ContactMailer _mailer;

    /// <summary>Creates the handler.</summary>
    private protected FollowUpEmailHandler(ContactMailer mailer)
    {
        _mailer = mailer;
    }

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <summary>The mailer.</summary>
    private protected ContactMailer Mailer => _mailer;

    /// <summary>The subject, HTML and text template names of <see cref="AskTemplateSet"/>.</summary>
    private protected abstract (string Subject, string Html, string Text) Templates { get; }

    /// <inheritdoc />
    /// <returns>The e-mail's idempotency key, or the earlier reference when the message was already done.</returns>
    /// <exception cref="PermanentMessageException">The payload, recipient or tenant is unusable, a template does not render, or the message was refused for good.</exception>
    public async Task<string?> HandleAsync(OutboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(db);
        if (message.ProcessedAt is not null)
        {
            return message.ExternalRef;
        }

        var payload = FollowUpEmails.Read(message);
        var what = $"{Kind} message {message.Id}";
        var mail = await _mailer.PrepareAsync(db, message.TenantId, payload.ContactId, what, cancellationToken);
        var variables = await VariablesAsync(db, mail, payload, cancellationToken);
        await _mailer.SendAsync(mail, message.IdempotencyKey, Templates.Subject, Templates.Html, Templates.Text, variables, null, what, cancellationToken);
        return message.IdempotencyKey;
    }

    /// <summary>The template values of this e-mail.</summary>
    /// <exception cref="PermanentMessageException">A value the e-mail needs is missing.</exception>
    private protected abstract Task<AskTemplateVariables> VariablesAsync(ReferralsDbContext db, ContactMail mail, FollowUpEmailMessage payload, CancellationToken cancellationToken);
}
