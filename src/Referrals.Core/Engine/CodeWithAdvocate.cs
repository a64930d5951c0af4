using Referrals.Core.Contacts;
using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>An active code, its advocate, and the advocate's stored external id in one system (null when none).</summary>
internal sealed record CodeWithAdvocate(ReferralCode Code, Contact Advocate, string? AdvocateExternalId);
