namespace Referrals.Core.Email;

/// <summary>
/// Delivery failed for a reason that may pass (server unreachable, timeout, temporary 4xx reply): let the outbox retry.
/// The message never contains the SMTP password or the recipient's address.
/// </summary>
public class EmailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailDeliveryException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed and what to check.</param>
    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed and what to check.</param>
    /// <param name="innerException">The cause.</param>
    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>False: a later attempt may succeed. <see cref="PermanentEmailFailureException"/> says true.</summary>
    public virtual bool IsPermanent => false;
}
