namespace Referrals.Core.Rewards;

/// <summary>
/// The port through which rewards reach people: Shopify store credit or codes, a gift-card service, or a person
/// paying by hand. Hosts replace the default <see cref="RecordOnlyRewardIssuer"/>.
/// </summary>
/// <remarks>
/// Called from the outbox, at least once per entry: use <see cref="RewardIssueRequest.IdempotencyKey"/> so a repeat
/// does not pay twice; when a repeat returns an earlier payment, say what that payment moved
/// (<see cref="RewardIssueResult.Done(string, Money)"/>), since the ledger may have reduced the reward in between and the
/// repeat then asks for less. Throw for a transient failure (it is retried with back-off); return
/// <see cref="RewardIssueResult.NotPossible"/> when it can never succeed.
/// </remarks>
public interface IRewardIssuer
{
    /// <summary>Pays <see cref="RewardIssueRequest.Amount"/> to the beneficiary.</summary>
    Task<RewardIssueResult> IssueAsync(RewardIssueRequest request, CancellationToken cancellationToken);

    /// <summary>Takes back <see cref="RewardIssueRequest.Amount"/> (positive) from an issued reward; <see cref="RewardIssueResult.NotPossible"/> leaves it as debt.</summary>
    Task<RewardIssueResult> ReverseAsync(RewardIssueRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The payment an earlier <see cref="IssueAsync"/> made for <see cref="RewardIssueRequest.IdempotencyKey"/>, if this
    /// issuer knows of one, as <see cref="RewardIssueResult.Done(string, Money)"/> with what it moved; null when it made
    /// none or keeps no record. Asked, without paying anything, when the ledger finds nothing left to pay (the reward
    /// was voided or used up by a refund), so that a payment whose record never committed is still recorded and taken
    /// back. The default keeps no record. Throw for a transient failure, as for <see cref="IssueAsync"/>.
    /// </summary>
    Task<RewardIssueResult?> FindPaymentAsync(RewardIssueRequest request, CancellationToken cancellationToken) => Task.FromResult<RewardIssueResult?>(null);
}
