namespace Referrals.Core.Codes;

/// <summary>Why a string could not be turned into a referral code key.</summary>
public enum ReferralCodeKeyError
{
    /// <summary>No problem: the key was created.</summary>
    None = 0,

    /// <summary>The input was null, blank, or only separators (spaces, hyphens, underscores).</summary>
    Empty,

    /// <summary>The input has more than <see cref="ReferralCodeKey.MaxLength"/> letters and digits.</summary>
    TooLong,

    /// <summary>The input contains a character that is not an ASCII letter, digit or separator.</summary>
    InvalidCharacter,
}
