namespace Referrals.Core.Rewards;

/// <summary>
/// One line of the append-only reward ledger. Amounts never change once written; only the state moves forward,
/// and a reversal is a new, negative entry linked to the original through <see cref="RelatedEntryId"/>.
/// </summary>
/// <remarks>
/// Idempotency: <c>(TenantId, OrderId, BeneficiaryKey, Type, SourceEventId)</c> is unique, so processing the same
/// order or refund twice writes nothing the second time.
/// </remarks>
public sealed class LedgerEntry
{
    // The source of a debt return, beside the offset's own (the reward's id).
    private const string ReturnSourcePrefix = "return:";

    // The source of the withdrawal of a debt return, when the reward turned out to be paid after all.
    private const string WithdrawalSourcePrefix = "withdrawn-return:";

    private LedgerEntry()
    {
        OrderId = BeneficiaryKey = Currency = SourceEventId = "";
    }

    /// <summary>The entry's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>Why the entry exists.</summary>
    public LedgerEntryType Type { get; private set; }

    /// <summary>Who it is for.</summary>
    public Beneficiary Beneficiary { get; private set; }

    /// <summary>The contact it is for (advocate or friend); null for a cause.</summary>
    public Guid? ContactId { get; private set; }

    /// <summary>The cause it is for; null unless <see cref="Beneficiary"/> is <see cref="Rewards.Beneficiary.Cause"/>.</summary>
    public string? CauseId { get; private set; }

    /// <summary>A stable text for the beneficiary (<c>advocate:{id}</c>, <c>friend:{id}</c>, <c>cause:{id}</c>), part of the idempotency key.</summary>
    public string BeneficiaryKey { get; private set; }

    /// <summary>The referral that earned it, when there is one.</summary>
    public Guid? ReferralId { get; private set; }

    /// <summary>The external id of the order the entry is about.</summary>
    public string OrderId { get; private set; }

    /// <summary>The event that caused it beyond the order: the refund id for a claw-back, the reward id for an offset (<c>return:</c> and the reward id for a return); empty for rewards.</summary>
    public string SourceEventId { get; private set; }

    /// <summary>How it is paid.</summary>
    public RewardKind Kind { get; private set; }

    /// <summary>The amount: positive for rewards, negative for claw-backs and offsets, positive for an offset's return to the debt.</summary>
    public decimal Amount { get; private set; }

    /// <summary>The ISO 4217 currency.</summary>
    public string Currency { get; private set; }

    /// <summary>The state.</summary>
    public LedgerEntryState State { get; private set; }

    /// <summary>For a pending reward: when its hold ends.</summary>
    public DateTimeOffset? HoldUntil { get; private set; }

    /// <summary>The entry this one reverses or reduces.</summary>
    public Guid? RelatedEntryId { get; private set; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the state last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Where the issuer recorded it (a Shopify transaction id, a discount code id, a note).</summary>
    public string? ExternalRef { get; private set; }

    /// <summary>Why it was voided or left outstanding.</summary>
    public string? Note { get; private set; }

    /// <summary>The amount as <see cref="Money"/>.</summary>
    public Money Money => new(Amount, Currency);

    /// <summary>Writes a pending reward held until <paramref name="holdUntil"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public static LedgerEntry PendingReward(Guid tenantId, string orderId, Beneficiary beneficiary, Guid? contactId, string? causeId,
        Guid? referralId, RewardKind kind, Money amount, DateTimeOffset holdUntil, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.Amount);
        return new LedgerEntry
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Type = LedgerEntryType.Reward,
            Beneficiary = beneficiary,
            ContactId = contactId,
            CauseId = causeId,
            BeneficiaryKey = KeyFor(beneficiary, contactId, causeId),
            ReferralId = referralId,
            OrderId = orderId,
            Kind = kind,
            Amount = amount.Amount,
            Currency = amount.Currency,
            State = LedgerEntryState.Pending,
            HoldUntil = holdUntil,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Writes a claw-back of <paramref name="amount"/> (a positive figure; stored negative) against <paramref name="reward"/>.
    /// Settled at once when the reward was not paid yet; otherwise pending collection by the issuer.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="reward"/> is not a reward.</exception>
    public static LedgerEntry ClawBackOf(LedgerEntry reward, string refundId, decimal amount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reward);
        if (reward.Type != LedgerEntryType.Reward)
        {
            throw new ArgumentException("Only rewards can be clawed back.", nameof(reward));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return Reversal(reward, LedgerEntryType.ClawBack, refundId, -amount,
            reward.State == LedgerEntryState.Issued ? LedgerEntryState.Pending : LedgerEntryState.Settled, now);
    }

    /// <summary>Writes an offset of <paramref name="amount"/> (positive; stored negative) that pays off debt from <paramref name="reward"/>.</summary>
    public static LedgerEntry DebtOffsetOf(LedgerEntry reward, decimal amount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reward);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return Reversal(reward, LedgerEntryType.DebtOffset, reward.Id.ToString("N"), -amount, LedgerEntryState.Settled, now);
    }

    /// <summary>
    /// Writes the return of <paramref name="amount"/> (positive, stored positive) of the debt <paramref name="reward"/>
    /// paid off, because the reward was voided or refunded before it was paid. Its idempotency key is the reward's and
    /// <paramref name="sequence"/>, so the database refuses a second return with the same number: a reward whose payout
    /// was stopped returns at each refund that reduces it, numbering its returns 1, 2, ...
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> or <paramref name="sequence"/> is not positive.</exception>
    public static LedgerEntry DebtReturnOf(LedgerEntry reward, decimal amount, DateTimeOffset now, int sequence = 1)
    {
        ArgumentNullException.ThrowIfNull(reward);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        var source = ReturnSourcePrefix + reward.Id.ToString("N") + (sequence == 1 ? "" : ":" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Reversal(reward, LedgerEntryType.DebtOffset, source, amount, LedgerEntryState.Settled, now);
    }

    /// <summary>
    /// Writes the withdrawal of <paramref name="amount"/> (positive; stored negative) of a debt return of
    /// <paramref name="reward"/>, because the reward was paid after all: a payout whose claim had run out was on its way
    /// when another worker, finding the reward voided, returned the repayment that payout used. One per reward: its
    /// idempotency key is the reward's, so the database refuses a second.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    internal static LedgerEntry DebtReturnWithdrawalOf(LedgerEntry reward, decimal amount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reward);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return Reversal(reward, LedgerEntryType.DebtOffset, WithdrawalSourcePrefix + reward.Id.ToString("N"), -amount, LedgerEntryState.Settled, now);
    }

    /// <summary>Whether this is the withdrawal of a debt return (<see cref="DebtReturnWithdrawalOf"/>).</summary>
    internal bool IsDebtReturnWithdrawal =>
        Type == LedgerEntryType.DebtOffset && SourceEventId.StartsWith(WithdrawalSourcePrefix, StringComparison.Ordinal);

    /// <summary>The beneficiary key for the idempotency index.</summary>
    public static string KeyFor(Beneficiary beneficiary, Guid? contactId, string? causeId) => beneficiary switch
    {
        Beneficiary.Cause => "cause:" + (causeId ?? throw new ArgumentException("A cause entry needs a cause id.", nameof(causeId))),
        Beneficiary.Advocate => "advocate:" + (contactId ?? throw new ArgumentException("An advocate entry needs a contact id.", nameof(contactId))).ToString("N"),
        Beneficiary.Friend => "friend:" + (contactId ?? throw new ArgumentException("A friend entry needs a contact id.", nameof(contactId))).ToString("N"),
        _ => throw new ArgumentOutOfRangeException(nameof(beneficiary), beneficiary, "Unknown beneficiary."),
    };

    /// <summary>A pending reward whose hold has passed becomes approved for issuing.</summary>
    /// <exception cref="InvalidLedgerTransitionException">The entry is not a pending reward.</exception>
    public void Approve(DateTimeOffset now) => Move(LedgerEntryType.Reward, LedgerEntryState.Approved, now, LedgerEntryState.Pending);

    /// <summary>Records that the issuer carried the entry out. Issuing an issued entry again is a no-op.</summary>
    /// <exception cref="InvalidLedgerTransitionException">A reward that is not approved, or a claw-back that is not pending.</exception>
    public void MarkIssued(string externalRef, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalRef);
        if (State == LedgerEntryState.Issued)
        {
            return;
        }

        Move(Type, LedgerEntryState.Issued, now, Type == LedgerEntryType.Reward ? LedgerEntryState.Approved : LedgerEntryState.Pending);
        ExternalRef = externalRef;
    }

    /// <summary>Cancels a reward that has not been paid. Voiding a voided reward is a no-op.</summary>
    /// <exception cref="InvalidLedgerTransitionException">The reward was already issued: claw it back instead.</exception>
    public void Void(string reason, DateTimeOffset now)
    {
        if (State == LedgerEntryState.Voided)
        {
            return;
        }

        Move(LedgerEntryType.Reward, LedgerEntryState.Voided, now, LedgerEntryState.Pending, LedgerEntryState.Approved);
        Note = reason;
    }

    /// <summary>
    /// Records that a reward voided while its payout was already on its way was paid after all: it is issued (the void's
    /// reason stays in <see cref="Note"/>), and the caller writes the claw-back that takes the payout back.
    /// </summary>
    /// <exception cref="InvalidLedgerTransitionException">The entry is not a voided reward.</exception>
    public void MarkIssuedAfterVoid(string externalRef, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalRef);
        Move(LedgerEntryType.Reward, LedgerEntryState.Issued, now, LedgerEntryState.Voided);
        ExternalRef = externalRef;
    }

    /// <summary>
    /// Records that a reward closed as issued with nothing to pay (its claw-backs and offsets used it up) was paid after
    /// all, by a payout already on its way: it stays issued and now points at the payment.
    /// </summary>
    /// <exception cref="InvalidLedgerTransitionException">The entry is not an issued reward.</exception>
    internal void MarkPaidAfterNothingToPay(string externalRef, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalRef);
        Move(LedgerEntryType.Reward, LedgerEntryState.Issued, now, LedgerEntryState.Issued);
        ExternalRef = externalRef;
    }

    /// <summary>
    /// A claw-back settled against a reward that was not paid yet, when the payout went out in full after all (it was
    /// on its way when the refund came): the money is collected through the issuer instead.
    /// </summary>
    /// <exception cref="InvalidLedgerTransitionException">The entry is not a settled claw-back.</exception>
    public void CollectAfterPayout(DateTimeOffset now) => Move(LedgerEntryType.ClawBack, LedgerEntryState.Pending, now, LedgerEntryState.Settled);

    /// <summary>A claw-back the issuer could not collect stands as debt for later rewards to offset.</summary>
    public void MarkOutstanding(string reason, DateTimeOffset now)
    {
        Move(LedgerEntryType.ClawBack, LedgerEntryState.Outstanding, now, LedgerEntryState.Pending);
        Note = reason;
    }

    private static LedgerEntry Reversal(LedgerEntry original, LedgerEntryType type, string sourceEventId, decimal signedAmount, LedgerEntryState state, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = original.TenantId,
        Type = type,
        Beneficiary = original.Beneficiary,
        ContactId = original.ContactId,
        CauseId = original.CauseId,
        BeneficiaryKey = original.BeneficiaryKey,
        ReferralId = original.ReferralId,
        OrderId = original.OrderId,
        SourceEventId = sourceEventId,
        Kind = original.Kind,
        Amount = signedAmount,
        Currency = original.Currency,
        State = state,
        RelatedEntryId = original.Id,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private void Move(LedgerEntryType requiredType, LedgerEntryState to, DateTimeOffset now, params ReadOnlySpan<LedgerEntryState> allowedFrom)
    {
        var allowed = false;
        foreach (var state in allowedFrom)
        {
            allowed |= state == State;
        }

        if (Type != requiredType || !allowed)
        {
            throw new InvalidLedgerTransitionException(Type, State, to);
        }

        State = to;
        UpdatedAt = now;
    }
}
