using System.Text.Json;
using Referrals.Core.Asks;
using Referrals.Core.Codes;
using Referrals.Core.Configuration;
using Referrals.Core.Email;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Satisfaction;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Sends an ask's satisfaction e-mail (outbox kind <see cref="AskDispatcher.EmailKind"/>): eleven signed one-click
/// rating links, the contact's unsubscribe link, rendered from the tenant's <see cref="AskTemplateSet"/>.
/// </summary>
/// <remarks>
/// Idempotent: a completed message or an ask that is no longer <see cref="AskState.Sent"/> sends nothing, and a retried
/// send carries the same <see cref="OutgoingEmail.MessageId"/> (the outbox idempotency key), so the pickup file is
/// replaced and receivers see one Message-Id. A redacted contact, a contact without an address or consent, an uninstalled
/// tenant or a template that does not render is dead-lettered with a message that says so.
/// </remarks>
public sealed class AskEmailHandler : IOutboxHandler
{
    /// <summary>How long the rating links of an e-mail work.</summary>
    public static readonly TimeSpan RatingLinkLifetime = TimeSpan.FromDays(14);

    /// <summary>The <c>ideal_referral</c> phrase used while the program sets none.</summary>
    public const string DefaultIdealReferral = "people who would enjoy what we do as much as you do";

    /// <summary>The header that names the ask an e-mail belongs to.</summary>
    public const string AskHeader = "X-Referrals-Ask";

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private readonly IEmailSender _sender;
    private readonly LinkSigningKey _key;
    private readonly LinkOptions _links;
    private readonly AdvocateCodes _codes;
    private readonly AskTemplateRenderer _renderer;
    private readonly TimeProvider _clock;

    /// <summary>Creates the handler.</summary>
    public AskEmailHandler(IEmailSender sender, LinkSigningKey key, LinkOptions links, AdvocateCodes codes, AskTemplateRenderer renderer, TimeProvider clock)
    {
        _sender = sender;
        _key = key;
        _links = links;
        _codes = codes;
        _renderer = renderer;
        _clock = clock;
    }

    /// <inheritdoc />
    public string Kind => AskDispatcher.EmailKind;

    /// <inheritdoc />
    /// <returns>The e-mail's idempotency key (its Message-Id is derived from it), or the earlier reference when nothing was sent.</returns>
    /// <exception cref="PermanentMessageException">The payload, ask, contact or tenant is unusable, a template does not render, or the message was refused for good.</exception>
    public async Task<string?> HandleAsync(OutboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(db);
        if (message.ProcessedAt is not null)
        {
            return message.ExternalRef;
        }

        var askId = ReadAskId(message);
        var ask = await db.Asks.FindAsync([askId], cancellationToken)
            ?? throw new PermanentMessageException($"Ask {askId} does not exist; its e-mail cannot be sent.");
        if (ask.State != AskState.Sent)
        {
            // Not dispatched, cancelled, skipped, or already answered (by this e-mail's earlier attempt or another channel): nothing to send.
            return message.ExternalRef;
        }

        var contact = await db.Contacts.FindAsync([ask.ContactId], cancellationToken)
            ?? throw new PermanentMessageException($"The contact {ask.ContactId} of ask {ask.Id} does not exist; its e-mail cannot be sent.");
        if (contact.RedactedAt is not null)
        {
            throw new PermanentMessageException($"The contact {contact.Id} of ask {ask.Id} was redacted (erased on request); its e-mail is not sent.");
        }

        if (string.IsNullOrWhiteSpace(contact.Email))
        {
            throw new PermanentMessageException($"The contact {contact.Id} of ask {ask.Id} has no e-mail address; its e-mail cannot be sent.");
        }

        if (!contact.MarketingConsent)
        {
            // Withdrawn between dispatch and sending: the dispatcher's check no longer holds.
            throw new PermanentMessageException($"The contact {contact.Id} of ask {ask.Id} withdrew marketing consent; its e-mail is not sent.");
        }

        var tenant = await db.Tenants.FindAsync([ask.TenantId], cancellationToken)
            ?? throw new PermanentMessageException($"The tenant {ask.TenantId} of ask {ask.Id} does not exist; its e-mail cannot be sent.");
        if (tenant.State != TenantState.Active)
        {
            throw new PermanentMessageException($"The tenant {tenant.Key} of ask {ask.Id} is {tenant.State}; its e-mail is not sent.");
        }

        if (!LinkOptionsValidator.TryParseBaseUrl(_links.PublicBaseUrl, out var baseUrl))
        {
            throw new PermanentMessageException($"{ReferralsOptions.SectionName}:Links:PublicBaseUrl '{_links.PublicBaseUrl}' is not an absolute http(s) address; ask e-mails cannot carry links.");
        }

        var now = _clock.GetUtcNow();
        var settings = tenant.Settings;
        var templates = settings.Templates ?? new AskTemplateSet();
        string[] parts = [templates.SatisfactionSubject ?? "", templates.SatisfactionHtml ?? "", templates.SatisfactionText ?? ""];

        // The advocate's code is created only when a template shows the link, so a plain question creates no code.
        Uri? referralLink = null;
        if (parts.Any(p => _renderer.VariablesUsedBy(p).Contains(AskTemplateVariableNames.ReferralLink)))
        {
            var code = await _codes.GetOrCreateAsync(db, contact, cancellationToken);
            referralLink = ReferralLink.Create(baseUrl, code.Display);
        }

        var variables = new AskTemplateVariables
        {
            FirstName = contact.FirstName?.Trim() ?? "",
            BusinessName = tenant.DisplayName,
            RatingLinks = RatingLinks.ForAllScores(_key.CreateRatingSigner(), baseUrl, tenant.Id, ask.Id, contact.Id, now + RatingLinkLifetime),
            UnsubscribeLink = _key.CreateUnsubscribeLinks().CreateLink(baseUrl, tenant.Id, contact.Id),
            ReferralLink = referralLink,
            FriendOffer = FriendOfferPhrase.For(settings.FriendOffer ?? new FriendOffer(), settings.Currency),
            IdealReferral = DefaultIdealReferral,
        };

        var email = new OutgoingEmail(
            message.IdempotencyKey,
            new EmailRecipient(contact.Email.Trim(), DisplayName(contact.FirstName, contact.LastName)),
            Render(templates.SatisfactionSubject, nameof(AskTemplateSet.SatisfactionSubject), variables, TemplateFormat.Text),
            Render(templates.SatisfactionHtml, nameof(AskTemplateSet.SatisfactionHtml), variables, TemplateFormat.Html),
            Render(templates.SatisfactionText, nameof(AskTemplateSet.SatisfactionText), variables, TemplateFormat.Text))
        {
            ListUnsubscribe = variables.UnsubscribeLink,
            OneClickUnsubscribe = true,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [AskHeader] = ask.Id.ToString("N") },
        };

        try
        {
            await _sender.SendAsync(email, cancellationToken);
        }
        catch (PermanentEmailFailureException ex)
        {
            throw new PermanentMessageException($"The e-mail of ask {ask.Id} was refused for good: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new PermanentMessageException($"The e-mail of ask {ask.Id} cannot be sent: {ex.Message}", ex);
        }

        return message.IdempotencyKey;
    }

    private static Guid ReadAskId(OutboxMessage message)
    {
        AskEmailMessage? payload;
        try
        {
            payload = JsonSerializer.Deserialize<AskEmailMessage>(message.Payload, PayloadJson);
        }
        catch (JsonException ex)
        {
            throw new PermanentMessageException($"The payload of outbox message {message.Id} is not an ask e-mail message: {ex.Message}", ex);
        }

        return payload is { AskId: var id } && id != Guid.Empty
            ? id
            : throw new PermanentMessageException($"The payload of outbox message {message.Id} names no ask.");
    }

    private string Render(string? template, string name, AskTemplateVariables variables, TemplateFormat format)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            throw new PermanentMessageException($"The ask template {ReferralsOptions.SectionName}:Program:Templates:{name} is empty. Set it, or remove it to use the English default.");
        }

        try
        {
            return _renderer.Render(template, variables, format);
        }
        catch (AskTemplateException ex)
        {
            throw new PermanentMessageException($"The ask template {ReferralsOptions.SectionName}:Program:Templates:{name} cannot be rendered: {ex.Message}", ex);
        }
    }

    private static string? DisplayName(string? firstName, string? lastName)
    {
        var name = $"{firstName?.Trim()} {lastName?.Trim()}".Trim();
        return name.Length == 0 ? null : name;
    }
}
