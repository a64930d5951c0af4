namespace Referrals.Core.Rewards;

/// <summary>What the issuer did.</summary>
public sealed record RewardIssueResult
{
    private RewardIssueResult(bool succeeded, string? externalRef, string? reason)
    {
        Succeeded = succeeded;
        ExternalRef = externalRef;
        Reason = reason;
    }

    /// <summary>Whether money moved.</summary>
    public bool Succeeded { get; }

    /// <summary>Where the issuer recorded it, when it succeeded.</summary>
    public string? ExternalRef { get; }

    /// <summary>Why it cannot be done, when it did not succeed.</summary>
    public string? Reason { get; }

    /// <summary>Money moved; <paramref name="externalRef"/> says where.</summary>
    public static RewardIssueResult Done(string externalRef)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalRef);
        return new(true, externalRef, null);
    }

    /// <summary>It can never succeed, for the given reason.</summary>
    public static RewardIssueResult NotPossible(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, null, reason);
    }
}
