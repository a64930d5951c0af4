namespace Referrals.Core.Privacy;

/// <summary>
/// Everything stored about one contact (a data-subject access request). Serialize it with
/// <see cref="ContactExportJson"/>; the shape is versioned by <see cref="Schema"/> and documented in docs/privacy.md.
/// </summary>
public sealed record ContactExport
{
    /// <summary>The current <see cref="Schema"/>.</summary>
    public const string CurrentSchema = "referrals.contact-export/1";

    /// <summary>The shape's name and version.</summary>
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>When the export was made.</summary>
    public required DateTimeOffset ExportedAt { get; init; }

    /// <summary>The program (shop or site) key.</summary>
    public required string Tenant { get; init; }

    /// <summary>The contact.</summary>
    public required ExportedContact Contact { get; init; }

    /// <summary>Ids other systems give the contact.</summary>
    public required IReadOnlyList<ExportedExternalId> ExternalIds { get; init; }

    /// <summary>The contact's referral codes.</summary>
    public required IReadOnlyList<ExportedCode> Codes { get; init; }

    /// <summary>Referrals the contact made.</summary>
    public required IReadOnlyList<ExportedReferral> ReferralsAsAdvocate { get; init; }

    /// <summary>Referrals that name the contact as the friend.</summary>
    public required IReadOnlyList<ExportedReferral> ReferralsAsFriend { get; init; }

    /// <summary>The contact's orders, with refunds.</summary>
    public required IReadOnlyList<ExportedOrder> Orders { get; init; }

    /// <summary>Reward ledger entries in the contact's favour.</summary>
    public required IReadOnlyList<ExportedLedgerEntry> Ledger { get; init; }

    /// <summary>Asks for the contact.</summary>
    public required IReadOnlyList<ExportedAsk> Asks { get; init; }

    /// <summary>Reviews of referrals the contact is part of.</summary>
    public required IReadOnlyList<ExportedReviewItem> ReviewItems { get; init; }

    /// <summary>Tasks staff were given about the contact (cards, calls, service recovery).</summary>
    public IReadOnlyList<ExportedStaffTask> StaffTasks { get; init; } = [];

    /// <summary>Audit entries about the contact.</summary>
    public required IReadOnlyList<ExportedAuditEntry> AuditEntries { get; init; }

    /// <summary>Stored webhooks and outgoing effects that concern the contact.</summary>
    public required IReadOnlyList<ExportedMessage> Messages { get; init; }
}
