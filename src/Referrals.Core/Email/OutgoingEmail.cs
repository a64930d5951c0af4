namespace Referrals.Core.Email;

/// <summary>
/// One message to send: a multipart/alternative e-mail with a text and an HTML part. Build it from rendered ask
/// templates; hand it to an <see cref="IEmailSender"/>.
/// </summary>
/// <param name="MessageId">
/// The idempotency key, for example the outbox message id or <c>ask:{askId}</c>. The same key always gives the same
/// <c>Message-Id</c> header and the same pickup file, so a retried send overwrites rather than duplicates.
/// </param>
/// <param name="To">The recipient.</param>
/// <param name="Subject">The subject; line breaks are replaced by spaces (no header injection).</param>
/// <param name="HtmlBody">The HTML part.</param>
/// <param name="TextBody">The plain-text part.</param>
public sealed record OutgoingEmail(string MessageId, EmailRecipient To, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>
    /// The contact's unsubscribe address (absolute https, or http for local testing), sent as
    /// <c>List-Unsubscribe: &lt;url&gt;</c>; null for none. See <see cref="UnsubscribeLinks"/>.
    /// </summary>
    public Uri? ListUnsubscribe { get; init; }

    /// <summary>
    /// Add <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058): the address unsubscribes on a POST
    /// without further questions. Requires <see cref="ListUnsubscribe"/>.
    /// </summary>
    public bool OneClickUnsubscribe { get; init; }

    /// <summary>
    /// Extra headers (for example <c>X-Referrals-Ask</c>). Names must be plain header names and may not replace the
    /// headers the sender sets (From, To, Subject, Date, Message-Id, MIME and List-Unsubscribe headers); line breaks in
    /// values are replaced by spaces.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
