namespace Referrals.Core.Rewards;

/// <summary>What the issuer did.</summary>
public sealed record RewardIssueResult
{
    private RewardIssueResult(bool succeeded, string? externalRef, string? reason, Money? moved = null)
    {
        Succeeded = succeeded;
        ExternalRef = externalRef;
        Reason = reason;
        Moved = moved;
    }

    /// <summary>Whether money moved.</summary>
    public bool Succeeded { get; }

    /// <summary>Where the issuer recorded it, when it succeeded.</summary>
    public string? ExternalRef { get; }

    /// <summary>Why it cannot be done, when it did not succeed.</summary>
    public string? Reason { get; }

    /// <summary>
    /// What actually moved, when the issuer knows it: a repeat of an idempotency key returns the first try's move, which
    /// may differ from the amount the repeat asked for (the ledger reduced the reward between the two). Null means the
    /// amount asked for.
    /// </summary>
    public Money? Moved { get; }

    /// <summary>Money moved; <paramref name="externalRef"/> says where.</summary>
    public static RewardIssueResult Done(string externalRef)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalRef);
        return new(true, externalRef, null);
    }

    /// <summary>Money moved: <paramref name="moved"/>, recorded at <paramref name="externalRef"/>. Use it when a repeat of a key returns an earlier move.</summary>
    /// <exception cref="ArgumentException"><paramref name="externalRef"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="moved"/> is not positive.</exception>
    public static RewardIssueResult Done(string externalRef, Money moved)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalRef);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(moved.Amount);
        return new(true, externalRef, null, moved);
    }

    /// <summary>It can never succeed, for the given reason.</summary>
    public static RewardIssueResult NotPossible(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, null, reason);
    }
}
