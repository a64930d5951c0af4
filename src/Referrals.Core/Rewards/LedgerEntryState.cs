namespace Referrals.Core.Rewards;

/// <summary>
/// Where a ledger entry is in its life.
/// Rewards: Pending → Approved → Issued, or Pending/Approved → Voided.
/// Claw-backs: Settled (the reward had not been paid, so only the payout shrinks), or Pending → Issued (taken back
/// through the issuer) or Pending → Outstanding (could not be taken back: a debt that later rewards offset).
/// Offsets are Settled when written.
/// A payout and a refund that cross (the refund came while the issuer was paying) end as if the refund came after the
/// payout: a voided reward becomes Issued and a settled claw-back of it Pending, collected through the issuer.
/// </summary>
public enum LedgerEntryState
{
    /// <summary>Waiting: a reward until its hold ends, a claw-back until the issuer takes it back.</summary>
    Pending = 0,

    /// <summary>A reward whose hold has passed; it is being issued.</summary>
    Approved = 1,

    /// <summary>Carried out by the issuer; <see cref="LedgerEntry.ExternalRef"/> says where.</summary>
    Issued = 2,

    /// <summary>A reward cancelled before it was paid (full refund, cancellation, rejected review).</summary>
    Voided = 3,

    /// <summary>A claw-back the issuer could not collect; it stands as debt.</summary>
    Outstanding = 4,

    /// <summary>Applied on the ledger alone, with no call outside.</summary>
    Settled = 5,
}
