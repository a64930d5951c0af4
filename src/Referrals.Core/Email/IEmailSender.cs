namespace Referrals.Core.Email;

/// <summary>
/// Delivers one <see cref="OutgoingEmail"/>. Call it from the outbox: a send may run more than once for the same
/// message (a retry after a crash or a timeout), so implementations key everything on <see cref="OutgoingEmail.MessageId"/>
/// (same <c>Message-Id</c>, same pickup file) and receivers can spot duplicates.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="email"/>.</summary>
    /// <param name="email">The message.</param>
    /// <param name="cancellationToken">Stops the attempt; the message may or may not have been delivered.</param>
    /// <exception cref="ArgumentException">The message is not sendable (bad address, header or unsubscribe link); retrying will not help.</exception>
    /// <exception cref="EmailDeliveryException">Delivery failed for now (server down, timeout, 4xx); retry later.</exception>
    /// <exception cref="PermanentEmailFailureException">The server refused the message for good (5xx recipient or content rejection); do not retry.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
