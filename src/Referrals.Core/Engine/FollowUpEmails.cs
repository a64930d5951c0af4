using System.Text.Json;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>
/// The outbox kinds of the e-mails that follow an answer or a referral, and how they are enqueued: one per event
/// (the idempotency key names it), in the caller's transaction, only to contacts who can be e-mailed.
/// </summary>
public static class FollowUpEmails
{
    /// <summary>The referral ask a promoter gets (ReferralAsk templates); keyed by the ask.</summary>
    public const string ReferralAskKind = "ask.referral";

    /// <summary>The thank-you a passive gets (ThankYou templates); keyed by the ask.</summary>
    public const string ThankYouKind = "ask.thankyou";

    /// <summary>The advocate's news that their friend converted (FriendConverted templates); keyed by the referral.</summary>
    public const string FriendConvertedKind = "referral.converted.email";

    /// <summary>The advocate's news that their reward was issued (RewardIssued templates); keyed by the ledger entry.</summary>
    public const string RewardIssuedKind = "reward.issued.email";

    /// <summary>The advocate news (AdvocateNews templates); keyed by its ask (one per contact and period).</summary>
    public const string AdvocateNewsKind = "advocate.news.email";

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>The idempotency key of the <paramref name="kind"/> e-mail about <paramref name="subjectId"/>.</summary>
    public static string IdempotencyKey(string kind, Guid subjectId) => $"{kind}:{subjectId:N}";

    /// <summary>Whether <paramref name="contact"/> can get a follow-up e-mail: has an address, consent, and is not redacted.</summary>
    public static bool CanEmail(Contact? contact) =>
        contact is { RedactedAt: null, MarketingConsent: true } && !string.IsNullOrWhiteSpace(contact.Email);

    /// <summary>
    /// Adds the <paramref name="kind"/> e-mail about <paramref name="subjectId"/> to the outbox (the caller saves), unless the
    /// contact cannot be e-mailed or it was enqueued before.
    /// </summary>
    /// <returns>True when added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="db"/>, <paramref name="contact"/> or <paramref name="payload"/> is null.</exception>
    public static async Task<bool> EnqueueAsync(ReferralsDbContext db, Contact contact, string kind, Guid subjectId, FollowUpEmailMessage payload,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(payload);
        if (!CanEmail(contact))
        {
            return false;
        }

        var message = new OutboxMessage(contact.TenantId, kind, IdempotencyKey(kind, subjectId), JsonSerializer.Serialize(payload, PayloadJson), now);
        return await OutboxWriter.EnqueueAsync(db, message, cancellationToken);
    }

    /// <summary>Reads a payload written by <see cref="EnqueueAsync"/>.</summary>
    /// <exception cref="PermanentMessageException">The payload is not a follow-up e-mail message or names no contact.</exception>
    internal static FollowUpEmailMessage Read(OutboxMessage message)
    {
        FollowUpEmailMessage? payload;
        try
        {
            payload = JsonSerializer.Deserialize<FollowUpEmailMessage>(message.Payload, PayloadJson);
        }
        catch (JsonException ex)
        {
            throw new PermanentMessageException($"The payload of outbox message {message.Id} is not a follow-up e-mail message: {ex.Message}", ex);
        }

        return payload is { ContactId: var id } && id != Guid.Empty
            ? payload
            : throw new PermanentMessageException($"The payload of outbox message {message.Id} names no contact.");
    }
}
