namespace Referrals.Core.Privacy;

/// <summary>An audit entry about the contact.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="Subject">On what.</param>
/// <param name="Details">Details.</param>
/// <param name="At">When.</param>
public sealed record ExportedAuditEntry(string Actor, string Action, string Subject, string? Details, DateTimeOffset At);
