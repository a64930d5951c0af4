using Microsoft.EntityFrameworkCore;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>Starts referrals before any purchase: an advocate names a friend ("Who do you know who…"), or a friend opens a link.</summary>
public sealed class ReferralInvitations
{
    private readonly TimeProvider _clock;
    private readonly StaffTasks _tasks;

    /// <summary>Creates the service.</summary>
    public ReferralInvitations(TimeProvider clock, StaffTasks tasks)
    {
        _clock = clock;
        _tasks = tasks;
    }

    /// <summary>
    /// Records that <paramref name="advocate"/> named a friend, and creates the thank-you card task for the advocate.
    /// Naming the same e-mail again returns the open referral.
    /// </summary>
    /// <exception cref="ArgumentException">The friend's e-mail is not an address, or is the advocate's own.</exception>
    public async Task<Referral> InviteAsync(ReferralsDbContext db, Tenant tenant, Contact advocate, string? friendName, string friendEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(advocate);
        var normalized = EmailNormalizer.Normalize(friendEmail)
            ?? throw new ArgumentException($"'{friendEmail}' is not an e-mail address.", nameof(friendEmail));
        if (normalized == advocate.NormalizedEmail)
        {
            throw new ArgumentException("An advocate cannot invite themself.", nameof(friendEmail));
        }

        var open = await db.Referrals.FirstOrDefaultAsync(
            r => r.TenantId == tenant.Id && r.AdvocateContactId == advocate.Id && r.FriendNormalizedEmail == normalized
                && (r.State == ReferralState.Invited || r.State == ReferralState.Visited),
            cancellationToken);
        if (open is not null)
        {
            return open;
        }

        var chain = await ChainPositions.ForAdvocateAsync(db, tenant.Id, advocate.Id, cancellationToken);
        var referral = new Referral(tenant.Id, advocate.Id, ReferralSource.Named, chain, tenant.Settings.Currency, _clock.GetUtcNow())
        {
            FriendName = friendName,
            FriendEmail = friendEmail,
            FriendNormalizedEmail = normalized,
        };
        db.Referrals.Add(referral);
        await _tasks.ThankYouCardAsync(db, tenant, referral, advocate, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return referral;
    }
}
