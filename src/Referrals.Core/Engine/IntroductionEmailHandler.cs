using Referrals.Core.Asks;
using Referrals.Core.Codes;
using Referrals.Core.Configuration;
using Referrals.Core.Email;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Sends the one introduction e-mail (<see cref="Introductions.EmailKind"/>) to the friend an advocate named, in the
/// advocate's name, from the business, then clears the friend's address from the referral.
/// </summary>
/// <remarks>
/// Checked again at send time: a friend who opted out meanwhile, a redacted advocate or referral, or a paused tenant
/// dead-letters the message. A retry carries the same Message-Id (the idempotency key), so the friend sees one e-mail.
/// </remarks>
public sealed class IntroductionEmailHandler : IOutboxHandler
{
    private readonly LinkOptions _links;
    private readonly AdvocateCodes _codes;
    private readonly ContactMailer _mailer;
    private readonly Introductions _introductions;
    private readonly IReferralLinkBase _referralBase;

    /// <summary>Creates the handler.</summary>
    public IntroductionEmailHandler(LinkOptions links, AdvocateCodes codes, ContactMailer mailer, Introductions introductions, IReferralLinkBase referralBase)
    {
        _referralBase = referralBase;
        _links = links;
        _codes = codes;
        _mailer = mailer;
        _introductions = introductions;
    }

    /// <inheritdoc />
    public string Kind => Introductions.EmailKind;

    /// <inheritdoc />
    /// <returns>The e-mail's idempotency key, or the earlier reference when the message was already done.</returns>
    /// <exception cref="PermanentMessageException">The payload, friend, advocate or tenant is unusable, the friend opted out, a template does not render, or the message was refused for good.</exception>
    public async Task<string?> HandleAsync(OutboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(db);
        if (message.ProcessedAt is not null)
        {
            return message.ExternalRef;
        }

        var what = $"{Kind} message {message.Id}";
        var payload = Introductions.ReadPayload(message)
            ?? throw new PermanentMessageException($"The payload of {what} is not an introduction; it cannot be sent.");
        var referral = await db.Referrals.FindAsync([payload.ReferralId], cancellationToken)
            ?? throw new PermanentMessageException($"The referral {payload.ReferralId} of {what} does not exist; the introduction is not sent.");
        var suppression = await db.FriendSuppressions.FindAsync([payload.SuppressionId], cancellationToken);
        if (suppression is null || suppression.OptedOutAt is not null)
        {
            throw new PermanentMessageException($"The friend of {what} opted out of introductions; the introduction is not sent.");
        }

        if (string.IsNullOrWhiteSpace(referral.FriendEmail))
        {
            throw new PermanentMessageException($"The referral {referral.Id} of {what} holds no friend address (already sent or erased); the introduction is not sent again.");
        }

        var advocate = await db.Contacts.FindAsync([payload.AdvocateContactId], cancellationToken);
        if (advocate is null || advocate.RedactedAt is not null)
        {
            throw new PermanentMessageException($"The advocate of {what} was erased; the introduction is not sent.");
        }

        var tenant = await db.Tenants.FindAsync([message.TenantId], cancellationToken)
            ?? throw new PermanentMessageException($"The tenant {message.TenantId} of {what} does not exist; the introduction cannot be sent.");
        if (tenant.State != TenantState.Active)
        {
            throw new PermanentMessageException($"The tenant {tenant.Key} of {what} is {tenant.State}; the introduction is not sent.");
        }

        if (!LinkOptionsValidator.TryParseBaseUrl(_links.PublicBaseUrl, out var baseUrl))
        {
            throw new PermanentMessageException($"{ReferralsOptions.SectionName}:Links:PublicBaseUrl '{_links.PublicBaseUrl}' is not an absolute http(s) address; e-mails cannot carry links.");
        }

        var code = await _codes.GetOrCreateAsync(db, advocate, cancellationToken);
        var optOut = _introductions.OptOutLink(baseUrl, tenant.Id, suppression.Id);
        var settings = tenant.Settings;
        var advocateName = $"{advocate.FirstName?.Trim()} {advocate.LastName?.Trim()}".Trim();
        var variables = new AskTemplateVariables
        {
            AdvocateName = advocateName.Length == 0 ? "A friend of yours" : advocateName,
            PersonalNote = payload.PersonalNote,
            BusinessName = tenant.DisplayName,
            FriendOffer = FriendOfferPhrase.For(settings.FriendOffer ?? new FriendOffer(), settings.Currency),
            ReferralLink = ReferralLink.Create(_referralBase.For(tenant) ?? baseUrl, code.Display),
            UnsubscribeLink = optOut,
        };
        var templates = settings.Templates ?? new AskTemplateSet();
        var email = new OutgoingEmail(
            message.IdempotencyKey,
            new EmailRecipient(referral.FriendEmail.Trim(), referral.FriendName),
            _mailer.Render(templates, nameof(AskTemplateSet.IntroductionSubject), variables, TemplateFormat.Text),
            _mailer.Render(templates, nameof(AskTemplateSet.IntroductionHtml), variables, TemplateFormat.Html),
            _mailer.Render(templates, nameof(AskTemplateSet.IntroductionText), variables, TemplateFormat.Text))
        {
            ListUnsubscribe = optOut,
            OneClickUnsubscribe = true,
        };

        await _mailer.DeliverAsync(email, what, cancellationToken);

        // Used for this one message only; the normalized form stays for attribution until the retention job erases it.
        referral.FriendEmail = null;
        return message.IdempotencyKey;
    }
}
