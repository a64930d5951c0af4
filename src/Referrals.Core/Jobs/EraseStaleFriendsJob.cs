using Hangfire;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.Core.Jobs;

/// <summary>
/// Erases invited friends who never converted once the retention has passed (see <see cref="FriendRetention"/>).
/// Idempotent: may run more than once, on any instance.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class EraseStaleFriendsJob
{
    private readonly ReferralsDbContext _db;
    private readonly FriendRetention _retention;

    /// <summary>Creates the job.</summary>
    public EraseStaleFriendsJob(ReferralsDbContext db, FriendRetention retention)
    {
        _db = db;
        _retention = retention;
    }

    /// <summary>Runs one pass; returns how many referrals' friends were erased.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => _retention.EraseStaleFriendsAsync(_db, cancellationToken);
}
