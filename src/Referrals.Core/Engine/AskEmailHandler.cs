using System.Text.Json;
using Referrals.Core.Asks;
using Referrals.Core.Email;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Satisfaction;

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

    private readonly ContactMailer _mailer;
    private readonly TimeProvider _clock;

    /// <summary>Creates the handler.</summary>
    public AskEmailHandler(ContactMailer mailer, TimeProvider clock)
    {
        _mailer = mailer;
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

        var what = $"ask {ask.Id}";
        var mail = await _mailer.PrepareAsync(db, ask.TenantId, ask.ContactId, what, cancellationToken);
        var now = _clock.GetUtcNow();
        var settings = mail.Tenant.Settings;
        string[] parts = [nameof(AskTemplateSet.SatisfactionSubject), nameof(AskTemplateSet.SatisfactionHtml), nameof(AskTemplateSet.SatisfactionText)];

        // The advocate's code is created only when a template shows the link, so a plain question creates no code.
        var referralLink = _mailer.AnyUses(mail, AskTemplateVariableNames.ReferralLink, parts)
            ? await _mailer.ReferralLinkAsync(db, mail, cancellationToken)
            : null;
        var common = ContactMailer.CommonVariables(mail, referralLink, FriendOfferPhrase.For(settings.FriendOffer ?? new FriendOffer(), settings.Currency), DefaultIdealReferral);
        var variables = new AskTemplateVariables
        {
            FirstName = common.FirstName,
            BusinessName = common.BusinessName,
            RatingLinks = RatingLinks.ForAllScores(_mailer.Key.CreateRatingSigner(), mail.BaseUrl, mail.Tenant.Id, ask.Id, mail.Contact.Id, now + RatingLinkLifetime),
            UnsubscribeLink = common.UnsubscribeLink,
            ReferralLink = common.ReferralLink,
            QrCodeUrl = common.QrCodeUrl,
            FriendOffer = common.FriendOffer,
            IdealReferral = common.IdealReferral,
            IdealClient = settings.FindIdealClient(settings.Timeline?.StepFor(ask.Trigger)?.IdealClientName),
            IdealClients = common.IdealClients,
        };

        await _mailer.SendAsync(mail, message.IdempotencyKey, parts[0], parts[1], parts[2], variables,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [AskHeader] = ask.Id.ToString("N") }, what, cancellationToken);
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
}
