using Referrals.Core.Satisfaction;

namespace Referrals.Core.Engine;

/// <summary>The outcome of <see cref="AskAnswers.RecordAsync"/>.</summary>
/// <param name="Status">Whether the answer was stored, and if not, why.</param>
/// <param name="Decision">The gate's decision on the score; set only when <see cref="Status"/> is <see cref="AskAnswerStatus.Recorded"/>.</param>
public sealed record AskAnswerResult(AskAnswerStatus Status, GateDecision? Decision)
{
    /// <summary>A refusal with no decision.</summary>
    public static AskAnswerResult Refused(AskAnswerStatus status) => new(status, null);
}
