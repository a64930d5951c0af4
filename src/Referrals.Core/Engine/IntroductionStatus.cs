namespace Referrals.Core.Engine;

/// <summary>What became of an introduction request.</summary>
public enum IntroductionStatus
{
    /// <summary>The referral and thank-you task exist and exactly one introduction e-mail is queued.</summary>
    Queued = 0,

    /// <summary>A phone or in-person introduction was recorded: referral and thank-you task, no e-mail.</summary>
    Recorded = 1,

    /// <summary>Refused: an e-mail introduction needs the advocate to confirm the friend agreed to hear from the business.</summary>
    PermissionMissing = 2,

    /// <summary>Refused: the friend's e-mail is not an address, or is the advocate's own.</summary>
    InvalidEmail = 3,

    /// <summary>Refused: the personal note is longer than <see cref="Introductions.MaxNoteLength"/>.</summary>
    NoteTooLong = 4,

    /// <summary>Refused: the friend opted out of introductions from this business; they are never contacted again.</summary>
    FriendOptedOut = 5,

    /// <summary>Refused: the friend was introduced by e-mail within the program's cool-down.</summary>
    RecentlyIntroduced = 6,
}
