namespace Referrals.Core.Email;

/// <summary>
/// The server refused the message for good (a 5xx reply to the recipient or the content, for example "550 no such
/// user"): do not retry; record the failure (and consider the address undeliverable).
/// </summary>
public sealed class PermanentEmailFailureException : EmailDeliveryException
{
    /// <summary>Creates the exception.</summary>
    public PermanentEmailFailureException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was refused.</param>
    public PermanentEmailFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What was refused.</param>
    /// <param name="innerException">The cause.</param>
    public PermanentEmailFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The SMTP reply code (for example 550), or 0 when unknown.</summary>
    public int StatusCode { get; init; }

    /// <inheritdoc />
    public override bool IsPermanent => true;
}
