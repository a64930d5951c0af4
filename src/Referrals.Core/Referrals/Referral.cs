namespace Referrals.Core.Referrals;

/// <summary>
/// One advocate's referral of one friend, from invitation or click to conversion and reward.
/// </summary>
public sealed class Referral
{
    private Referral()
    {
        Currency = "";
    }

    /// <summary>Starts a referral.</summary>
    public Referral(Guid tenantId, Guid advocateContactId, ReferralSource source, ChainPosition chain, string currency, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        AdvocateContactId = advocateContactId;
        Source = source;
        ParentReferralId = chain.ParentReferralId;
        RootAdvocateContactId = chain.RootAdvocateContactId;
        Depth = chain.Depth;
        Currency = currency;
        CreatedAt = UpdatedAt = now;
        State = ReferralState.Invited;
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>Who referred.</summary>
    public Guid AdvocateContactId { get; private set; }

    /// <summary>The advocate's code used, if any.</summary>
    public Guid? ReferralCodeId { get; set; }

    /// <summary>The friend, once known as a contact.</summary>
    public Guid? FriendContactId { get; set; }

    /// <summary>The friend's name as the advocate gave it.</summary>
    public string? FriendName { get; set; }

    /// <summary>The friend's e-mail as given.</summary>
    public string? FriendEmail { get; set; }

    /// <summary>The friend's normalized e-mail, for invited-e-mail matching.</summary>
    public string? FriendNormalizedEmail { get; set; }

    /// <summary>
    /// How the advocate introduced the friend, when the referral came from an introduction (<see cref="Engine.Introductions"/>);
    /// null for every other referral.
    /// </summary>
    public Engine.IntroductionChannel? IntroductionChannel { get; set; }

    /// <summary>
    /// The editor's note on an introduction recorded by phone or in person (at most <see cref="Engine.Introductions.MaxNoteLength"/>
    /// characters). It may name the friend, so it is erased with the friend's data.
    /// </summary>
    public string? IntroductionNote { get; set; }

    /// <summary>How it came about.</summary>
    public ReferralSource Source { get; private set; }

    /// <summary>Where it is.</summary>
    public ReferralState State { get; private set; }

    /// <summary>Which attribution rule matched the converting order (the rule's name).</summary>
    public string? AttributionRule { get; set; }

    /// <summary>Why it was rejected or flagged.</summary>
    public string? Reason { get; private set; }

    /// <summary>The converting order's external id. Unique per tenant: one order converts at most one referral.</summary>
    public string? ConvertingOrderId { get; private set; }

    /// <summary>The converting order's total.</summary>
    public decimal Revenue { get; private set; }

    /// <summary>The ISO 4217 currency of <see cref="Revenue"/>.</summary>
    public string Currency { get; private set; }

    /// <summary>The referral through which the advocate was referred (chains).</summary>
    public Guid? ParentReferralId { get; private set; }

    /// <summary>The advocate at the top of this referral's tree.</summary>
    public Guid RootAdvocateContactId { get; private set; }

    /// <summary>1 for a root advocate's referral, deeper for referrals of referred friends.</summary>
    public int Depth { get; private set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// When the same advocate's previous referral started (null for their first), set when the referral is saved
    /// (<c>Persistence/AdvocatePreviousStarts</c>). It lets analytics count a period's distinct advocates as the
    /// period's referrals whose advocate had none since the period began: a range count instead of a distinct count.
    /// </summary>
    public DateTimeOffset? AdvocatePreviousStartedAt { get; internal set; }

    /// <summary>When the friend first visited.</summary>
    public DateTimeOffset? VisitedAt { get; private set; }

    /// <summary>When the friend converted.</summary>
    public DateTimeOffset? ConvertedAt { get; private set; }

    /// <summary>When its rewards were issued.</summary>
    public DateTimeOffset? RewardedAt { get; private set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the friend was last touched (invited or visited): the start of the attribution window.</summary>
    public DateTimeOffset TouchedAt => VisitedAt ?? CreatedAt;

    /// <summary>Whether the referral can still convert.</summary>
    public bool IsOpen => State is ReferralState.Invited or ReferralState.Visited;

    /// <summary>Records the friend's first visit; later visits keep the first time.</summary>
    public void MarkVisited(DateTimeOffset now)
    {
        if (State == ReferralState.Invited)
        {
            State = ReferralState.Visited;
            VisitedAt = now;
            UpdatedAt = now;
        }
    }

    /// <summary>Records the converting order. <paramref name="flagged"/> sends it to review instead.</summary>
    /// <exception cref="InvalidOperationException">It is not open.</exception>
    public void Convert(string orderId, Money revenue, string rule, bool flagged, string? flagReasons, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Referral {Id} is {State} and cannot convert again.");
        }

        ConvertingOrderId = orderId;
        Revenue = revenue.Amount;
        Currency = revenue.Currency;
        AttributionRule = rule;
        ConvertedAt = now;
        UpdatedAt = now;
        State = flagged ? ReferralState.UnderReview : ReferralState.Converted;
        Reason = flagged ? flagReasons : null;
    }

    /// <summary>A reviewer (or the lapse policy) accepted a flagged referral.</summary>
    public void Approve(DateTimeOffset now)
    {
        if (State == ReferralState.UnderReview)
        {
            State = ReferralState.Converted;
            UpdatedAt = now;
        }
    }

    /// <summary>Turns the referral down with a reason.</summary>
    public void Reject(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        State = ReferralState.Rejected;
        Reason = reason;
        UpdatedAt = now;
    }

    /// <summary>Records a rejected conversion attempt: the order is kept for the audit trail.</summary>
    /// <exception cref="ArgumentException">The reason is empty.</exception>
    /// <exception cref="InvalidOperationException">The referral is not open.</exception>
    public void RejectConversion(string orderId, Money revenue, string rule, string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Referral {Id} is {State} and cannot record another conversion.");
        }

        ConvertingOrderId = orderId;
        Revenue = revenue.Amount;
        Currency = revenue.Currency;
        AttributionRule = rule;
        Reject(reason, now);
    }

    /// <summary>All rewards of the referral were issued.</summary>
    public void MarkRewarded(DateTimeOffset now)
    {
        if (State == ReferralState.Converted)
        {
            State = ReferralState.Rewarded;
            RewardedAt = now;
            UpdatedAt = now;
        }
    }

    /// <summary>The friend did not convert in time.</summary>
    public void Expire(DateTimeOffset now)
    {
        if (IsOpen)
        {
            State = ReferralState.Expired;
            UpdatedAt = now;
        }
    }
}
