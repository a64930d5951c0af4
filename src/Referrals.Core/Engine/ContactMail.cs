using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>A checked recipient of a contact e-mail (see <see cref="ContactMailer.PrepareAsync"/>).</summary>
/// <param name="Tenant">The tenant, active.</param>
/// <param name="Contact">The contact: not redacted, with an address and consent.</param>
/// <param name="BaseUrl">The public base address links start with.</param>
/// <param name="Templates">The tenant's templates.</param>
/// <param name="UnsubscribeLink">The contact's one-click unsubscribe link.</param>
public sealed record ContactMail(Tenant Tenant, Contact Contact, Uri BaseUrl, AskTemplateSet Templates, Uri UnsubscribeLink);
