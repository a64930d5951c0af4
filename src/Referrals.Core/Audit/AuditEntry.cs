namespace Referrals.Core.Audit;

/// <summary>Who did what to which record, and when. Never holds personal data beyond the actor's user name.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Actor = Action = Subject = "";
    }

    /// <summary>Writes an entry.</summary>
    public AuditEntry(Guid tenantId, string actor, string action, string subject, string? details, DateTimeOffset at)
    {
        TenantId = tenantId;
        Actor = actor;
        Action = action;
        Subject = subject;
        Details = details;
        At = at;
    }

    /// <summary>Row id.</summary>
    public long Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>A user name, or a system actor such as <c>lapse-policy</c>.</summary>
    public string Actor { get; private set; }

    /// <summary>What was done, for example <c>review.approve</c>.</summary>
    public string Action { get; private set; }

    /// <summary>What it was done to, for example <c>referral:{id}</c>.</summary>
    public string Subject { get; private set; }

    /// <summary>Anything else worth keeping.</summary>
    public string? Details { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
}
