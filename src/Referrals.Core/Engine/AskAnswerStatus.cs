namespace Referrals.Core.Engine;

/// <summary>What happened to a rating answer.</summary>
public enum AskAnswerStatus
{
    /// <summary>The answer was stored and the gate decided the next step.</summary>
    Recorded = 0,

    /// <summary>The ask was answered before; nothing changed (rating links are single-use).</summary>
    AlreadyAnswered,

    /// <summary>No such ask for the token's tenant and contact.</summary>
    UnknownAsk,

    /// <summary>The ask was never sent (still scheduled, skipped or cancelled), so it cannot be answered.</summary>
    NotSent,
}
