using Referrals.Core.Asks;
using Referrals.Core.Codes;
using Referrals.Core.Configuration;
using Referrals.Core.Contacts;
using Referrals.Core.Email;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Core.Thanks;

namespace Referrals.Core.Engine;

/// <summary>
/// The e-mail building every outbox handler that writes to a contact shares: loads and checks the recipient (not
/// redacted, has an address, has consent, tenant active, links configured), gives the common template values, renders a
/// subject/HTML/text triple from the tenant's <see cref="AskTemplateSet"/> and sends it with the unsubscribe headers.
/// </summary>
/// <remarks>Every refusal is a <see cref="PermanentMessageException"/> whose message says what is wrong and names the e-mail.</remarks>
public sealed class ContactMailer
{
    private readonly IEmailSender _sender;
    private readonly LinkSigningKey _key;
    private readonly LinkOptions _links;
    private readonly AdvocateCodes _codes;
    private readonly AskTemplateRenderer _renderer;
    private readonly IReferralLinkBase _referralBase;

    /// <summary>Creates the mailer.</summary>
    public ContactMailer(IEmailSender sender, LinkSigningKey key, LinkOptions links, AdvocateCodes codes, AskTemplateRenderer renderer, IReferralLinkBase referralBase)
    {
        _referralBase = referralBase;
        _sender = sender;
        _key = key;
        _links = links;
        _codes = codes;
        _renderer = renderer;
    }

    /// <summary>The key that signs links; handlers use it for links of their own (rating links).</summary>
    internal LinkSigningKey Key => _key;

    /// <summary>
    /// Loads and checks who <paramref name="what"/> goes to.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="contactId">The recipient.</param>
    /// <param name="what">Names the e-mail in refusals, for example <c>ask 1234</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="PermanentMessageException">The contact or tenant is missing or unusable, or links are not configured.</exception>
    public async Task<ContactMail> PrepareAsync(ReferralsDbContext db, Guid tenantId, Guid contactId, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contact = await db.Contacts.FindAsync([contactId], cancellationToken)
            ?? throw new PermanentMessageException($"The contact {contactId} of {what} does not exist; its e-mail cannot be sent.");
        if (contact.RedactedAt is not null)
        {
            throw new PermanentMessageException($"The contact {contact.Id} of {what} was redacted (erased on request); its e-mail is not sent.");
        }

        if (string.IsNullOrWhiteSpace(contact.Email))
        {
            throw new PermanentMessageException($"The contact {contact.Id} of {what} has no e-mail address; its e-mail cannot be sent.");
        }

        if (!contact.MarketingConsent)
        {
            // Withdrawn between enqueueing and sending: the earlier check no longer holds.
            throw new PermanentMessageException($"The contact {contact.Id} of {what} withdrew marketing consent; its e-mail is not sent.");
        }

        var tenant = await db.Tenants.FindAsync([tenantId], cancellationToken)
            ?? throw new PermanentMessageException($"The tenant {tenantId} of {what} does not exist; its e-mail cannot be sent.");
        if (tenant.State != TenantState.Active)
        {
            throw new PermanentMessageException($"The tenant {tenant.Key} of {what} is {tenant.State}; its e-mail is not sent.");
        }

        if (!LinkOptionsValidator.TryParseBaseUrl(_links.PublicBaseUrl, out var baseUrl))
        {
            throw new PermanentMessageException($"{ReferralsOptions.SectionName}:Links:PublicBaseUrl '{_links.PublicBaseUrl}' is not an absolute http(s) address; e-mails cannot carry links.");
        }

        return new ContactMail(tenant, contact, baseUrl, tenant.Settings.Templates ?? new AskTemplateSet(),
            _key.CreateUnsubscribeLinks().CreateLink(baseUrl, tenant.Id, contact.Id));
    }

    /// <summary>Whether any of the named templates of <paramref name="mail"/> uses <paramref name="variable"/>.</summary>
    public bool AnyUses(ContactMail mail, string variable, params string[] templateNames)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(templateNames);
        return templateNames.Any(n => _renderer.VariablesUsedBy(Read(mail.Templates, n) ?? "").Contains(variable));
    }

    /// <summary>
    /// The contact's personal referral link on the tenant's <see cref="IReferralLinkBase"/> (for a Shopify shop its
    /// storefront, else <c>PublicBaseUrl</c>); creates their code (added to <paramref name="db"/>, the caller saves) when they have none.
    /// </summary>
    /// <exception cref="ReferralCodeExhaustedException">No free code could be found.</exception>
    public async Task<Uri> ReferralLinkAsync(ReferralsDbContext db, ContactMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var code = await _codes.GetOrCreateAsync(db, mail.Contact, cancellationToken);
        return ReferralLink.Create(_referralBase.For(mail.Tenant) ?? mail.BaseUrl, code.Display);
    }

    /// <summary>
    /// The values of a contact e-mail: first name, business name and unsubscribe link always; the referral link and its
    /// QR code (a PNG <c>data:</c> address, so the e-mail needs no image server), offer, ideal referral and reward when given.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="mail"/> is null.</exception>
    public static AskTemplateVariables CommonVariables(ContactMail mail, Uri? referralLink = null, string? friendOffer = null, string? idealReferral = null, string? reward = null)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return new AskTemplateVariables
        {
            FirstName = mail.Contact.FirstName?.Trim() ?? "",
            BusinessName = mail.Tenant.DisplayName,
            UnsubscribeLink = mail.UnsubscribeLink,
            ReferralLink = referralLink,
            QrCodeUrl = referralLink is null ? null : QrCodes.PngDataUri(referralLink),
            FriendOffer = friendOffer,
            IdealReferral = idealReferral,
            Reward = reward,
            IdealClients = [.. (mail.Tenant.Settings.IdealClients ?? []).Where(p => p is not null)],
        };
    }

    /// <summary>
    /// <paramref name="variables"/> with the program's ideal-client profiles (<c>ideal_clients</c>) and the one this e-mail
    /// is about (<c>ideal_client</c>, null for none).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="variables"/> or <paramref name="settings"/> is null.</exception>
    public static AskTemplateVariables WithIdealClients(AskTemplateVariables variables, ProgramSettings settings, IdealClientProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(settings);
        return new AskTemplateVariables
        {
            FirstName = variables.FirstName,
            BusinessName = variables.BusinessName,
            ReferralLink = variables.ReferralLink,
            QrCodeUrl = variables.QrCodeUrl,
            FriendOffer = variables.FriendOffer,
            IdealReferral = variables.IdealReferral,
            RatingLinks = variables.RatingLinks,
            UnsubscribeLink = variables.UnsubscribeLink,
            Reward = variables.Reward,
            IdealClient = profile,
            IdealClients = [.. (settings.IdealClients ?? []).Where(p => p is not null)],
        };
    }

    /// <summary>Renders the subject, HTML and text templates named and sends them to the contact.</summary>
    /// <param name="mail">The prepared recipient.</param>
    /// <param name="messageId">The e-mail's stable id (the outbox idempotency key), so a retry replaces rather than repeats.</param>
    /// <param name="subject">The <see cref="AskTemplateSet"/> property name of the subject template.</param>
    /// <param name="html">The property name of the HTML template.</param>
    /// <param name="text">The property name of the text template.</param>
    /// <param name="variables">The values.</param>
    /// <param name="headers">Extra headers, or null.</param>
    /// <param name="what">Names the e-mail in refusals.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <exception cref="PermanentMessageException">A template is empty or does not render, or the message was refused for good.</exception>
    public async Task SendAsync(ContactMail mail, string messageId, string subject, string html, string text, AskTemplateVariables variables,
        IReadOnlyDictionary<string, string>? headers, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var email = new OutgoingEmail(
            messageId,
            new EmailRecipient(mail.Contact.Email!.Trim(), DisplayName(mail.Contact)),
            Render(mail.Templates, subject, variables, TemplateFormat.Text),
            Render(mail.Templates, html, variables, TemplateFormat.Html),
            Render(mail.Templates, text, variables, TemplateFormat.Text))
        {
            ListUnsubscribe = mail.UnsubscribeLink,
            OneClickUnsubscribe = true,
            Headers = headers,
        };

        await DeliverAsync(email, what, cancellationToken);
    }

    /// <summary>Sends a built e-mail; a refusal for good becomes a <see cref="PermanentMessageException"/> naming <paramref name="what"/>.</summary>
    /// <exception cref="PermanentMessageException">The e-mail was refused for good or cannot be sent as built.</exception>
    internal async Task DeliverAsync(OutgoingEmail email, string what, CancellationToken cancellationToken)
    {
        try
        {
            await _sender.SendAsync(email, cancellationToken);
        }
        catch (PermanentEmailFailureException ex)
        {
            throw new PermanentMessageException($"The e-mail of {what} was refused for good: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new PermanentMessageException($"The e-mail of {what} cannot be sent: {ex.Message}", ex);
        }
    }

    /// <summary>Renders one template of <paramref name="templates"/> by its property name, as a message handler needs it.</summary>
    /// <exception cref="PermanentMessageException">The template is empty or does not render.</exception>
    internal string Render(AskTemplateSet templates, string name, AskTemplateVariables variables, TemplateFormat format)
    {
        var template = Read(templates, name);
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

    private static string? Read(AskTemplateSet templates, string name) =>
        (AskTemplatePart.All.FirstOrDefault(p => p.Name == name)
            ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Not a template of AskTemplateSet.")).Read(templates);

    private static string? DisplayName(Contact contact)
    {
        var name = $"{contact.FirstName?.Trim()} {contact.LastName?.Trim()}".Trim();
        return name.Length == 0 ? null : name;
    }
}
