namespace Referrals.Core.Referrals;

/// <summary>
/// What a tenant must remember about a friend it introduced itself to, keyed by a hash of the friend's normalized e-mail
/// (see <see cref="FriendEmailHash"/>), never the address: when they were last introduced and whether they opted out.
/// Kept through redaction so an opt-out is honoured for good and nobody is introduced twice within the cool-down.
/// </summary>
public sealed class FriendSuppression
{
    // For EF Core.
    private FriendSuppression()
    {
        EmailHash = "";
    }

    /// <summary>Creates the row for a friend first introduced at <paramref name="now"/>.</summary>
    public FriendSuppression(Guid tenantId, string emailHash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        EmailHash = emailHash;
        CreatedAt = now;
    }

    /// <summary>The row id; the friend's opt-out link carries it.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The <see cref="FriendEmailHash"/> of the friend's normalized e-mail (64 lower-case hex digits).</summary>
    public string EmailHash { get; private set; }

    /// <summary>When the row was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the friend was last introduced by e-mail, if ever.</summary>
    public DateTimeOffset? LastIntroducedAt { get; set; }

    /// <summary>When the friend opted out of introductions; they are never e-mailed again.</summary>
    public DateTimeOffset? OptedOutAt { get; set; }
}
