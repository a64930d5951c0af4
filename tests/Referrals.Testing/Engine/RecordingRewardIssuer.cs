using System.Collections.Concurrent;
using Referrals.Core.Rewards;

namespace Referrals.Testing.Engine;

/// <summary>
/// A reward issuer for tests that records every call, pays once per idempotency key (like a real provider that
/// deduplicates), and can be told to fail transiently or to refuse claw-backs.
/// </summary>
public sealed class RecordingRewardIssuer : IRewardIssuer
{
    private readonly ConcurrentDictionary<string, string> _paid = new();
    private int _failuresLeft;

    /// <summary>Every issue call, in order.</summary>
    public ConcurrentQueue<RewardIssueRequest> Issued { get; } = new();

    /// <summary>Every reverse call, in order.</summary>
    public ConcurrentQueue<RewardIssueRequest> Reversed { get; } = new();

    /// <summary>When true, claw-backs cannot be collected (the amount becomes debt).</summary>
    public bool RefuseReversals { get; set; }

    /// <summary>How many distinct payouts actually moved money.</summary>
    public int DistinctPayouts => _paid.Count;

    /// <summary>
    /// Runs inside every <see cref="IssueAsync"/> call before the payout is made: a test can hold the call there (a
    /// payout in flight) while something else changes the ledger. Null for none.
    /// </summary>
    public Func<RewardIssueRequest, Task>? OnIssue { get; set; }

    /// <summary>Makes the next <paramref name="count"/> calls throw a transient error.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    /// <inheritdoc />
    public async Task<RewardIssueResult> IssueAsync(RewardIssueRequest request, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        if (OnIssue is { } onIssue)
        {
            await onIssue(request);
        }

        Issued.Enqueue(request);
        var reference = _paid.GetOrAdd(request.IdempotencyKey, key => "pay-" + key);
        return RewardIssueResult.Done(reference);
    }

    /// <inheritdoc />
    public Task<RewardIssueResult> ReverseAsync(RewardIssueRequest request, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Reversed.Enqueue(request);
        return Task.FromResult(RefuseReversals
            ? RewardIssueResult.NotPossible("The customer already spent the credit.")
            : RewardIssueResult.Done("debit-" + request.IdempotencyKey));
    }

    private void ThrowIfFailing()
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException("The issuer is unavailable (test).");
        }
    }
}
