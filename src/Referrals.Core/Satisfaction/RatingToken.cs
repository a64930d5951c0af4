namespace Referrals.Core.Satisfaction;

/// <summary>
/// What a one-click rating link says: this contact, answering this ask for this tenant, gives this score, and the
/// link works until <see cref="ExpiresAt"/>. <see cref="RatingLinkSigner"/> turns it into a signed token and back.
/// </summary>
/// <remarks>
/// A verified token proves the link was made by us, was not changed, and has not expired. It does <b>not</b> prove
/// the link is used for the first time: the same e-mail carries eleven links (one per score) for one ask, and a link
/// can be clicked twice. Single use is the caller's job: record the answer against <see cref="AskId"/> and refuse
/// (or treat as a change of mind, by policy) a second answer to the same ask.
/// </remarks>
public sealed record RatingToken
{
    /// <summary>Creates a token's content.</summary>
    /// <param name="tenantId">The tenant the ask belongs to.</param>
    /// <param name="askId">The ask being answered; the key for single use.</param>
    /// <param name="contactId">The contact who was asked.</param>
    /// <param name="score">The score this link records, 0-10.</param>
    /// <param name="expiresAt">The first instant the link no longer works; kept exactly (to the tick) and stored in UTC.</param>
    /// <exception cref="ArgumentException">An id is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0-10.</exception>
    public RatingToken(Guid tenantId, Guid askId, Guid contactId, int score, DateTimeOffset expiresAt)
    {
        ThrowIfEmpty(tenantId, nameof(tenantId));
        ThrowIfEmpty(askId, nameof(askId));
        ThrowIfEmpty(contactId, nameof(contactId));
        SatisfactionGate.ThrowIfNotAScore(score, nameof(score));
        TenantId = tenantId;
        AskId = askId;
        ContactId = contactId;
        Score = score;
        ExpiresAt = expiresAt.ToUniversalTime();
    }

    /// <summary>The tenant the ask belongs to.</summary>
    public Guid TenantId { get; }

    /// <summary>The ask being answered. Enforce single use against this id when storing the answer.</summary>
    public Guid AskId { get; }

    /// <summary>The contact who was asked.</summary>
    public Guid ContactId { get; }

    /// <summary>The score the link records, 0-10.</summary>
    public int Score { get; }

    /// <summary>The first instant (UTC) at which the link no longer works: valid while <c>now &lt; ExpiresAt</c>.</summary>
    public DateTimeOffset ExpiresAt { get; }

    private static void ThrowIfEmpty(Guid id, string parameterName)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("The id is empty (all zeros); pass the stored row's id.", parameterName);
        }
    }
}
