using System.Collections.Concurrent;
using Referrals.Core.Rewards;

namespace Referrals.Testing.Engine;

/// <summary>
/// A reward issuer for tests that records every call, pays once per idempotency key (like a real provider that
/// deduplicates: a repeat of a key returns the first payment, with its amount), and can be told to fail transiently,
/// to lose its answer after paying, or to refuse payouts or claw-backs.
/// </summary>
public sealed class RecordingRewardIssuer : IRewardIssuer
{
    private readonly ConcurrentDictionary<string, (string Reference, Core.Money Amount)> _paid = new();
    private int _failuresLeft;
    private int _lostAnswersLeft;

    /// <summary>Every issue call, in order.</summary>
    public ConcurrentQueue<RewardIssueRequest> Issued { get; } = new();

    /// <summary>The calls that moved money: the first of each key, not refused.</summary>
    public ConcurrentQueue<RewardIssueRequest> Payments { get; } = new();

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

    /// <summary>When set, payouts are refused (<see cref="RewardIssueResult.NotPossible"/>) with this reason and nothing is paid.</summary>
    public string? RefusePayouts { get; set; }

    /// <summary>
    /// Makes the next <paramref name="count"/> payouts pay and then throw a transient error, as when the payment went
    /// out but its caller never recorded it (the answer was lost, or the caller's commit failed).
    /// </summary>
    public void LoseNextAnswers(int count) => Interlocked.Exchange(ref _lostAnswersLeft, count);

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
        if (RefusePayouts is { } reason)
        {
            return RewardIssueResult.NotPossible(reason);
        }

        if (_paid.TryAdd(request.IdempotencyKey, ("pay-" + request.IdempotencyKey, request.Amount)))
        {
            Payments.Enqueue(request);
        }

        var (reference, amount) = _paid[request.IdempotencyKey];
        if (Interlocked.Decrement(ref _lostAnswersLeft) >= 0)
        {
            throw new HttpRequestException("The issuer paid, but its answer was lost (test).");
        }

        return RewardIssueResult.Done(reference, amount);
    }

    /// <inheritdoc />
    public Task<RewardIssueResult?> FindPaymentAsync(RewardIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(_paid.TryGetValue(request.IdempotencyKey, out var payment) ? RewardIssueResult.Done(payment.Reference, payment.Amount) : null);
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
