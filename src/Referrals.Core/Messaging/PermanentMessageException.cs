namespace Referrals.Core.Messaging;

/// <summary>
/// Thrown by a handler when retrying cannot help (malformed payload, unknown tenant): the message is dead-lettered
/// at once with this message kept as its error, so nothing is lost and an operator can look.
/// </summary>
public sealed class PermanentMessageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PermanentMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PermanentMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
