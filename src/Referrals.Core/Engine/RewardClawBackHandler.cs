using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;

namespace Referrals.Core.Engine;

/// <summary>
/// Takes back part of an issued reward through the <see cref="IRewardIssuer"/>; when that is not possible the
/// claw-back stands as debt, and the next reward pays it off.
/// </summary>
internal sealed class RewardClawBackHandler : IOutboxHandler
{
    private readonly IRewardIssuer _issuer;
    private readonly TimeProvider _clock;

    public RewardClawBackHandler(IRewardIssuer issuer, TimeProvider clock)
    {
        _issuer = issuer;
        _clock = clock;
    }

    public string Kind => RewardLedger.ClawBackKind;

    public async Task<string?> HandleAsync(OutboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var entry = await LedgerEntries.FindAsync(db, message, cancellationToken);
        if (entry.State != LedgerEntryState.Pending)
        {
            return entry.ExternalRef;
        }

        var result = await _issuer.ReverseAsync(
            new RewardIssueRequest(entry.Id, entry.TenantId, entry.Beneficiary, entry.ContactId, entry.CauseId, entry.Kind,
                new Money(-entry.Amount, entry.Currency), message.IdempotencyKey),
            cancellationToken);
        if (result.Succeeded)
        {
            entry.MarkIssued(result.ExternalRef!, _clock.GetUtcNow());
        }
        else
        {
            entry.MarkOutstanding(result.Reason!, _clock.GetUtcNow());
        }

        return entry.ExternalRef;
    }
}
