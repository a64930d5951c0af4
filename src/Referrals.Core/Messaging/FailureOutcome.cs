namespace Referrals.Core.Messaging;

/// <summary>What happens to a message whose handling failed: when to retry, or that it is dead.</summary>
/// <param name="Attempts">Attempts so far, including this one.</param>
/// <param name="NextAttemptAt">When to try again.</param>
/// <param name="DeadLettered">Whether it is given up on.</param>
/// <param name="Error">The error text to keep.</param>
internal readonly record struct FailureOutcome(int Attempts, DateTimeOffset NextAttemptAt, bool DeadLettered, string Error)
{
    public static FailureOutcome Decide(RetrySchedule schedule, int previousAttempts, Exception error, DateTimeOffset now, long rowId)
    {
        var attempts = previousAttempts + 1;
        var dead = error is PermanentMessageException || schedule.IsExhausted(attempts);
        return new FailureOutcome(attempts, dead ? now : schedule.NextAttempt(attempts, now, rowId), dead, ErrorText.Of(error));
    }
}
