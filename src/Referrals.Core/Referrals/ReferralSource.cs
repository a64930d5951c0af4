namespace Referrals.Core.Referrals;

/// <summary>How a referral came about.</summary>
public enum ReferralSource
{
    /// <summary>The friend followed the advocate's personal link.</summary>
    Link = 0,

    /// <summary>The friend used the advocate's code.</summary>
    Code = 1,

    /// <summary>The advocate named the friend ("Who do you know who…").</summary>
    Named = 2,

    /// <summary>The friend's order matched an invited e-mail address.</summary>
    EmailMatch = 3,
}
