using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Referrals.Core.Email;

/// <summary>
/// Sends each message through the SMTP server of <see cref="EmailOptions.Smtp"/> with MailKit: connect, authenticate
/// when a user name is set, send, disconnect. One connection per message; fine for the volume of asks.
/// </summary>
/// <remarks>
/// Failures are sorted for the outbox: anything that may pass (unreachable server, timeout, TLS or protocol trouble,
/// 4xx replies, rejected credentials) throws <see cref="EmailDeliveryException"/>; a 5xx refusal of the recipient or
/// the content throws <see cref="PermanentEmailFailureException"/>. Every network operation is bounded by
/// <see cref="SmtpOptions.TimeoutSeconds"/>, so a silent server cannot hang a worker. Messages and logs never contain
/// the password or the recipient's address. Thread-safe.
/// </remarks>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly EmailOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the sender.</summary>
    /// <param name="options">The e-mail options (SMTP server and sender).</param>
    /// <param name="timeProvider">The clock for the Date header and the overall time limit.</param>
    /// <param name="logger">Where failures are logged; none when null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No SMTP host is configured.</exception>
    public SmtpEmailSender(EmailOptions options, TimeProvider timeProvider, ILogger<SmtpEmailSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrWhiteSpace(options.Smtp?.Host))
        {
            throw new ArgumentException("Referrals:Email:Smtp:Host is empty; set the SMTP server's host name.", nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var smtp = _options.Smtp;
        using var message = EmailMessageBuilder.Build(email, _options.From, _timeProvider.GetUtcNow());
        var timeout = TimeSpan.FromSeconds(smtp.TimeoutSeconds);

        // MailKit bounds each operation by Timeout; the overall limit also covers a server that trickles replies.
        using var overall = new CancellationTokenSource(timeout * 4, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overall.Token);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        var server = $"{smtp.Host}:{smtp.Port}";
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptions(smtp.Security), linked.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", linked.Token).ConfigureAwait(false);
            }

            await client.SendAsync(message, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SmtpCommandException ex) when (IsPermanent(ex))
        {
            _logger.LogWarning("SMTP server {Server} refused message {MessageId} for good: {StatusCode} {ErrorCode}", server, message.MessageId, (int)ex.StatusCode, ex.ErrorCode);
            throw new PermanentEmailFailureException(
                $"The SMTP server {server} refused the message ({(int)ex.StatusCode}, {ex.ErrorCode}): {ex.Message}", ex)
            { StatusCode = (int)ex.StatusCode };
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            _logger.LogWarning("Sending message {MessageId} through {Server} failed; it will be retried: {Reason}", message.MessageId, server, ex.GetType().Name);
            throw new EmailDeliveryException(Describe(ex, server, timeout), ex);
        }

        await DisconnectQuietlyAsync(client, server, linked.Token).ConfigureAwait(false);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Use StartTls, SslOnConnect or None."),
    };

    // 5xx to the recipient or the content is final; a 5xx to the sender is a configuration fault an operator can fix,
    // so it stays transient (and ends in the dead letters after the last attempt).
    private static bool IsPermanent(SmtpCommandException ex) =>
        (int)ex.StatusCode is >= 500 and < 600
        && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;

    private static bool IsTransient(Exception ex) =>
        ex is SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException
            or SocketException or IOException or TimeoutException or OperationCanceledException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException;

    private static string Describe(Exception ex, string server, TimeSpan timeout) => ex switch
    {
        OperationCanceledException or TimeoutException =>
            $"The SMTP server {server} did not answer within the time limit (Referrals:Email:Smtp:TimeoutSeconds = {timeout.TotalSeconds:0}).",
        SocketException socket =>
            $"Could not reach the SMTP server {server} ({socket.SocketErrorCode}). Check Referrals:Email:Smtp:Host and Port.",
        AuthenticationException =>
            $"The SMTP server {server} rejected the credentials of Referrals:Email:Smtp:UserName. Check the user name and password.",
        SslHandshakeException =>
            $"TLS with the SMTP server {server} failed. Check Referrals:Email:Smtp:Security (StartTls for 587, SslOnConnect for 465).",
        SmtpCommandException command =>
            $"The SMTP server {server} answered {(int)command.StatusCode} ({command.ErrorCode}): {command.Message}",
        _ => $"Sending through the SMTP server {server} failed: {ex.Message}",
    };

    private async Task DisconnectQuietlyAsync(SmtpClient client, string server, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            // The message was accepted; failing now would only make the outbox send it again.
            _logger.LogInformation("Closing the connection to {Server} after a successful send failed: {Reason}", server, ex.GetType().Name);
        }
    }
}
