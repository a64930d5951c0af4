namespace Referrals.Core.Asks;

/// <summary>What a wording finding is about: a badly phrased question, or a missing step of the 4-step ask script.</summary>
public enum WordingRule
{
    /// <summary>A closed question ("Do you know anyone…?") that invites a "no"; ask "Who do you know who…?" instead.</summary>
    ClosedQuestion = 0,

    /// <summary>Step 1 is missing: nothing tells the reader they are valued (thanks, appreciation, gratitude).</summary>
    MissingAppreciation,

    /// <summary>Step 2 is missing: no open "who do you know" question and no explicit invitation to introduce or refer.</summary>
    MissingInvitation,

    /// <summary>Step 3 is missing: no picture of the ideal referral ("someone who…", "people who are…", "like you").</summary>
    MissingIdealReferral,

    /// <summary>Step 4 is missing: no risk-free, no-obligation offer for the friend.</summary>
    MissingRiskFreeOffer,
}
