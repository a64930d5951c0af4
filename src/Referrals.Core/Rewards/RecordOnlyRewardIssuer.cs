namespace Referrals.Core.Rewards;

/// <summary>
/// The default issuer: the ledger is the record and the business pays by hand (or a host replaces this issuer).
/// Rewards are recorded as issued; claw-backs cannot be collected and stand as debt against the next reward.
/// </summary>
public sealed class RecordOnlyRewardIssuer : IRewardIssuer
{
    /// <inheritdoc />
    public Task<RewardIssueResult> IssueAsync(RewardIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(RewardIssueResult.Done("recorded:" + request.IdempotencyKey));
    }

    /// <inheritdoc />
    public Task<RewardIssueResult> ReverseAsync(RewardIssueRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(RewardIssueResult.NotPossible("Rewards are paid by hand here, so nothing is taken back automatically; the amount offsets the next reward."));
}
