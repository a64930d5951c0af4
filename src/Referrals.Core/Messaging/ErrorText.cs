namespace Referrals.Core.Messaging;

/// <summary>Makes the error text kept on a failed message: type and message, bounded, no stack traces or payloads.</summary>
internal static class ErrorText
{
    public const int MaxLength = 2000;

    public static string Of(Exception exception)
    {
        var text = exception is PermanentMessageException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
        if (exception.InnerException is { } inner)
        {
            text += $" ({inner.GetType().Name}: {inner.Message})";
        }

        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
