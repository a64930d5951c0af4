namespace Referrals.Core.Email;

/// <summary>What a verified unsubscribe link says: which contact of which tenant wants no more e-mail.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="ContactId">The contact.</param>
public sealed record UnsubscribeToken(Guid TenantId, Guid ContactId);
