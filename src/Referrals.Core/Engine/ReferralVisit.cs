namespace Referrals.Core.Engine;

/// <summary>A signed-in visitor followed an advocate's link: the visitor's open invitation from that advocate becomes visited.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="AdvocateContactId">Whose code the link carried.</param>
/// <param name="System">The visitor's id system (<see cref="Contacts.ContactExternalId.Shopify"/>, …).</param>
/// <param name="ExternalId">The visitor's id in that system.</param>
/// <param name="At">When the visit happened.</param>
public sealed record ReferralVisit(Guid TenantId, Guid AdvocateContactId, string System, string ExternalId, DateTimeOffset At);
