namespace Referrals.Core.Thanks;

/// <summary>What a person at the business is asked to do.</summary>
public enum StaffTaskKind
{
    /// <summary>Write a handwritten thank-you card to an advocate whose referral came in.</summary>
    ThankYouCard = 0,

    /// <summary>Call an advocate to thank them.</summary>
    ThankYouCall,

    /// <summary>Get in touch with an unhappy customer (a detractor's answer) and put things right.</summary>
    ServiceRecovery,

    /// <summary>Ask for a referral in a phone call (an ask whose channel is a task).</summary>
    AskCall,

    /// <summary>Ask for a referral in a letter.</summary>
    AskLetter,

    /// <summary>Ask for a referral in a meeting.</summary>
    AskMeeting,
}
