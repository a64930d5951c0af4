namespace Referrals.Core.Thanks;

/// <summary>
/// Something a person at the business does by hand (DESIGN.md §4 Thank-you task): a thank-you card or call, a
/// service-recovery call, or an ask by call, letter or meeting. <c>(TenantId, Kind, SourceKey)</c> is unique, so the
/// same event creates one task. The address and link are snapshots taken when the task was created, so a card prints
/// what was true then.
/// </summary>
public sealed class StaffTask
{
    private StaffTask()
    {
        SourceKey = SuggestedMessage = "";
    }

    /// <summary>Creates an open task.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="contactId">The contact the task is about (the advocate, the unhappy customer, the contact to ask).</param>
    /// <param name="kind">What to do.</param>
    /// <param name="sourceKey">The event's own key (for example <c>referral:{id}</c>), unique per tenant and kind.</param>
    /// <param name="suggestedMessage">The suggested words, rendered from the tenant's templates.</param>
    /// <param name="dueAt">When it should be done.</param>
    /// <param name="now">The time of creation.</param>
    /// <exception cref="ArgumentException"><paramref name="sourceKey"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="suggestedMessage"/> is null.</exception>
    public StaffTask(Guid tenantId, Guid contactId, StaffTaskKind kind, string sourceKey, string suggestedMessage, DateTimeOffset dueAt, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        ArgumentNullException.ThrowIfNull(suggestedMessage);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ContactId = contactId;
        Kind = kind;
        SourceKey = sourceKey;
        SuggestedMessage = suggestedMessage;
        DueAt = dueAt;
        CreatedAt = now;
    }

    /// <summary>The task's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The contact the task is about.</summary>
    public Guid ContactId { get; private set; }

    /// <summary>The referral that caused the task, if any.</summary>
    public Guid? ReferralId { get; init; }

    /// <summary>The ask that caused the task, if any.</summary>
    public Guid? AskId { get; init; }

    /// <summary>What to do.</summary>
    public StaffTaskKind Kind { get; private set; }

    /// <summary>The event's own key, for idempotency.</summary>
    public string SourceKey { get; private set; }

    /// <summary>The suggested words (a card's handwritten message, a call's script).</summary>
    public string SuggestedMessage { get; private set; }

    /// <summary>The contact's postal address when the task was created, one line per row; null when unknown.</summary>
    public string? PostalAddress { get; init; }

    /// <summary>The advocate's personal referral link (absolute), printed on a card as a QR code; null when none.</summary>
    public string? ReferralLink { get; init; }

    /// <summary>When it should be done.</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>Where the task is.</summary>
    public StaffTaskState State { get; private set; }

    /// <summary>Who marked it done.</summary>
    public string? DoneBy { get; private set; }

    /// <summary>When it was marked done.</summary>
    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>When it was cancelled.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Records that <paramref name="by"/> did the task.</summary>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The task is not open.</exception>
    public void MarkDone(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ThrowUnlessOpen("marked done");
        State = StaffTaskState.Done;
        DoneBy = by;
        DoneAt = at;
    }

    /// <summary>Withdraws the task.</summary>
    /// <exception cref="InvalidOperationException">The task is not open.</exception>
    public void Cancel(DateTimeOffset at)
    {
        ThrowUnlessOpen("cancelled");
        State = StaffTaskState.Cancelled;
        CancelledAt = at;
    }

    private void ThrowUnlessOpen(string verb)
    {
        if (State != StaffTaskState.Open)
        {
            throw new InvalidOperationException($"Task {Id} is {State}; only an open task can be {verb}.");
        }
    }
}
