namespace Referrals.Core.Asks;

/// <summary>Why an ask was not scheduled or not sent. Stored with the skipped ask so the decision can be explained.</summary>
public enum AskSkipReason
{
    /// <summary>The ask goes by e-mail and the contact has not given marketing consent.</summary>
    NoConsent = 0,

    /// <summary>The contact was asked less than the frequency cap ago.</summary>
    WithinFrequencyCap,

    /// <summary>The contact's last satisfaction score was a detractor's; they get service recovery, not a referral ask.</summary>
    LastScoreDetractor,

    /// <summary>The contact's personal data was erased.</summary>
    ContactRedacted,

    /// <summary>The contact already has an ask waiting to be sent.</summary>
    OpenAskExists,

    /// <summary>The program has turned this trigger off.</summary>
    TriggerDisabled,
}
