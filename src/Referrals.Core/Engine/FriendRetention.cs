using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Core.Audit;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;
using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>
/// Erases the name and e-mail of invited friends who never converted once <see cref="PrivacyOptions.UninvitedFriendRetentionDays"/>
/// have passed since their invitation or last visit, and expires those referrals. Audited per tenant.
/// </summary>
/// <remarks>
/// Idempotent: erased referrals no longer match. One transaction, bulk statements. The retention should be longer
/// than any tenant's attribution window; a referral expired here can no longer convert.
/// </remarks>
public sealed class FriendRetention
{
    /// <summary>The audit actor.</summary>
    public const string Actor = "retention";

    /// <summary>The audit action.</summary>
    public const string Action = "privacy.friend-retention";

    private readonly TimeProvider _clock;
    private readonly PrivacyOptions _options;
    private readonly ILogger<FriendRetention> _logger;

    /// <summary>Creates the service.</summary>
    public FriendRetention(TimeProvider clock, IOptions<PrivacyOptions> options, ILogger<FriendRetention> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Erases every friend past the retention, in every tenant.</summary>
    /// <returns>How many referrals were erased.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="db"/> is null.</exception>
    public async Task<int> EraseStaleFriendsAsync(ReferralsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = _clock.GetUtcNow();
        var cutoff = FriendRetentionPolicy.Cutoff(now, _options.UninvitedFriendRetentionDays);
        var states = FriendRetentionPolicy.ErasableStates.ToList();
        var stale = db.Referrals.Where(r => states.Contains(r.State)
            && (r.VisitedAt ?? r.CreatedAt) < cutoff
            && (r.FriendName != null || r.FriendEmail != null || r.FriendNormalizedEmail != null || r.IntroductionNote != null));

        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        var perTenant = await stale.GroupBy(r => r.TenantId).Select(g => new { TenantId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        if (perTenant.Count == 0)
        {
            return 0;
        }

        var erased = await stale.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.FriendName, (string?)null)
            .SetProperty(r => r.IntroductionNote, (string?)null)
            .SetProperty(r => r.FriendEmail, (string?)null)
            .SetProperty(r => r.FriendNormalizedEmail, (string?)null)
            .SetProperty(r => r.State, ReferralState.Expired)
            .SetProperty(r => r.UpdatedAt, now), cancellationToken);
        foreach (var tenant in perTenant)
        {
            db.AuditLog.Add(new AuditEntry(tenant.TenantId, Actor, Action, "referrals",
                string.Create(CultureInfo.InvariantCulture,
                    $"{tenant.Count} invited friend(s) who never converted erased and their referrals expired: last touched before {cutoff:O} ({_options.UninvitedFriendRetentionDays} days)."),
                now));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        _logger.LogInformation("Friend retention erased {Erased} invited friend(s) in {Tenants} tenant(s)", erased, perTenant.Count);
        return erased;
    }
}
