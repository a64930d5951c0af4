namespace Referrals.Umbraco.Events;

/// <summary>What the program did with a reported order or sign-up.</summary>
public enum ConversionStatus
{
    /// <summary>Recorded; no referral matched.</summary>
    NotReferred = 0,

    /// <summary>A referral converted.</summary>
    Converted = 1,

    /// <summary>A referral converted but was flagged and waits in the review queue.</summary>
    UnderReview = 2,

    /// <summary>A referral matched but the fraud checks or the program's rules refused it.</summary>
    Rejected = 3,

    /// <summary>The same order or sign-up was recorded before; nothing changed.</summary>
    AlreadyRecorded = 4,

    /// <summary>The program is switched off for this site; nothing was recorded.</summary>
    Inactive = 5,
}
