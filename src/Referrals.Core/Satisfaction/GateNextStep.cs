namespace Referrals.Core.Satisfaction;

/// <summary>What the program does after a contact answers the satisfaction question.</summary>
public enum GateNextStep
{
    /// <summary>Create a service-recovery task for a person to follow up (detractors); no referral ask.</summary>
    ServiceRecoveryTask = 0,

    /// <summary>Send a thank-you and nothing more (passives).</summary>
    ThankYouOnly,

    /// <summary>Send the referral ask with the personal link and the friend's offer (promoters).</summary>
    ReferralAsk,
}
